import CherryKit
import CherryProviders
import Foundation
import Testing

/// Redirects (DESIGN §1.2): a same-origin one is followed and traced; one to another
/// origin is never followed — no key or custom header leaves for another host, https
/// is never downgraded — and the error gives the status, both URLs and the fix.
struct RedirectPeerTests {
  static let key = "sk-redirect-test-key-0123456789"
  static let header = HeaderEntry(name: "X-Team-Secret", value: "team-secret-value-42")

  /// An OpenAI-style provider at a URL, with a key and a custom header.
  static func provider(_ url: String) -> Provider {
    var provider = Provider(id: "r", name: "R", style: .openai, url: url)
    provider.keys = [key]
    provider.headers = [header]
    return provider
  }

  /// Lists models, returning the error.
  static func listError(_ client: ProviderClient, _ provider: Provider) async -> ProviderError? {
    do {
      _ = try await client.listModels(provider, keyIndex: 0)
      return nil
    } catch {
      return error
    }
  }

  @Test("a same-origin redirect is followed, with the key, and each hop is traced")
  func sameOrigin() async throws {
    let server = try LoopbackHTTPServer { request in
      request.target == "/v1/models"
        ? .redirect(307, to: "/v2/models?page=1") : .json(#"{"data":[{"id":"moved-model"}]}"#)
    }
    defer { server.stop() }
    let traces = TraceCollector()
    try await Peer.withClient(ClientConfiguration(trace: { traces.append($0) })) { client in
      let models = try await client.listModels(Self.provider(server.url), keyIndex: 0)
      #expect(models.map(\.id) == ["moved-model"])
    }
    #expect(server.requests.map(\.target) == ["/v1/models", "/v2/models?page=1"])
    #expect(server.requests.allSatisfy { $0.headers["authorization"] == "Bearer \(Self.key)" })
    let lines = traces.all.map(\.line)
    #expect(lines.count == 2)
    #expect(lines.first?.contains("→ 307 → \(server.url)/v2/models?page=1") == true, "\(lines)")
    #expect(lines.last?.hasPrefix("GET \(server.url)/v2/models?page=1 → 200") == true, "\(lines)")
    #expect(!lines.joined().contains(Self.key))
  }

  @Test("a chat POST redirected with 307 keeps its method and body")
  func postKeepsItsBody() async throws {
    let stream = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n"
    let server = try LoopbackHTTPServer { request in
      request.target == "/v1/chat/completions"
        ? .redirect(307, to: "/v2/chat/completions")
        : .reply(
          status: 200, headers: [("content-type", "text/event-stream")], body: Array(stream.utf8))
    }
    defer { server.stop() }
    try await Peer.withClient { client in
      let result = await client.test(
        Self.provider(server.url), model: Peer.model("gpt-4o"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
    }
    let requests = server.requests
    #expect(requests.map(\.method) == ["POST", "POST"])
    #expect(
      requests.count == 2 && requests[0].body == requests[1].body && !requests[0].body.isEmpty)
  }

  /// A redirect target in another origin.
  struct Elsewhere: CustomTestStringConvertible, Sendable {
    let name: String
    let host: String
    let samePort: Bool
    let says: String
    var testDescription: String { name }
  }

  static let elsewhere: [Elsewhere] = [
    Elsewhere(
      name: "another loopback host", host: "127.0.0.2", samePort: true, says: "another host"),
    Elsewhere(name: "another port", host: "127.0.0.1", samePort: false, says: "another port"),
  ]

  @Test("a redirect to another origin is not followed", arguments: elsewhere)
  func anotherOrigin(_ row: Elsewhere) async throws {
    // The other origin listens, so a request there would succeed and be seen.
    let (listener, port) = try TestSockets.listen()
    TestSockets.stop(listener)
    let other = try LoopbackHTTPServer(host: row.host, port: row.samePort ? port : 0) { _ in
      .json(#"{"data":[{"id":"stolen"}]}"#)
    }
    defer { other.stop() }
    let location = "\(other.url)/v1/models?key=AIzaLeakedQueryKey0123456789"
    let server = try LoopbackHTTPServer(port: port) { _ in .redirect(302, to: location) }
    defer { server.stop() }
    let traces = TraceCollector()
    try await Peer.withClient(ClientConfiguration(trace: { traces.append($0) })) { client in
      let error = try #require(await Self.listError(client, Self.provider(server.url)))
      #expect(error.kind == .redirect, "\(error.message)")
      #expect(error.status == 302)
      #expect(error.what.contains("\(server.url)/v1/models"))
      #expect(error.what.contains("\(other.url)/v1/models?key=AIza"))
      #expect(error.what.contains(row.says))
      #expect(!error.message.contains("AIzaLeakedQueryKey0123456789"))
      #expect(!error.message.contains(Self.key))
      #expect(error.fix.contains("url"))
    }
    #expect(other.requests.isEmpty)
    #expect(server.requests.count == 1)
    #expect(traces.all.count == 1)
  }

  @Test("https is never downgraded to http, even on the same host")
  func noDowngrade() async throws {
    let plain = try LoopbackHTTPServer { _ in .json(#"{"data":[{"id":"stolen"}]}"#) }
    defer { plain.stop() }
    let listener = try TLSListener(redirectingTo: "\(plain.url)/v1/models")
    defer { listener.stop() }
    let configuration = ClientConfiguration(environment: ["SSL_CERT_FILE": listener.caFile])
    try await Peer.withClient(configuration) { client in
      let provider = Self.provider("https://127.0.0.1:\(listener.port)")
      let error = try #require(await Self.listError(client, provider))
      #expect(error.kind == .redirect, "\(error.message)")
      #expect(error.what.contains("https to http"))
      #expect(error.what.contains(plain.url))
    }
    #expect(plain.requests.isEmpty)
  }

  @Test("a redirect loop stops after a few hops")
  func loop() async throws {
    let server = try LoopbackHTTPServer { request in
      .redirect(301, to: request.target == "/a" ? "/b" : "/a")
    }
    defer { server.stop() }
    try await Peer.withClient { client in
      var provider = Self.provider(server.url + "/a#")
      provider.modelsURL = server.url + "/a"
      let error = try #require(await Self.listError(client, provider))
      #expect(error.kind == .redirect, "\(error.message)")
      #expect(error.what.contains("more than \(RequestDefaults.maxRedirects) redirects"))
    }
    #expect(server.requests.count == RequestDefaults.maxRedirects + 1)
  }
}
