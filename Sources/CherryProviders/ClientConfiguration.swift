public import CherryKit

/// How a ``ProviderClient`` talks to providers: the environment it reads
/// (proxies, `SSL_CERT_FILE`, `env:` keys and headers), the secrets to mask, the trace
/// hook, limits and the default timeouts of DESIGN §1.4 (``RequestDefaults``).
public struct ClientConfiguration: Sendable {
  /// The process environment, read at request time: `HTTPS_PROXY`, `HTTP_PROXY`,
  /// `NO_PROXY` (either case), `SSL_CERT_FILE`, and the variables of `env:NAME` keys
  /// and headers.
  public var environment: [String: String]
  /// Called once per request when it ends (and once per redirect it followed), with
  /// its method, URL, masked headers, status and time (`set trace on`); `nil` for no
  /// tracing.
  public var trace: (@Sendable (RequestTrace) -> Void)?
  /// The process-wide secrets: everything a request prints is masked with them and
  /// with the request's own, which are registered here as each request reads them
  /// (an `env:` key's value, a header value, a URL or proxy password).
  public var secrets: SecretRegistry
  /// The cap on a response body (model lists, embeddings): larger answers fail
  /// with ``ProviderError/Kind/tooLarge``.
  public var maxResponseBytes: Int
  /// The connect timeout of `manage` and `ask`, in seconds.
  public var connectTimeout: Double
  /// The idle (read) timeout of `manage` and `ask`, in seconds: the longest silence
  /// allowed while an answer streams.
  public var idleTimeout: Double
  /// The most connections kept open to one host; it must not cap `check`'s concurrency
  /// (AsyncHTTPClient's default is 8).
  public var maxConnectionsPerHost: Int
  /// A stand-in for the system resolver, for tests: called with each request's host
  /// before it is sent (when no proxy is used); return a failure to simulate a DNS error
  /// (NXDOMAIN) without any real lookup, or `nil` to go on normally.
  public var resolverOverride: (@Sendable (_ host: String) -> SimulatedDNSFailure?)?

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - environment: The environment to read (usually `ProcessInfo.processInfo.environment`).
  ///   - trace: The trace hook, or `nil`.
  ///   - secrets: The process-wide secrets; a fresh, empty registry by default.
  ///   - maxResponseBytes: The response-size cap; ``RequestDefaults/maxResponseBytes``
  ///     by default.
  ///   - connectTimeout: The connect timeout of `manage` and `ask`;
  ///     ``RequestDefaults/connectTimeout`` by default.
  ///   - idleTimeout: The idle timeout of `manage` and `ask`;
  ///     ``RequestDefaults/idleTimeout`` by default.
  ///   - maxConnectionsPerHost: The per-host connection limit; 64 by default.
  ///   - resolverOverride: A resolver stand-in for tests, or `nil`.
  public init(
    environment: [String: String] = [:],
    trace: (@Sendable (RequestTrace) -> Void)? = nil,
    secrets: SecretRegistry = SecretRegistry(),
    maxResponseBytes: Int = RequestDefaults.maxResponseBytes,
    connectTimeout: Double = RequestDefaults.connectTimeout,
    idleTimeout: Double = RequestDefaults.idleTimeout,
    maxConnectionsPerHost: Int = 64,
    resolverOverride: (@Sendable (_ host: String) -> SimulatedDNSFailure?)? = nil
  ) {
    self.environment = environment
    self.trace = trace
    self.secrets = secrets
    self.maxResponseBytes = maxResponseBytes
    self.connectTimeout = connectTimeout
    self.idleTimeout = idleTimeout
    self.maxConnectionsPerHost = maxConnectionsPerHost
    self.resolverOverride = resolverOverride
  }
}

/// A DNS failure made up by a test's ``ClientConfiguration/resolverOverride``.
public struct SimulatedDNSFailure: Error, Equatable, Sendable {
  /// The host that "does not resolve".
  public var host: String
  /// The resolver's words, such as "Name or service not known".
  public var reason: String

  /// Creates a simulated failure.
  ///
  /// - Parameters:
  ///   - host: The host.
  ///   - reason: The resolver's words.
  public init(host: String, reason: String = "Name or service not known") {
    self.host = host
    self.reason = reason
  }
}
