import AsyncHTTPClient
import CherryKit
import NIOCore
import NIOHTTP1

/// One request ready to send: its context (for messages), headers and body.
struct OutgoingRequest: Sendable {
  /// The request as errors describe it.
  var context: RequestContext
  /// The headers, in order.
  var headers: [(name: String, value: String)]
  /// The lower-cased names of headers that carry the key.
  var keyHeaders: Set<String>
  /// The JSON body, or `nil` for a GET.
  var body: [UInt8]?
}

/// The time limits of one exchange (DESIGN §1.4).
struct Timeouts: Sendable {
  /// The connect timeout, in seconds.
  var connect: Double
  /// The idle (read) timeout, in seconds, or `nil` for none.
  var idle: Double?
  /// The total limit, in seconds, or `nil` for none (`manage`, `ask`).
  var total: Double?
}

/// Sends requests through the right `HTTPClient` (proxy, CA, timeouts), turns every
/// failure into a ``ProviderError`` and reports each exchange to the trace hook.
struct Transport: Sendable {
  /// The clients, per proxy, CA and timeouts.
  let cache: HTTPClientCache
  /// The environment, limits and hooks.
  let configuration: ClientConfiguration

  /// Sends a request and hands a 2xx response to `handle`; any other status, and any
  /// error thrown on the way or by `handle`, becomes a ``ProviderError``.
  ///
  /// - Parameters:
  ///   - request: The request.
  ///   - providerProxy: The provider's `proxy` setting.
  ///   - timeouts: The limits.
  ///   - handle: Reads the body of a 2xx response.
  /// - Returns: What `handle` returns.
  /// - Throws: ``ProviderError``.
  func perform<T: Sendable>(
    _ request: OutgoingRequest, providerProxy: String?, timeouts: Timeouts,
    handle: @escaping @Sendable (HTTPClientResponse, RequestContext) async throws -> T
  ) async throws(ProviderError) -> T {
    let start = ContinuousClock.now
    var context = request.context
    context.timeoutSeconds = timeouts.total ?? timeouts.idle
    do {
      let client = try prepare(&context, providerProxy: providerProxy, timeouts: timeouts)
      let ready = context
      let exchange: @Sendable () async throws -> (T, Int) = {
        try await self.exchange(request, context: ready, client: client, timeouts: timeouts, handle)
      }
      let (result, status) =
        if let total = timeouts.total {
          try await withTotalTimeout(total, exchange)
        } else {
          try await exchange()
        }
      emitTrace(request, context: context, status: status, since: start, error: nil)
      return result
    } catch {
      let failure = TransportErrorClassifier.classify(error, context: context)
      emitTrace(request, context: context, status: failure.status, since: start, error: failure)
      throw failure
    }
  }

  /// Chooses the proxy and CA, applies a simulated DNS failure, and returns the client.
  private func prepare(
    _ context: inout RequestContext, providerProxy: String?, timeouts: Timeouts
  ) throws -> HTTPClient {
    guard let parts = URLParts(context.url), parts.scheme == "http" || parts.scheme == "https"
    else {
      throw context.error(
        .configuration, detail: "not an http:// or https:// URL",
        hint: "set the provider's URL with `url <https://…>`")
    }
    let proxy: ProxyChoice?
    let caFile: String?
    do {
      proxy = try ProxySettings.choose(
        for: parts, providerProxy: providerProxy, environment: configuration.environment)
      caFile = try TrustRoots.caFile(environment: configuration.environment)
    } catch let error as ProxySettingError {
      throw context.error(
        .configuration, detail: error.reason,
        hint: ProviderErrorClassifier.hint(.proxy, context: context, retryAfter: nil))
    } catch let error as TrustRootsError {
      throw context.error(
        .configuration, detail: error.reason,
        hint: "point SSL_CERT_FILE at a readable PEM file, or unset it for the system store")
    }
    context.proxy = proxy?.display
    // Through a proxy the proxy resolves the host, so only a direct request can fail here.
    if proxy == nil, let failure = configuration.resolverOverride?(parts.host) {
      throw failure
    }
    let key = ClientKey(
      proxy: proxy, caFile: caFile,
      connectMilliseconds: Int64(min(timeouts.connect, timeouts.total ?? .infinity) * 1000),
      idleMilliseconds: timeouts.idle.map { Int64($0 * 1000) })
    return cache.client(for: key)
  }

  /// Sends the request and reads the answer.
  private func exchange<T: Sendable>(
    _ request: OutgoingRequest, context: RequestContext, client: HTTPClient, timeouts: Timeouts,
    _ handle: @Sendable (HTTPClientResponse, RequestContext) async throws -> T
  ) async throws -> (T, Int) {
    var outgoing = HTTPClientRequest(url: context.url)
    outgoing.method = HTTPMethod(rawValue: context.method)
    for header in request.headers {
      outgoing.headers.add(name: header.name, value: header.value)
    }
    if let body = request.body {
      outgoing.body = .bytes(body)
    }
    let deadline: NIODeadline =
      timeouts.total.map { .now() + .milliseconds(Int64($0 * 1000)) } ?? .distantFuture
    let response = try await client.execute(outgoing, deadline: deadline)
    let status = Int(response.status.code)
    guard (200..<300).contains(status) else {
      let body = await ResponseLimit.prefix(response, limit: ResponseLimit.errorBodyBytes)
      throw ProviderErrorClassifier.classify(
        status: status, retryAfter: response.headers.first(name: "retry-after"), body: body,
        context: context)
    }
    return (try await handle(response, context), status)
  }

  /// Reports one exchange to the trace hook, secrets masked.
  private func emitTrace(
    _ request: OutgoingRequest, context: RequestContext, status: Int?,
    since start: ContinuousClock.Instant,
    error: ProviderError?
  ) {
    guard let trace = configuration.trace else { return }
    let headers = request.headers.map { header in
      RequestTrace.Header(
        name: header.name,
        value: RequestBuilder.maskedValue(
          name: header.name, value: header.value,
          isKey: request.keyHeaders.contains(header.name.lowercased()),
          maskedKey: context.maskedKey))
    }
    let milliseconds = (ContinuousClock.now - start).wholeMilliseconds
    trace(
      RequestTrace(
        method: context.method, url: context.maskedURL, headers: headers, status: status,
        milliseconds: milliseconds, error: error?.summary))
  }
}
