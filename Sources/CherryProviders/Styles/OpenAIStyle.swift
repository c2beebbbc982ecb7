import CherryKit

/// OpenAI Chat Completions (`/v1/chat/completions`, `/v1/models`, `/v1/embeddings`),
/// Bearer auth; also the list and embeddings of the other OpenAI-shaped styles.
struct OpenAIStyle: StyleAdapter {
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

  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    try Self.parseList(bytes, maxEntries: maxEntries)
  }

  /// Parses an OpenAI-shaped list, `{"data":[{"id":…,"owned_by":…,"name":…}]}` or a bare
  /// array (Together); shared with Azure and OpenAI Responses.
  ///
  /// A New API gateway's entries also carry their endpoint types (``endpointTypes(of:)``).
  static func parseList(_ bytes: [UInt8], maxEntries: Int) throws -> ListPage {
    let what = "a model list ({\"data\": […]})"
    let (_, models) = try StyleAdapters.listEntries(
      bytes, what: what, member: "data", bareArray: true, maxEntries: maxEntries
    ) { item in
      guard let id = item.member("id")?.string else {
        throw StyleAdapters.missingID("id", what: what)
      }
      return ListedModel(
        id: id, displayName: item.member("name")?.string,
        ownedBy: item.member("owned_by")?.string, endpointTypes: try endpointTypes(of: item))
    }
    return ListPage(models: models, nextURL: nil)
  }

  /// The endpoint types a New API entry lists (DESIGN §1.6): its `endpoint_type`
  /// first (the one type a gateway gives the model), then its
  /// `supported_endpoint_types` in order (all Cherry Studio reads), without repeats;
  /// names cherry has no endpoint for (`jina-rerank`) are left out.
  ///
  /// - Parameter item: One entry of the list.
  /// - Returns: The types, or `nil` when the entry names none cherry knows.
  /// - Throws: `CancellationError` when cancelled while reading.
  static func endpointTypes(of item: JSONCursor) throws -> [ModelEndpointType]? {
    var names: [String] = []
    if let single = item.member("endpoint_type")?.string { names.append(single) }
    if let list = item.member("supported_endpoint_types"), list.isArray {
      for element in (try list.elements() ?? []).prefix(StyleAdapters.maxNamesPerEntry) {
        if let name = element.string { names.append(name) }
      }
    }
    var types: [ModelEndpointType] = []
    for name in names {
      if let type = ModelEndpointType(listingName: name), !types.contains(type) {
        types.append(type)
      }
    }
    return types.isEmpty ? nil : types
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(model: model, messages: Self.messages(prompt), stream: prompt.stream))
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

  func plainReply(_ root: JSONCursor) throws -> String? {
    try Self.plainCompletion(root)
  }

  /// The text of a non-streamed Chat Completions answer,
  /// `{"choices":[{"message":{"content":…}}]}` (shared with Azure).
  static func plainCompletion(_ root: JSONCursor) throws -> String? {
    guard let choice = try root.member("choices")?.elements()?.first,
      let message = choice.member("message")
    else { return nil }
    return message.member("content")?.string ?? ""
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
