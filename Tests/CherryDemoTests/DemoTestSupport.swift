import CherryDemo
import CherryKit
import Foundation

/// Requests of each style, and readers of their answers, shared by the suites.
enum DemoStyle {
  /// Every style, for table tests.
  static let all: [APIStyle] = APIStyle.allCases

  /// Runs a body against a fresh server and always stops it.
  static func withServer<T: Sendable>(
    _ configuration: DemoConfiguration = DemoConfiguration(),
    _ body: (DemoServer) async throws -> T
  ) async throws -> T {
    let server = try await DemoServer.start(configuration: configuration)
    do {
      let result = try await body(server)
      try await server.stop()
      return result
    } catch {
      try await server.stop()
      throw error
    }
  }

  /// Sends a style's chat request with a demo key and returns the answer.
  static func sendChat(
    _ server: DemoServer, _ style: APIStyle, model: String? = nil, stream: Bool = true,
    key: String = "demo-key-1", timeout: Double = 10
  ) async throws -> TestResponse {
    let (target, body) = chat(style, model: model ?? chatModel(style), stream: stream)
    return try await TestHTTPClient.request(
      port: server.port, "POST", target, headers: headers(style, key: key), body: body,
      timeout: timeout)
  }

  /// Sends a style's model-list request with a key and returns the answer.
  static func sendList(
    _ server: DemoServer, _ style: APIStyle, key: String = "demo-key-1", timeout: Double = 10,
    countOnly: Bool = false
  ) async throws -> TestResponse {
    try await TestHTTPClient.request(
      port: server.port, "GET", listTarget(style), headers: headers(style, key: key),
      timeout: timeout, countOnly: countOnly)
  }

  /// The key headers of a style (`nil`: no key at all).
  static func headers(_ style: APIStyle, key: String?) -> [String: String] {
    guard let key else {
      return style == .anthropic ? ["anthropic-version": "2023-06-01"] : [:]
    }
    switch style {
    case .openai, .openaiResponse, .ollama: return ["authorization": "Bearer \(key)"]
    case .anthropic: return ["x-api-key": key, "anthropic-version": "2023-06-01"]
    case .gemini: return ["x-goog-api-key": key]
    case .azureOpenAI: return ["api-key": key]
    }
  }

  /// The model-list target of a style, under a root path prefix.
  static func listTarget(_ style: APIStyle, prefix: String = "") -> String {
    switch style {
    case .openai, .openaiResponse, .anthropic: return prefix + "/v1/models"
    case .gemini: return prefix + "/v1beta/models"
    case .ollama: return prefix + "/api/tags"
    case .azureOpenAI: return prefix + "/openai/models?api-version=2024-10-21"
    }
  }

