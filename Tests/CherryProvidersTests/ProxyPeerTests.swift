import CherryDemo
import CherryKit
import CherryProviders
import Foundation
import Testing

/// Every proxy form CherryKit's ``ProxyURL`` accepts carries a real request through a
/// loopback proxy, from the provider's `proxy` setting and from the environment; the
/// forms it refuses fail before any connection, with what and fix; loopback in any
/// spelling that connects never goes through an environment proxy.
struct ProxyPeerTests {
  /// A proxy setting, and which of the two test proxies must carry the request.
  struct Form: CustomTestStringConvertible, Sendable {
    let name: String
    let socks: Bool
    let setting: @Sendable (_ port: Int) -> String
    var testDescription: String { name }
  }

  static let forms: [Form] = [
    Form(name: "http://host:port", socks: false) { "http://127.0.0.1:\($0)" },
    Form(name: "http://host:port/", socks: false) { "http://127.0.0.1:\($0)/" },
    Form(name: "host:port", socks: false) { "127.0.0.1:\($0)" },
    Form(name: "http://user:password@host:port", socks: false) {
      "http://alice:s%40cret@127.0.0.1:\($0)"
    },
    Form(name: "socks5://host:port", socks: true) { "socks5://127.0.0.1:\($0)" },
    Form(name: "socks5h://host:port", socks: true) { "socks5h://127.0.0.1:\($0)" },
  ]

  @Test("each accepted form, as the provider's proxy", arguments: forms)
  func providerProxy(_ form: Form) async throws {
    let connect = try ConnectProxy()
    let socks = try SOCKS5Proxy()
    defer {
      connect.stop()
      socks.stop()
    }
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.proxy = form.setting(form.socks ? socks.port : connect.port)
      let models = try await client.listModels(provider, keyIndex: 0)
      #expect(!models.isEmpty)
      let used = form.socks ? socks.targets : connect.targets
      let unused = form.socks ? connect.targets : socks.targets
      #expect(used == ["127.0.0.1:\(server.port)"])
      #expect(unused.isEmpty)
      if form.name.contains("user") {
        // Basic authentication with the percent-decoded password.
        let expected = "Basic " + Data("alice:s@cret".utf8).base64EncodedString()
        #expect(connect.proxyAuthorizations == [expected])
      }
    }
  }

  @Test("each accepted form, from HTTP_PROXY, for a host that is not loopback", arguments: forms)
  func environmentProxy(_ form: Form) async throws {
    let connect = try ConnectProxy(hostMap: ["demo.invalid": "127.0.0.1"])
    let socks = try SOCKS5Proxy(hostMap: ["demo.invalid": "127.0.0.1"])
    defer {
      connect.stop()
      socks.stop()
    }
    let configuration = Self.namesOnly([
      "HTTP_PROXY": form.setting(form.socks ? socks.port : connect.port)
    ])
    try await Peer.withDemo(client: configuration) { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = "http://demo.invalid:\(server.port)"
      let models = try await client.listModels(provider, keyIndex: 0)
      #expect(!models.isEmpty)
      // The proxy got the name, never resolved here.
      #expect((form.socks ? socks.targets : connect.targets) == ["demo.invalid:\(server.port)"])
    }
  }

  /// A client with an environment in which any direct request fails as a DNS error, so
  /// that no made-up name is ever looked up for real.
  static func namesOnly(_ environment: [String: String]) -> ClientConfiguration {
    ClientConfiguration(
      environment: environment, resolverOverride: { SimulatedDNSFailure(host: $0) })
  }

  @Test("NO_PROXY and `proxy off` bypass HTTP_PROXY")
  func bypasses() async throws {
    let proxy = try ConnectProxy(hostMap: ["demo.invalid": "127.0.0.1"])
    defer { proxy.stop() }
    let configuration = Self.namesOnly([
      "http_proxy": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "skip.invalid,.other.invalid",
    ])
    try await Peer.withDemo(client: configuration) { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = "http://api.other.invalid:\(server.port)"
      await #expect(throws: ProviderError.self) {
        try await client.listModels(provider, keyIndex: 0)
      }
      provider.url = "http://demo.invalid:\(server.port)"
      provider.proxy = "off"
      do throws(ProviderError) {
        _ = try await client.listModels(provider, keyIndex: 0)
        Issue.record("`proxy off` must go direct")
      } catch {
        #expect(error.kind == .dns)
      }
      #expect(proxy.targets.isEmpty)
    }
  }

  /// A proxy setting that is refused, and words its error holds.
  struct Refused: CustomTestStringConvertible, Sendable {
    let setting: String
    let what: String
    let fix: String
    var testDescription: String { setting }
  }

  static let refused: [Refused] = [
    Refused(setting: "https://127.0.0.1:3128", what: "https:// proxies", fix: "http://host:port"),
    Refused(setting: "socks5://u:p@127.0.0.1:1080", what: "SOCKS", fix: "without authentication"),
    Refused(setting: "socks://127.0.0.1:1080", what: "only SOCKS5", fix: "socks5://"),
    Refused(setting: "127.0.0.1", what: "no port", fix: "http://host:port"),
    Refused(setting: "http://127.0.0.1:99999", what: "1–65535", fix: "port"),
  ]

  @Test("a refused form fails before connecting, naming the setting", arguments: refused)
  func refusedForm(_ row: Refused) async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.proxy = row.setting
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .configuration, "\(failure.message)")
      #expect(failure.what.contains("proxy: "))
      #expect(failure.what.contains(row.what), "\(failure.what)")
      #expect(failure.fix.contains(row.fix), "\(failure.fix)")
      #expect(server.recordedRequests().isEmpty)
    }
  }

  @Test("a proxy URL's password never shows in an error or a trace")
  func proxyPasswordMasked() async throws {
    let traces = TraceCollector()
    let dead = Peer.closedPort()
    let configuration = ClientConfiguration(trace: { traces.append($0) })
    try await Peer.withDemo(client: configuration) { _, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.proxy = "http://alice:proxy-password-0123@127.0.0.1:\(dead)"
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .proxy, "\(failure.message)")
      #expect(!failure.message.contains("proxy-password-0123"))
      #expect(!traces.all.map(\.line).joined().contains("proxy-password-0123"))
    }
  }

  @Test(
    "loopback goes direct whatever HTTP_PROXY says",
    arguments: ["127.0.0.1", "127.0.0.2", "localhost"])
  func loopbackIsDirect(host: String) async throws {
    let bind = host == "localhost" ? "127.0.0.1" : host
    let server = try LoopbackHTTPServer(host: bind) { _ in
      .json(#"{"data":[{"id":"direct-model"}]}"#)
    }
    defer { server.stop() }
    let dead = Peer.closedPort()
    let configuration = ClientConfiguration(environment: [
      "HTTP_PROXY": "http://127.0.0.1:\(dead)", "ALL_PROXY": "socks5://127.0.0.1:\(dead)",
    ])
    try await Peer.withClient(configuration) { client in
      var provider = Provider(
        id: "x", name: "X", style: .openai, url: "http://\(host):\(server.port)/v1")
      provider.keys = ["sk-loopback-direct-0123456789"]
      let models = try await client.listModels(provider, keyIndex: 0)
      #expect(models.map(\.id) == ["direct-model"])
    }
  }
}
