import CherryKit

/// OpenAI Responses (`/v1/responses`): the OpenAI list and embeddings, its own
/// request body and typed stream events.
struct OpenAIResponseStyle: StyleAdapter {
  /// The Responses request.
  struct ChatBody: Encodable {
    var model: String
    var input: String
    var instructions: String?
    var stream = true
  }

  func firstListURL(_ modelsURL: String) -> String { modelsURL }

  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    try OpenAIStyle.parseList(bytes, maxEntries: maxEntries)
  }

  /// The text of a non-streamed Responses answer: `output_text`, or the `output_text`
  /// parts of its `output` messages.
  func plainReply(_ root: JSONCursor) throws -> String? {
    if let text = root.member("output_text")?.string { return text }
    guard let output = try root.member("output")?.elements() else { return nil }
    var text = ""
    for item in output {
      for part in try item.member("content")?.elements() ?? []
      where part.member("type")?.string == "output_text" {
        text += part.member("text")?.string ?? ""
      }
    }
    return text
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(
        model: model, input: prompt.user, instructions: prompt.system, stream: prompt.stream))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try OpenAIStyle().embeddingsBody(model: model)
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    if data.trimmingSpaces == "[DONE]" { return .end }
    let json = try StyleAdapters.json(data)
    let type = json["type"]?.string ?? name ?? ""
    switch type {
    case "response.output_text.delta":
      return .content(json["delta"]?.string ?? "")
    case "response.output_item.added", "response.content_part.added":
      return .content("")
    case "response.completed", "response.done":
      return .end
    case "response.failed", "response.incomplete":
      if let error = json["response"]?["error"], error != .null {
        return .failure(ProviderMessage.extract(json: .object(["error": error])))
      }
      return .failure(ProviderMessage(text: "the response \(type.dropFirst(9))", code: nil))
    case "error":
      return .failure(ProviderMessage.extract(json: json))
    default:
      if json["error"] != nil && json["type"] == nil {
        return .failure(ProviderMessage.extract(json: json))
      }
      return .ignore
    }
  }
}
