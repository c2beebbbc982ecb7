import AsyncHTTPClient
import CherryKit
import NIOCore
import NIOSSL
import Synchronization

/// What makes two requests need different `HTTPClient`s: AsyncHTTPClient's proxy,
/// trust roots and timeouts are set per client, not per request.
struct ClientKey: Hashable, Sendable {
  /// The proxy, or `nil` for direct connections.
  var proxy: ProxyURL?
  /// The CA file from `SSL_CERT_FILE`, or `nil` for the system store.
  var caFile: String?
  /// The connect timeout, in milliseconds.
  var connectMilliseconds: Int64
  /// The idle (read) timeout, in milliseconds, or `nil` for none.
  var idleMilliseconds: Int64?
}

/// The `HTTPClient`s of one ``ProviderClient``, made on first use and kept for their
/// connection pools; all share AsyncHTTPClient's singleton event loop group.
final class HTTPClientCache: Sendable {
  private let clients = Mutex<[ClientKey: HTTPClient]>([:])
  private let maxConnectionsPerHost: Int

  /// Creates an empty cache.
  ///
  /// - Parameter maxConnectionsPerHost: The per-host connection limit of every client.
  init(maxConnectionsPerHost: Int) {
    self.maxConnectionsPerHost = maxConnectionsPerHost
  }

  /// The client for a key, made on first use.
  ///
  /// - Parameter key: The proxy, trust roots and timeouts.
  /// - Returns: The client.
  func client(for key: ClientKey) -> HTTPClient {
    clients.withLock { clients in
      if let client = clients[key] { return client }
      let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: configuration(for: key))
      clients[key] = client
      return client
    }
  }

  /// Shuts every client down; the cache is empty afterwards.
  func shutdownAll() async {
    let all = clients.withLock { clients in
      defer { clients.removeAll() }
      return Array(clients.values)
    }
    for client in all {
      try? await client.shutdown()
    }
  }

  /// The AsyncHTTPClient configuration for a key (notes/swift-http.md): the per-host
  /// limit raised so `check` is not capped at 8, no connect retry so a refused
  /// connection is reported at once, no redirect following (``Transport`` follows
  /// same-origin redirects itself, DESIGN §1.2), our timeouts, proxy and CA.
  private func configuration(for key: ClientKey) -> HTTPClient.Configuration {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit =
      maxConnectionsPerHost
    configuration.connectionPool.retryConnectionEstablishment = false
    configuration.timeout = HTTPClient.Configuration.Timeout(
      connect: .milliseconds(key.connectMilliseconds),
      read: key.idleMilliseconds.map { TimeAmount.milliseconds($0) })
    configuration.decompression = .disabled
    configuration.redirectConfiguration = .disallow
    if let proxy = key.proxy {
      switch proxy.kind {
      case .socks5:
        configuration.proxy = .socksServer(host: proxy.host, port: proxy.port)
      case .http:
        let authorization = proxy.user.map {
          HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
        }
        configuration.proxy = .server(
          host: proxy.host, port: proxy.port, authorization: authorization)
      }
    }
    var tls = TLSConfiguration.makeClientConfiguration()
    if let caFile = key.caFile {
      tls.trustRoots = .file(caFile)
    }
    configuration.tlsConfiguration = tls
    return configuration
  }
}
