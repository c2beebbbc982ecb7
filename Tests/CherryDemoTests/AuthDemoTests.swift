import CherryDemo
import CherryKit
import Foundation
import Testing

/// Keys: each style's header, and 401s in each style's own error shape.
@Suite struct AuthDemoTests {
  /// One style's answer to a key: the status and a field of the body that says "auth".
  struct Case: Sendable, CustomTestStringConvertible {
    var style: APIStyle
    var key: String?
    var status: Int
    var marker: String
    var testDescription: String { "\(style.rawValue) key \(key ?? "none")" }
  }

  static let cases: [Case] = [
    Case(style: .openai, key: "wrong-key-123", status: 401, marker: #""code":"invalid_api_key""#),
    Case(style: .openai, key: nil, status: 401, marker: #""type":"invalid_request_error""#),
    Case(style: .openaiResponse, key: "wrong-key-123", status: 401, marker: "invalid_api_key"),
    Case(
      style: .anthropic, key: "wrong-key-123", status: 401,
      marker: #"{"type":"error","error":{"type":"authentication_error""#),
    Case(style: .anthropic, key: nil, status: 401, marker: "authentication_error"),
    Case(style: .gemini, key: nil, status: 401, marker: #""status":"UNAUTHENTICATED""#),
    Case(style: .gemini, key: "wrong-key-123", status: 400, marker: "API_KEY_INVALID"),
    Case(
      style: .azureOpenAI, key: "wrong-key-123", status: 401, marker: #"{"error":{"code":"401""#),
    Case(style: .azureOpenAI, key: nil, status: 401, marker: #""code":"401""#),
  ]

  @Test(arguments: cases)
  func wrongOrMissingKeyIsRefusedInTheStylesShape(_ testCase: Case) async throws {
    try await DemoStyle.withServer { server in
      for target in [DemoStyle.listTarget(testCase.style)] {
        let response = try await TestHTTPClient.request(
          port: server.port, "GET", target,
          headers: DemoStyle.headers(testCase.style, key: testCase.key))
        #expect(response.status == testCase.status)
        #expect(response.body.contains(testCase.marker), "\(response.body)")
        #expect(try DemoStyle.errorMessage(testCase.style, response)?.isEmpty == false)
      }
      let (target, body) = DemoStyle.chat(
        testCase.style, model: DemoStyle.chatModel(testCase.style), stream: true)
      let chat = try await TestHTTPClient.request(
        port: server.port, "POST", target,
        headers: DemoStyle.headers(testCase.style, key: testCase.key), body: body)
      #expect(chat.status == testCase.status)
    }
  }

  @Test(arguments: APIStyle.allCases)
  func everyDemoKeyIsAccepted(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      for key in DemoSession.keys {
        let response = try await TestHTTPClient.request(
          port: server.port, "GET", DemoStyle.listTarget(style),
          headers: DemoStyle.headers(style, key: key))
        #expect(response.status == 200)
      }
    }
  }

  @Test func ollamaIsKeylessUnlessConfigured() async throws {
    try await DemoStyle.withServer { server in
      let response = try await TestHTTPClient.request(port: server.port, "GET", "/api/tags")
      #expect(response.status == 200)
    }
    try await DemoStyle.withServer(DemoConfiguration(ollamaNeedsKey: true)) { server in
      let refused = try await TestHTTPClient.request(port: server.port, "GET", "/api/tags")
      #expect(refused.status == 401)
      #expect(try refused.object()["error"] as? String == "unauthorized")
      let accepted = try await TestHTTPClient.request(
        port: server.port, "GET", "/api/tags",
        headers: DemoStyle.headers(.ollama, key: "demo-key-2"))
      #expect(accepted.status == 200)
    }
  }

  @Test func keysCanBeChangedAtRunTime() async throws {
    try await DemoStyle.withServer(DemoConfiguration(keys: ["first-key-1"])) { server in
      let headers = DemoStyle.headers(.openai, key: "other-key-2")
      let before = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(before.status == 401)
      server.setKeys(["other-key-2"])
      let after = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(after.status == 200)
    }
  }

  @Test func demoKeysLookLikeKeys() {
    #expect(DemoSession.keys.count == 3)
    #expect(DemoSession.keys.allSatisfy { $0.count >= 9 && !$0.contains(" ") })
  }
}