  /// The chat target and body of a style.
  static func chat(_ style: APIStyle, model: String, stream: Bool) -> (String, String) {
    let messages = #""messages":[{"role":"user","content":"ping"}]"#
    switch style {
    case .openai:
      return ("/v1/chat/completions", #"{"model":"\#(model)",\#(messages),"stream":\#(stream)}"#)
    case .openaiResponse:
      return ("/v1/responses", #"{"model":"\#(model)","input":"ping","stream":\#(stream)}"#)
    case .anthropic:
      return (
        "/v1/messages", #"{"model":"\#(model)","max_tokens":16,\#(messages),"stream":\#(stream)}"#
      )
    case .gemini:
      let method = stream ? "streamGenerateContent?alt=sse" : "generateContent"
      return ("/v1beta/models/\(model):\(method)", #"{"contents":[{"parts":[{"text":"ping"}]}]}"#)
    case .ollama:
      return ("/api/chat", #"{"model":"\#(model)",\#(messages),"stream":\#(stream)}"#)
    case .azureOpenAI:
      return (
        "/openai/deployments/\(model)/chat/completions?api-version=2024-10-21",
        #"{\#(messages),"stream":\#(stream)}"#
      )
    }
  }

  /// The embeddings target and body of a style (`nil` for Anthropic).
  static func embeddings(_ style: APIStyle, model: String) -> (String, String)? {
    switch style {
    case .openai, .openaiResponse: return ("/v1/embeddings", #"{"model":"\#(model)","input":"x"}"#)
    case .anthropic: return nil
    case .gemini:
      return ("/v1beta/models/\(model):embedContent", #"{"content":{"parts":[{"text":"x"}]}}"#)
    case .ollama: return ("/api/embed", #"{"model":"\#(model)","input":"x"}"#)
    case .azureOpenAI:
      return ("/openai/deployments/\(model)/embeddings?api-version=2024-10-21", #"{"input":"x"}"#)
    }
  }

  /// The ids of one list page, in each style's shape (Gemini's `models/` prefix removed).
  static func listedIDs(_ style: APIStyle, _ response: TestResponse) throws -> [String] {
    let object = try response.object()
    switch style {
    case .openai, .openaiResponse, .anthropic, .azureOpenAI:
      let data = object["data"] as? [[String: Any]] ?? []
      return data.compactMap { $0["id"] as? String }
    case .gemini:
      let models = object["models"] as? [[String: Any]] ?? []
      return models.compactMap {
        ($0["name"] as? String)?.replacingOccurrences(of: "models/", with: "")
      }
    case .ollama:
      let models = object["models"] as? [[String: Any]] ?? []
      return models.compactMap { $0["name"] as? String }
    }
  }

  /// The answer text of a chat response, streamed or not, read the way each style is.
  static func answerText(_ style: APIStyle, _ response: TestResponse, stream: Bool) throws
    -> String
  {
    if style == .ollama {
      let lines = response.body.split(separator: "\n").map(String.init)
      return try lines.map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return (object?["message"] as? [String: Any])?["content"] as? String ?? ""
      }.joined()
    }
    let objects = stream ? try response.sseObjects() : [try response.object()]
    return objects.map { object in
      switch style {
      case .openai, .azureOpenAI:
        let choices = object["choices"] as? [[String: Any]] ?? []
        let choice = choices.first ?? [:]
        let part = stream ? choice["delta"] : choice["message"]
        return (part as? [String: Any])?["content"] as? String ?? ""
      case .openaiResponse:
        if stream {
          return object["type"] as? String == "response.output_text.delta"
            ? object["delta"] as? String ?? "" : ""
        }
        let output = object["output"] as? [[String: Any]] ?? []
        let content = output.first?["content"] as? [[String: Any]] ?? []
        return content.first?["text"] as? String ?? ""
      case .anthropic:
        if stream {
          return ((object["delta"] as? [String: Any])?["text"] as? String) ?? ""
        }
        let content = object["content"] as? [[String: Any]] ?? []
        return content.first?["text"] as? String ?? ""
      case .gemini:
        let candidates = object["candidates"] as? [[String: Any]] ?? []
        let content = candidates.first?["content"] as? [String: Any]
        let parts = content?["parts"] as? [[String: Any]] ?? []
        return parts.first?["text"] as? String ?? ""
      case .ollama:
        return ""
      }
    }.joined()
  }

  /// The answer the demo server gives for a model.
  static func expectedAnswer(_ model: String) -> String {
    "Hello! This is the cherry demo server, answering as \(model)."
  }

  /// A chat model each style's tests use.
  static func chatModel(_ style: APIStyle) -> String {
    switch style {
    case .openai, .openaiResponse, .azureOpenAI: return "gpt-4o"
    case .anthropic: return "claude-sonnet-4-5"
    case .gemini: return "gemini-2.5-flash"
    case .ollama: return "qwen3-32b"
    }
  }

  /// The error message in a style's error body.
  static func errorMessage(_ style: APIStyle, _ response: TestResponse) throws -> String? {
    let object = try response.object()
    if style == .ollama { return object["error"] as? String }
    return (object["error"] as? [String: Any])?["message"] as? String
  }
}
