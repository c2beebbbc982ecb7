import CherryDemo
import CherryKit
import Foundation
import Testing

/// `demo-gateway`: an endpoint at a path of its own, which the root form of the
/// URL cannot reach and the `#` form can, checked with cherry's own URL rules.
@Suite struct GatewayDemoTests {
  /// The request target of a resolved endpoint on the demo server.
  static func target(_ url: String, port: Int) throws -> String {
    let root = DemoSession.root(port: port)
    try #require(url.hasPrefix(root), "\(url) is not on the demo server")
    return String(url.dropFirst(root.count))
  }

  /// The model-list answer for a provider, at the URL the rules build.
  static func list(_ provider: Provider, port: Int) async throws -> TestResponse {
    let endpoints = try EndpointResolver.resolve(provider, model: nil)
    let models = try #require(endpoints.models)
    return try await TestHTTPClient.request(
      port: port, "GET", try target(models, port: port),
      headers: DemoStyle.headers(provider.style, key: provider.keys[0]))
  }

  @Test func everyOtherDemoProviderWorksAtTheURLItStartsWith() async throws {
    try await DemoStyle.withServer { server in
      for provider in DemoSession.defaults(port: server.port) where provider.id != "demo-gateway" {
        let response = try await Self.list(provider, port: server.port)
        #expect(response.status == 200, "\(provider.id)")
        #expect(try DemoStyle.listedIDs(provider.style, response).count > 0, "\(provider.id)")
      }
    }
  }

  @Test func theGatewayFailsAtItsRootAndSaysWhere() async throws {
    try await DemoStyle.withServer { server in
      let gateway = try #require(DemoSession.defaultProvider("demo-gateway", port: server.port))
      let endpoints = try EndpointResolver.resolve(gateway, model: "gpt-4o")
      #expect(endpoints.chat == server.url + "/gateway/llm/v1/chat/completions")
      let list = try await Self.list(gateway, port: server.port)
      #expect(list.status == 404)
      let message = try #require(try DemoStyle.errorMessage(.openai, list))
      #expect(message.contains("/gateway/llm/chat/completions"))
      let (_, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: false)
      let chat = try await TestHTTPClient.request(
        port: server.port, "POST", try Self.target(endpoints.chat, port: server.port),
        headers: DemoStyle.headers(.openai, key: "demo-key-1"), body: body)
      #expect(chat.status == 404)
    }
  }

  @Test func theGatewayWorksWithTheHashForm() async throws {
    try await DemoStyle.withServer { server in
      var gateway = try #require(DemoSession.defaultProvider("demo-gateway", port: server.port))
      // Pasting the endpoint without `#` is refused; the rules offer the `#` form.
      let pasted = server.url + "/gateway/llm/chat/completions"
      #expect(throws: URLRuleError.self) { try EndpointResolver.validate(pasted) }
      gateway.url = DemoSession.gatewayURL(port: server.port)
      #expect(gateway.url == pasted + "#")
      let endpoints = try EndpointResolver.resolve(gateway, model: "gpt-4o")
      #expect(endpoints.chat == pasted)
      let list = try await Self.list(gateway, port: server.port)
      #expect(list.status == 200)
      #expect(try DemoStyle.listedIDs(.openai, list) == DemoModelCatalog.standard)
      let headers = DemoStyle.headers(.openai, key: "demo-key-2")
      let (_, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: true)
      let chat = try await TestHTTPClient.request(
        port: server.port, "POST", try Self.target(endpoints.chat, port: server.port),
        headers: headers, body: body)
      #expect(chat.status == 200)
      #expect(
        try DemoStyle.answerText(.openai, chat, stream: true) == DemoStyle.expectedAnswer("gpt-4o"))
      let embeddings = try #require(endpoints.embeddings)
      let embedded = try await TestHTTPClient.request(
        port: server.port, "POST", try Self.target(embeddings, port: server.port),
        headers: headers, body: #"{"model":"text-embedding-3-small","input":"x"}"#)
      #expect(embedded.status == 200)
      // The gateway checks keys as the other providers do.
      let refused = try await TestHTTPClient.request(
        port: server.port, "GET", "/gateway/llm/models",
        headers: DemoStyle.headers(.openai, key: "sk-wrong-key"))
      #expect(refused.status == 401)
    }
  }

  @Test(arguments: ["/gateway/llm/v1/models", "/gateway/v1/chat/completions", "/gateway/llm"])
  func nothingElseUnderTheGatewayIsServed(path: String) async throws {
    try await DemoStyle.withServer { server in
      let response = try await TestHTTPClient.request(
        port: server.port, "GET", path, headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(response.status == 404)
      #expect(server.recordedRequests().first?.style == nil)
    }
  }
}
