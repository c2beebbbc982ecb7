import CherryDemo
import CherryKit
import Foundation
import Testing

/// Each style's chat (streamed and not) and embeddings.
@Suite struct ChatDemoTests {
  @Test(arguments: APIStyle.allCases, [true, false])
  func chatAnswersInTheStylesShape(style: APIStyle, stream: Bool) async throws {
    try await DemoStyle.withServer { server in
      let model = DemoStyle.chatModel(style)
      let response = try await DemoStyle.sendChat(server, style, stream: stream)
      #expect(response.status == 200)
      #expect(
        try DemoStyle.answerText(style, response, stream: stream) == DemoStyle.expectedAnswer(model)
      )
      if stream {
        let type = style == .ollama ? "application/x-ndjson" : "text/event-stream"
        #expect(response.headers["content-type"] == type)
        #expect(response.headers["transfer-encoding"] == "chunked")
      }
    }
  }

  @Test func streamsHaveEachStylesFraming() async throws {
    try await DemoStyle.withServer { server in
      func streamed(_ style: APIStyle) async throws -> TestResponse {
        let (target, body) = DemoStyle.chat(style, model: DemoStyle.chatModel(style), stream: true)
        return try await TestHTTPClient.request(
          port: server.port, "POST", target, headers: DemoStyle.headers(style, key: "demo-key-1"),
          body: body)
      }
      let openai = try await streamed(.openai)
      #expect(openai.body.hasSuffix("data: [DONE]\n\n"))
      let anthropic = try await streamed(.anthropic)
      #expect(anthropic.sseEventNames.first == "message_start")
      #expect(anthropic.sseEventNames.last == "message_stop")
      #expect(anthropic.sseEventNames.contains("content_block_delta"))
      let responses = try await streamed(.openaiResponse)
      #expect(responses.sseEventNames.first == "response.created")
      #expect(responses.sseEventNames.last == "response.completed")
      #expect(!responses.body.contains("[DONE]"))
      let azure = try await streamed(.azureOpenAI)
      let first = try azure.sseObjects().first
      #expect((first?["choices"] as? [Any])?.isEmpty == true)
      let ollama = try await streamed(.ollama)
      #expect(ollama.body.split(separator: "\n").last?.contains(#""done":true"#) == true)
      let gemini = try await streamed(.gemini)
      #expect(gemini.body.contains(#""finishReason":"STOP""#))

      // Gemini without alt=sse streams one JSON array.
      let array = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1beta/models/gemini-2.5-pro:streamGenerateContent",
        headers: DemoStyle.headers(.gemini, key: "demo-key-1"), body: #"{"contents":[]}"#)
      #expect((try array.json() as? [Any])?.count == 4)
    }
  }

  @Test func ollamaStreamsUnlessToldNotTo() async throws {
    try await DemoStyle.withServer { server in
      let response = try await TestHTTPClient.request(
        port: server.port, "POST", "/api/chat", body: #"{"model":"qwen3-32b","messages":[]}"#)
      #expect(response.headers["content-type"] == "application/x-ndjson")
      #expect(response.body.split(separator: "\n").count == 5)
    }
  }

  @Test(arguments: APIStyle.allCases.filter { $0 != .anthropic })
  func embeddingsAnswerWithAVector(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      let model = style == .gemini ? "gemini-embedding-001" : "text-embedding-3-small"
      let (target, body) = try #require(DemoStyle.embeddings(style, model: model))
      let response = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: DemoStyle.headers(style, key: "demo-key-1"),
        body: body)
      #expect(response.status == 200)
      let object = try response.object()
      let vector: [Any]?
      switch style {
      case .gemini: vector = (object["embedding"] as? [String: Any])?["values"] as? [Any]
      case .ollama: vector = (object["embeddings"] as? [[Any]])?.first
      default: vector = (object["data"] as? [[String: Any]])?.first?["embedding"] as? [Any]
      }
      #expect(vector?.count == 8)
    }
  }

  @Test(arguments: APIStyle.allCases)
  func unknownModelIsA404InTheStylesShape(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      let (target, body) = DemoStyle.chat(style, model: "no-such-model", stream: true)
      let response = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: DemoStyle.headers(style, key: "demo-key-1"),
        body: body)
      #expect(response.status == 404)
      let message = try #require(try DemoStyle.errorMessage(style, response))
      if style == .azureOpenAI {
        #expect(message.contains("deployment"))
      } else {
        #expect(message.contains("no-such-model"))
      }
      let object = try response.object()
      switch style {
      case .openai, .openaiResponse:
        #expect((object["error"] as? [String: Any])?["code"] as? String == "model_not_found")
      case .anthropic:
        #expect((object["error"] as? [String: Any])?["type"] as? String == "not_found_error")
      case .gemini:
        #expect((object["error"] as? [String: Any])?["status"] as? String == "NOT_FOUND")
      case .azureOpenAI:
        #expect((object["error"] as? [String: Any])?["code"] as? String == "DeploymentNotFound")
      case .ollama:
        #expect(message.contains("not found"))
      }
    }
  }

  @Test func badRequestsAreRefusedAsTheRealAPIsDo() async throws {
    try await DemoStyle.withServer { server in
      let anthropic = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1/messages",
        headers: DemoStyle.headers(.anthropic, key: "demo-key-1"),
        body: #"{"model":"claude-sonnet-4-5","messages":[]}"#)
      #expect(anthropic.status == 400)
      #expect(try DemoStyle.errorMessage(.anthropic, anthropic) == "max_tokens: Field required")
      let version = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: ["x-api-key": "demo-key-1"])
      #expect(version.status == 400)
      let notJSON = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1/chat/completions",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"), body: "model=gpt-4o")
      #expect(notJSON.status == 400)
      let method = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/chat/completions",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(method.status == 405)
      let azureVersion = try await TestHTTPClient.request(
        port: server.port, "POST", "/openai/deployments/gpt-4o/chat/completions",
        headers: DemoStyle.headers(.azureOpenAI, key: "demo-key-1"), body: #"{"messages":[]}"#)
      #expect(azureVersion.status == 404)
      let azureBadVersion = try await TestHTTPClient.request(
        port: server.port, "GET", "/openai/models?api-version=latest",
        headers: DemoStyle.headers(.azureOpenAI, key: "demo-key-1"))
      #expect(azureBadVersion.status == 400)
    }
  }
}
