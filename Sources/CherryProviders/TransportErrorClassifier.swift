import AsyncHTTPClient
import Glibc
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Turns a transport error (AsyncHTTPClient, NIO, NIOSSL) into one clear
/// ``ProviderError``: refused, DNS, TLS, timeout, proxy or a dropped connection.
enum TransportErrorClassifier {
  /// Classifies an error thrown while sending a request or reading its answer.
  ///
  /// - Parameters:
  ///   - error: The error thrown.
  ///   - context: The request.
  ///   - midAnswer: Whether the response head had arrived: a connection lost then was
  ///     lost in the middle of the answer, whatever the error says.
  /// - Returns: The error to show.
  static func classify(_ error: any Error, context: RequestContext, midAnswer: Bool = false)
    -> ProviderError
  {
    if let error = error as? ProviderError { return error }
    let (kind, detail) = kindAndDetail(error, context: context, midAnswer: midAnswer)
    return context.error(
      kind, detail: detail,
      fix: ProviderErrorClassifier.fix(kind, context: context, retryAfter: nil))
  }

  /// The kind and a short description of a transport error.
  static func kindAndDetail(_ error: any Error, context: RequestContext, midAnswer: Bool)
    -> (ProviderError.Kind, String?)
  {
    let viaProxy = context.proxy.map { "proxy \($0)" }
    let closedMidAnswer = (
      ProviderError.Kind.connection,
      context.operation == .chat
        ? "the connection closed in the middle of the answer's stream"
        : "the connection closed in the middle of the answer"
    )
    switch error {
    case is CancellationError:
      return (.cancelled, nil)
    case is TotalTimeoutError:
      return (.timeout, context.timeoutSeconds.map { "no answer within \(seconds($0)) s" })
    case let error as ResponseTooLargeError:
      return (.tooLarge, "over \(error.limit / (1024 * 1024)) MiB")
    case let error as TooManyModelsError:
      return (.tooLarge, "the list has more than \(error.limit) models")
    case let error as MalformedResponseError:
      guard let excerpt = error.excerpt, !excerpt.isEmpty else { return (.malformed, error.reason) }
      let start = ProviderMessage.display(excerpt, secrets: context.secrets, maxLength: 60)
      return (.malformed, "\(error.reason), starts with '\(start)'")
    case let error as SimulatedDNSFailure:
      return (.dns, "\(error.host): \(error.reason)")
    case is DecodingError:
      return (.malformed, "unexpected JSON")
    case let error as HTTPClientError:
      return classify(httpClientError: error, context: context, midAnswer: midAnswer)
    case let error as NIOConnectionError:
      if error.dnsAError != nil || error.dnsAAAAError != nil {
        if let viaProxy { return (.proxy, "cannot resolve \(viaProxy)") }
        return (.dns, "cannot resolve \(error.host)")
      }
      if let first = error.connectionErrors.first {
        return kindAndDetail(first.error, context: context, midAnswer: midAnswer)
      }
      return (.connection, "cannot connect to \(error.host):\(error.port)")
    case let error as SocketAddressError.UnknownHost:
      if let viaProxy { return (.proxy, "cannot resolve \(viaProxy)") }
      return (.dns, "cannot resolve \(error.host)")
    case let error as IOError:
      if error.errnoCode == ECONNREFUSED {
        if let viaProxy { return (.proxy, "\(viaProxy) refused the connection") }
        return (.refused, "nothing listens at \(context.hostAndPort)")
      }
      if error.errnoCode == ECONNRESET || error.errnoCode == EPIPE {
        return midAnswer ? closedMidAnswer : (.connection, "reset by the server")
      }
      if error.errnoCode == ETIMEDOUT { return (.timeout, "connect timed out") }
      return (.connection, "system error \(error.errnoCode)")
    case let error as ChannelError:
      if case .connectTimeout = error { return (.timeout, "no connection") }
      return midAnswer ? closedMidAnswer : (.connection, "the connection closed")
    case let error as HTTPParserError:
      // After the head, a parse error is a body cut short (a chunk that never ended).
      if midAnswer { return closedMidAnswer }
      if case .invalidEOFState = error {
        return (.connection, "the server closed the connection without a complete answer")
      }
      return (.malformed, "not an HTTP answer: is the scheme right (http:// or https://)?")
    case let error as NIOSSLError:
      if midAnswer, case .uncleanShutdown = error { return closedMidAnswer }
      return (.tls, TLSErrorText.clean(error))
    case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
      return (.tls, TLSErrorText.clean(error))
    default:
      let text = String(describing: error)
      // SocketAddressError.unknown is deprecated; it still reports an unknown host.
      if text.hasPrefix("unknown(host:") { return (.dns, "cannot resolve the host") }
      if text.contains("SSL") || text.contains("TLS") { return (.tls, TLSErrorText.clean(error)) }
      return (.connection, TLSErrorText.stripPaths(text))
    }
  }

  /// The kind and description of an AsyncHTTPClient error.
  private static func classify(
    httpClientError error: HTTPClientError, context: RequestContext, midAnswer: Bool
  ) -> (ProviderError.Kind, String?) {
    let viaProxy = context.proxy.map { "proxy \($0)" }
    switch error {
    case .deadlineExceeded:
      return (.timeout, context.timeoutSeconds.map { "no answer within \(seconds($0)) s" })
    case .readTimeout:
      return (.timeout, "no data for \(context.timeoutSeconds.map(seconds) ?? "?") s")
    case .connectTimeout, .getConnectionFromPoolTimeout:
      if let viaProxy { return (.proxy, "no connection to \(viaProxy)") }
      return (.timeout, "no connection to \(context.hostAndPort)")
    case .remoteConnectionClosed:
      if midAnswer {
        return (.connection, "the server closed the connection in the middle of the answer")
      }
      return (.connection, "the server closed the connection without answering")
    case .cancelled, .requestStreamCancelled:
      return (.cancelled, nil)
    case .invalidProxyResponse:
      return (.proxy, "\(viaProxy ?? "the proxy") refused the tunnel")
    case .proxyAuthenticationRequired:
      return (.proxy, "\(viaProxy ?? "the proxy") wants a user and password")
    case .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
      return (.proxy, "\(viaProxy ?? "the proxy") did not answer")
    case .tlsHandshakeTimeout:
      return (.tls, "the TLS handshake timed out")
    case .uncleanShutdown:
      if midAnswer {
        return (.connection, "the server closed the TLS connection in the middle of the answer")
      }
      return (.tls, "the server closed the TLS connection uncleanly")
    case .invalidURL, .emptyHost, .emptyScheme, .invalidProxyConfiguration:
      return (.configuration, "the URL or proxy is not valid")
    default:
      if error.shortDescription.lowercased().contains("unsupported scheme") {
        return (.configuration, "only http and https are supported")
      }
      return (.connection, error.shortDescription)
    }
  }

  /// Seconds as printed.
  private static func seconds(_ value: Double) -> String {
    ProviderErrorClassifier.formatSeconds(value)
  }
}
