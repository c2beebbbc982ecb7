import CherryDemo
import CherryKit
import CherryProviders
import Foundation
import Testing

/// Refused ports, DNS failures, headers, traces, proxies and private CAs, all on
/// 127.0.0.1 and without resolving any name.
struct NetworkPeerTests {
  @Test("a refused port is reported as refused, at once")
  func refused() async throws {
    let port = Peer.closedPort()
    try await Peer.withClient { client in
      var provider = Provider(id: "x", name: "X", style: .openai, url: "http://127.0.0.1:\(port)")
      provider.keys = ["sk-refused-test-key-123456"]
      // Refused, not a timeout: AsyncHTTPClient would otherwise retry the
      // connection until the 15 s limit and report that instead.
      let result = await client.test(
        provider, model: Peer.model("gpt-4o"), keyIndex: 0, timeout: 15)
      #expect(result.error?.kind == .refused, "\(result.error?.message ?? "ok")")
      #expect(result.error?.message.contains("127.0.0.1:\(port)") == true)
    }
  }

  @Test("an injected DNS failure is reported as DNS, before any lookup")
  func dns() async throws {
    let configuration = ClientConfiguration(resolverOverride: { host in
      SimulatedDNSFailure(host: host)
    })
    try await Peer.withClient(configuration) { client in
      var provider = Provider(
        id: "x", name: "X", style: .anthropic, url: "https://api.no-such-host.invalid")
      provider.keys = ["sk-ant-dns-test-key-123456"]
      do {
        _ = try await client.listModels(provider, keyIndex: 0)
        Issue.record("the lookup must fail")
      } catch let error as ProviderError {
        #expect(error.kind == .dns)
        #expect(error.message.contains("api.no-such-host.invalid"))
      }
    }
  }

  @Test("custom headers reach the server, env: values resolved; traces mask secrets")
  func headersAndTrace() async throws {
    let traces = TraceCollector()
    let configuration = ClientConfiguration(
      environment: ["TEAM_TOKEN": "team-token-value-0123456789"], trace: { traces.append($0) })
    try await Peer.withDemo(client: configuration) { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.headers = [
        HeaderEntry(name: "X-Team", value: "blue"),
        HeaderEntry(name: "X-Team-Token", value: "env:TEAM_TOKEN"),
      ]
      _ = try await client.listModels(provider, keyIndex: 0)
      let request = try #require(server.recordedRequests().first)
      #expect(request.header("x-team") == "blue")
      #expect(request.header("x-team-token") == "team-token-value-0123456789")
      let trace = try #require(traces.all.first)
      #expect(trace.status == 200)
      #expect(trace.method == "GET")
      #expect(trace.url == server.url + "/v1/models")
      let shown = trace.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
      #expect(!shown.contains(DemoSession.keys[0]))
      #expect(!shown.contains("team-token-value-0123456789"))
      #expect(shown.contains("Authorization: Bearer \(KeyMask.mask(DemoSession.keys[0]))"))
      // Every header value is a secret unless known not to be (DESIGN §1.1).
      #expect(shown.contains("X-Team: ****"))
      #expect(shown.contains("User-Agent: cherry"))
    }
  }

  @Test("a proxy that is not there is reported as a proxy failure")
  func deadProxy() async throws {
    let dead = Peer.closedPort()
    try await Peer.withDemo { _, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.proxy = "http://127.0.0.1:\(dead)"
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      #expect(result.error?.kind == .proxy, "\(result.error?.message ?? "ok")")
      #expect(result.error?.message.contains("127.0.0.1:\(dead)") == true)
    }
  }

  @Test("SSL_CERT_FILE trusts a private CA; without it the TLS error is clean")
  func privateCA() async throws {
    let listener = try TLSListener(files: [
      "v1/models": #"{"object":"list","data":[{"id":"tls-model","object":"model"}]}"#
    ])
    defer { listener.stop() }
    var provider = Provider(
      id: "tls", name: "TLS", style: .openai, url: "https://127.0.0.1:\(listener.port)")
    provider.keys = ["sk-tls-test-key-0123456789"]
    try await Peer.withClient(ClientConfiguration(environment: ["SSL_CERT_FILE": listener.caFile]))
    {
      client in
      let models = try await client.listModels(provider, keyIndex: 0)
      #expect(models.map(\.id) == ["tls-model"])
    }
    try await Peer.withClient { client in
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .tls, "\(failure.message)")
      #expect(failure.message.contains("not trusted"))
      #expect(!failure.message.contains("handshake"))
      #expect(!failure.message.contains(".cc"))
      #expect(failure.hint.contains("SSL_CERT_FILE"))
    }
  }

  @Test("https:// to a plain HTTP server is a clean TLS error")
  func httpsToPlainServer() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = "https://127.0.0.1:\(server.port)"
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .tls, "\(failure.message)")
      #expect(!failure.message.contains(".cc"))
    }
  }
}
