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

/// Sends requests through the right `HTTPClient` (proxy, CA, timeouts), follows
/// same-origin redirects itself, turns every failure into a ``ProviderError`` and
/// reports each hop to the trace hook.
struct Transport: Sendable {
  /// The clients, per proxy, CA and timeouts.
  let cache: HTTPClientCache
  /// The environment, limits and hooks.
  let configuration: ClientConfiguration

  /// Sends a request and hands a 2xx response to `handle`; any other status, and any
  /// error thrown on the way or by `handle`, becomes a ``ProviderError``.
  ///
  /// A redirect to the same origin (scheme, host and port) is followed, at most
  /// ``RequestDefaults/maxRedirects`` times, each hop traced; a redirect to another
  /// origin is not followed but reported, so no key or header ever leaves for another
  /// host, and https is never downgraded (DESIGN §1.2).
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
    var context = request.context
    context.timeoutSeconds = timeouts.total ?? timeouts.idle
    let progress = ExchangeProgress(url: context.url)
    do {
      let client = try prepare(&context, providerProxy: providerProxy, timeouts: timeouts)
      configuration.secrets.register(context.secrets.own)
      let ready = context
      let exchange: @Sendable () async throws -> (T, Int) = {
        try await self.exchange(
          request, context: ready, client: client, timeouts: timeouts, progress: progress, handle)
      }
      let (result, status) =
        if let total = timeouts.total {
          try await withTotalTimeout(total, exchange)
        } else {
          try await exchange()
        }
      context.url = progress.url
      emitTrace(request, context: context, status: status, since: progress.hopStart, error: nil)
      return result
    } catch {
      context.url = progress.url
      let failure = TransportErrorClassifier.classify(
        error, context: context, midAnswer: progress.isReadingBody)
      emitTrace(
        request, context: context, status: failure.status, since: progress.hopStart,
        error: failure)
      throw failure
    }
  }

  /// Chooses the proxy and CA, applies a simulated DNS failure, and returns the client.
  private func prepare(
    _ context: inout RequestContext, providerProxy: String?, timeouts: Timeouts
  ) throws -> HTTPClient {
    let parts: URLParts
    do {
      parts = try URLParts(context.url)
    } catch {
      let lines = error.description.split(separator: "\n", maxSplits: 1).map(String.init)
      throw context.error(
        .configuration, detail: lines.first,
        fix: lines.count > 1 ? lines[1] : "set the provider's URL with `url <https://…>`")
    }
    let proxy: ProxyURL?
    let caFile: String?
    do {
      proxy = try ProxySettings.choose(
        for: parts, providerProxy: providerProxy, environment: configuration.environment)
      caFile = try TrustRoots.caFile(environment: configuration.environment)
    } catch let error as ProxySettingError {
      throw context.error(
        .configuration, detail: "\(error.setting): \(error.error.what)", fix: error.error.fix)
    } catch let error as TrustRootsError {
      throw context.error(
        .configuration, detail: error.reason,
        fix: "point SSL_CERT_FILE at a readable PEM file, or unset it for the system store")
    }
    if let proxy {
      context.proxy = proxy.address
      context.secrets.add(proxy.secrets.values)
    }
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

  /// Sends the request, follows same-origin redirects, and reads the answer.
  private func exchange<T: Sendable>(
    _ request: OutgoingRequest, context: RequestContext, client: HTTPClient, timeouts: Timeouts,
    progress: ExchangeProgress,
    _ handle: @Sendable (HTTPClientResponse, RequestContext) async throws -> T
  ) async throws -> (T, Int) {
    var hop = context
    var headers = request.headers
    var body = request.body
    let deadline: NIODeadline =
      timeouts.total.map { .now() + .milliseconds(Int64($0 * 1000)) } ?? .distantFuture
    var redirects = 0
    while true {
      progress.begin(hop.url)
      var outgoing = HTTPClientRequest(url: hop.url)
      outgoing.method = HTTPMethod(rawValue: hop.method)
      for header in headers {
        outgoing.headers.add(name: header.name, value: header.value)
      }
      if let body {
        outgoing.body = .bytes(body)
      }
      let response = try await client.execute(outgoing, deadline: deadline)
      progress.headArrived()
      let status = Int(response.status.code)
      if let location = response.headers.first(name: "location"),
        [301, 302, 303, 307, 308].contains(status)
      {
        // The body of a redirect says nothing; read a little so the connection can be reused.
        _ = await ResponseLimit.prefix(response, limit: 4096)
        let next = try RedirectPolicy.follow(
          from: hop, status: status, location: location, redirectsSoFar: redirects)
        emitTrace(
          OutgoingRequest(
            context: hop, headers: headers, keyHeaders: request.keyHeaders, body: body),
          context: hop, status: status, since: progress.hopStart, error: nil,
          redirectedTo: hop.masked(URLSecrets.masked(next.url)))
        if next.dropsBody {
          body = nil
          headers.removeAll { $0.name.lowercased() == "content-type" }
        }
        hop.url = next.url
        hop.method = next.method
        redirects += 1
        continue
      }
      guard (200..<300).contains(status) else {
        let errorBody = await ResponseLimit.prefix(response, limit: ResponseLimit.errorBodyBytes)
        throw ProviderErrorClassifier.classify(
          status: status, retryAfter: response.headers.first(name: "retry-after"),
          body: errorBody, context: hop)
      }
      return (try await handle(response, hop), status)
    }
  }

  /// Reports one exchange (or one redirect hop) to the trace hook, secrets masked.
  private func emitTrace(
    _ request: OutgoingRequest, context: RequestContext, status: Int?,
    since start: ContinuousClock.Instant, error: ProviderError?, redirectedTo: String? = nil
  ) {
    guard let trace = configuration.trace else { return }
    let headers = request.headers.map { header in
      RequestTrace.Header(
        name: header.name,
        value: RequestBuilder.maskedValue(
          name: header.name, value: header.value,
          isKey: request.keyHeaders.contains(header.name.lowercased()),
          maskedKey: context.maskedKey, secrets: context.secrets))
    }
    let milliseconds = (ContinuousClock.now - start).wholeMilliseconds
    trace(
      RequestTrace(
        method: context.method, url: context.maskedURL, headers: headers, status: status,
        milliseconds: milliseconds, error: error?.summary, redirectedTo: redirectedTo))
  }
}
