import CherryKit

/// OpenAI Chat Completions (`/v1/chat/completions`, `/v1/models`, `/v1/embeddings`),
/// Bearer auth; also the list and embeddings of the other OpenAI-shaped styles.
struct OpenAIStyle: StyleAdapter {
  /// `{"data":[{"id":…,"owned_by":…}]}`, or a bare array (Together).
  struct ListBody: Decodable {
    var data: [Item]
  }

  /// One listed model.
  struct Item: Decodable {
    var id: String
    var ownedBy: String?
    var name: String?

    enum CodingKeys: String, CodingKey {
      case id
      case ownedBy = "owned_by"
      case name
    }
  }

  /// The chat request.
  struct ChatBody: Encodable {
    var model: String
    var messages: [ChatMessage]
    var stream = true
  }

  /// The embeddings request.
  struct EmbeddingsBody: Encodable {
    var model: String
    var input: [String]
  }

  func firstListURL(_ modelsURL: String) -> String { modelsURL }

  func parseListPage(_ bytes: [UInt8], modelsURL: String) throws -> ListPage {
    try Self.parseList(bytes)
  }

  /// Parses an OpenAI-shaped list (shared with Azure and OpenAI Responses).
  static func parseList(_ bytes: [UInt8]) throws -> ListPage {
    let firstByte = bytes.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") }
    let items: [Item]
    if firstByte == UInt8(ascii: "[") {
      items = try StyleAdapters.decode([Item].self, from: bytes, what: "a model list")
    } else {
      items = try StyleAdapters.decode(
        ListBody.self, from: bytes, what: "a model list ({\"data\": […]})"
      ).data
    }
    let models = items.map {
      ListedModel(id: $0.id, displayName: $0.name, ownedBy: $0.ownedBy)
    }
    return ListPage(models: models, nextURL: nil)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(ChatBody(model: model, messages: Self.messages(prompt)))
  }

  /// The system and user messages of a prompt.
  static func messages(_ prompt: ChatPrompt) -> [ChatMessage] {
    var messages: [ChatMessage] = []
    if let system = prompt.system { messages.append(ChatMessage(role: "system", content: system)) }
    messages.append(ChatMessage(role: "user", content: prompt.user))
    return messages
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try StyleAdapters.encode(EmbeddingsBody(model: model, input: ["test"]))
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    try Self.interpretChunk(data)
  }

  /// Reads one Chat Completions chunk (shared with Azure).
  static func interpretChunk(_ data: String) throws -> StreamStep {
    if data.trimmingSpaces == "[DONE]" { return .end }
    let json = try StyleAdapters.json(data)
    if json["error"] != nil { return .failure(ProviderMessage.extract(json: json)) }
    guard let choices = json["choices"]?.array else { return .ignore }
    let text = choices.first?["delta"]?["content"]?.string ?? ""
    return .content(text)
  }
}
