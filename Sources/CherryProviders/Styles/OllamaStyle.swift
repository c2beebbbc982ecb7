import CherryKit

/// Ollama's native API (`/api/tags`, `/api/chat` as NDJSON, `/api/embed`); a key is
/// optional and sent as Bearer only when set.
struct OllamaStyle: StyleAdapter {
  /// The chat request.
  struct ChatBody: Encodable {
    var model: String
    var messages: [ChatMessage]
    var stream = true
  }

  /// The embed request.
  struct EmbeddingsBody: Encodable {
    var model: String
    var input: String
  }

  var framing: StreamFraming { .ndjson }

  func firstListURL(_ modelsURL: String) -> String { modelsURL }

  /// Parses `{"models":[{"name":…,"model":…,"capabilities":[…]}]}`.
  ///
  /// An entry with neither name is skipped. Newer Ollama versions list capabilities
  /// here too (``kinds(capabilities:)``); `/api/show` gives them for every version.
  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    let (_, models) = try StyleAdapters.listEntries(
      bytes, what: "an Ollama model list ({\"models\": […]})", member: "models",
      maxEntries: maxEntries
    ) { item in
      guard let id = item.member("name")?.string ?? item.member("model")?.string, !id.isEmpty
      else { return nil }
      return ListedModel(
        id: id, displayName: nil, ownedBy: "ollama",
        providerKinds: try Self.kinds(capabilities: item.member("capabilities")))
    }
    return ListPage(models: models, nextURL: nil)
  }

  /// The kinds of Ollama's capability names, as Cherry Studio maps them: `completion`
  /// is chat, `vision`, `tools`, `thinking` (reasoning) and `embedding`; other names
  /// (`insert`) say nothing cherry shows.
  ///
  /// - Parameter capabilities: The `capabilities` array, or `nil`.
  /// - Returns: The kinds, or `nil` when there is no array or it names none of these.
  /// - Throws: `CancellationError` when cancelled while reading.
  static func kinds(capabilities: JSONCursor?) throws -> Set<ModelKind>? {
    guard let capabilities, capabilities.isArray else { return nil }
    var kinds: Set<ModelKind> = []
    for element in (try capabilities.elements() ?? []).prefix(StyleAdapters.maxNamesPerEntry) {
      switch element.string?.lowercased() {
      case "completion": kinds.insert(.chat)
      case "vision": kinds.insert(.vision)
      case "tools": kinds.insert(.tools)
      case "thinking": kinds.insert(.reasoning)
      case "embedding": kinds.insert(.embedding)
      default: break
      }
    }
    return kinds.isEmpty ? nil : kinds
  }

  /// The text of a non-streamed `/api/chat` answer, `{"message":{"content":…}}`.
  func plainReply(_ root: JSONCursor) throws -> String? {
    guard let message = root.member("message") else { return nil }
    return message.member("content")?.string ?? ""
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(model: model, messages: OpenAIStyle.messages(prompt), stream: prompt.stream))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try StyleAdapters.encode(EmbeddingsBody(model: model, input: "test"))
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    let json = try StyleAdapters.json(data)
    if json["error"] != nil { return .failure(ProviderMessage.extract(json: json)) }
    if let text = json["message"]?["content"]?.string, !text.isEmpty { return .content(text) }
    if json["done"]?.bool == true { return .end }
    return json["message"] != nil ? .content("") : .ignore
  }
}
