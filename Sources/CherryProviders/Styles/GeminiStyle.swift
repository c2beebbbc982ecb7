import CherryKit

/// Google Gemini (`/v1beta/models`, `:streamGenerateContent?alt=sse`,
/// `:embedContent`): `x-goog-api-key`, model names with a `models/` prefix to strip,
/// a list paged with `pageToken`.
struct GeminiStyle: StyleAdapter {
  /// The page size asked for (the API's maximum).
  static let pageSize = 1000

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

  /// `{"models":[{"name":"models/…","displayName":…}],"nextPageToken":…}`; an empty
  /// list may leave out `models`.
  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    let what = "a Gemini model list ({\"models\": […]})"
    let (root, models) = try StyleAdapters.listEntries(
      bytes, what: what, member: "models", mayBeAbsent: true, maxEntries: maxEntries
    ) { item in
      guard let name = item.member("name")?.string else {
        throw StyleAdapters.missingID("name", what: what)
      }
      let id = name.hasPrefix("models/") ? String(name.dropFirst(7)) : name
      return ListedModel(id: id, displayName: item.member("displayName")?.string, ownedBy: nil)
    }
    var next: String?
    if let token = root.member("nextPageToken")?.string, !token.isEmpty {
      next = StyleAdapters.appendingQuery(firstListURL(modelsURL), name: "pageToken", value: token)
    }
    return ListPage(models: models, nextURL: next)
  }

  /// Without a stream, `:generateContent` and no `alt=sse` (a URL without
  /// `:streamGenerateContent`, an exact one the user chose, is kept).
  func chatURL(_ url: String, stream: Bool) -> String {
    guard !stream, let method = url.firstRange(of: ":streamGenerateContent") else { return url }
    var out = url
    out.replaceSubrange(method, with: ":generateContent")
    guard let mark = out.firstIndex(of: "?") else { return out }
    let items = out[out.index(after: mark)...].split(separator: "&").filter { $0 != "alt=sse" }
    out = String(out[..<mark]) + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    return out
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

  /// The text of a non-streamed answer: one `generateContent` object, or the JSON
  /// array of chunks `streamGenerateContent` sends without `alt=sse`.
  func plainReply(_ root: JSONCursor) throws -> String? {
    let chunks = try root.elements() ?? [root]
    var text: String?
    for chunk in chunks {
      guard let candidates = try chunk.member("candidates")?.elements() else { continue }
      let parts = try candidates.first?.member("content")?.member("parts")?.elements() ?? []
      text = (text ?? "") + parts.compactMap { $0.member("text")?.string }.joined()
    }
    return text
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    let json = try StyleAdapters.json(data)
    if json["error"] != nil { return .failure(ProviderMessage.extract(json: json)) }
    guard let candidates = json["candidates"]?.array else { return .ignore }
    let parts = candidates.first?["content"]?["parts"]?.array ?? []
    return .content(parts.compactMap { $0["text"]?.string }.joined())
  }
}
