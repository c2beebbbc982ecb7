import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A request that outlived its total time limit (the test's `--timeout`).
struct TotalTimeoutError: Error {}

/// A response body larger than the cap.
struct ResponseTooLargeError: Error {
  /// The cap, in bytes.
  var limit: Int
}

/// A body that is not what the style sends.
struct MalformedResponseError: Error {
  /// What was wrong, in a few words.
  var reason: String
}

/// Turns a transport error (AsyncHTTPClient, NIO, NIOSSL) into one clear
/// ``ProviderError``: refused, DNS, TLS, timeout, proxy or a dropped connection.
enum TransportErrorClassifier {
  /// Classifies an error thrown while sending a request or reading its answer.
  ///
  /// - Parameters:
  ///   - error: The error thrown.
  ///   - context: The request.
  /// - Returns: The error to show.
  static func classify(_ error: any Error, context: RequestContext) -> ProviderError {
    if let error = error as? ProviderError { return error }
    let (kind, detail) = kindAndDetail(error, context: context)
    return context.error(
      kind, detail: detail,
      hint: ProviderErrorClassifier.hint(kind, context: context, retryAfter: nil))
  }

  /// The kind and a short description of a transport error.
  static func kindAndDetail(_ error: any Error, context: RequestContext)
    -> (ProviderError.Kind, String?)
  {
    let viaProxy = context.proxy.map { "proxy \($0)" }
    switch error {
    case is CancellationError:
      return (.cancelled, nil)
    case is TotalTimeoutError:
      return (.timeout, context.timeoutSeconds.map { "no answer within \(seconds($0)) s" })
    case let error as ResponseTooLargeError:
      return (.tooLarge, "over \(error.limit / (1024 * 1024)) MiB")
    case let error as MalformedResponseError:
      return (.malformed, error.reason)
    case let error as SimulatedDNSFailure:
      return (.dns, "\(error.host): \(error.reason)")
    case is DecodingError:
      return (.malformed, "unexpected JSON")
    case let error as HTTPClientError:
      return classify(httpClientError: error, context: context)
    case let error as NIOConnectionError:
      if error.dnsAError != nil || error.dnsAAAAError != nil {
        if let viaProxy { return (.proxy, "cannot resolve \(viaProxy)") }
        return (.dns, "cannot resolve \(error.host)")
      }
      if let first = error.connectionErrors.first {
        return kindAndDetail(first.error, context: context)
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
      if error.errnoCode == ECONNRESET { return (.connection, "reset by the server") }
      if error.errnoCode == ETIMEDOUT { return (.timeout, "connect timed out") }
      return (.connection, "system error \(error.errnoCode)")
    case let error as ChannelError:
      if case .connectTimeout = error { return (.timeout, "no connection") }
      return (.connection, "the connection closed")
    case is HTTPParserError:
      return (.malformed, "not an HTTP answer: is the scheme right (http:// or https://)?")
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
  private static func classify(httpClientError error: HTTPClientError, context: RequestContext)
    -> (ProviderError.Kind, String?)
  {
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
      return (.connection, "the server closed the connection")
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
