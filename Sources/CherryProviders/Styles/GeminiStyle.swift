import CherryKit

/// Google Gemini (`/v1beta/models`, `:streamGenerateContent?alt=sse`,
/// `:embedContent`): `x-goog-api-key`, model names with a `models/` prefix to strip,
/// a list paged with `pageToken`.
struct GeminiStyle: StyleAdapter {
  /// The page size asked for (the API's maximum).
  static let pageSize = 1000

  /// `{"models":[{"name":"models/…","displayName":…}],"nextPageToken":…}`.
  struct ListBody: Decodable {
    var models: [Item]?
    var nextPageToken: String?
  }

  /// One listed model.
  struct Item: Decodable {
    var name: String
    var displayName: String?
  }

  /// A text part.
  struct Part: Encodable {
    var text: String
  }

  /// A content: a role and its parts.
  struct Content: Encodable {
    var role: String?
    var parts: [Part]
  }

  /// The generateContent request.
  struct ChatBody: Encodable {
    var contents: [Content]
    var systemInstruction: Content?
  }

  /// The embedContent request.
  struct EmbeddingsBody: Encodable {
    var content: Content
  }

  func firstListURL(_ modelsURL: String) -> String {
    StyleAdapters.appendingQuery(modelsURL, name: "pageSize", value: String(Self.pageSize))
  }

  func parseListPage(_ bytes: [UInt8], modelsURL: String) throws -> ListPage {
    let body = try StyleAdapters.decode(
      ListBody.self, from: bytes, what: "a Gemini model list ({\"models\": […]})")
    let models = (body.models ?? []).map { item in
      let id = item.name.hasPrefix("models/") ? String(item.name.dropFirst(7)) : item.name
      return ListedModel(id: id, displayName: item.displayName, ownedBy: nil)
    }
    var next: String?
    if let token = body.nextPageToken, !token.isEmpty {
      next = StyleAdapters.appendingQuery(firstListURL(modelsURL), name: "pageToken", value: token)
    }
    return ListPage(models: models, nextURL: next)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(
        contents: [Content(role: "user", parts: [Part(text: prompt.user)])],
        systemInstruction: prompt.system.map { Content(role: nil, parts: [Part(text: $0)]) }))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try StyleAdapters.encode(
      EmbeddingsBody(content: Content(role: nil, parts: [Part(text: "test")])))
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    let json = try StyleAdapters.json(data)
    if json["error"] != nil { return .failure(ProviderMessage.extract(json: json)) }
    guard let candidates = json["candidates"]?.array else { return .ignore }
    let parts = candidates.first?["content"]?["parts"]?.array ?? []
    return .content(parts.compactMap { $0["text"]?.string }.joined())
  }
}
