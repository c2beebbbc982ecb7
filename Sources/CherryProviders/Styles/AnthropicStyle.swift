import CherryKit

/// Anthropic Messages (`/v1/messages`, `/v1/models`): `x-api-key` plus
/// `anthropic-version`, a list paged with `after_id` while `has_more`, and named
/// stream events.
struct AnthropicStyle: StyleAdapter {
  /// The page size asked for (the API's maximum, as Cherry Studio asks).
  static let pageSize = 1000

  /// The Messages request.
  struct ChatBody: Encodable {
    var model: String
    var maxTokens: Int
    var system: String?
    var messages: [ChatMessage]
    var stream = true

    enum CodingKeys: String, CodingKey {
      case model
      case maxTokens = "max_tokens"
      case system
      case messages
      case stream
    }
  }

  func firstListURL(_ modelsURL: String) -> String {
    StyleAdapters.appendingQuery(modelsURL, name: "limit", value: String(Self.pageSize))
  }

  /// `{"data":[{"id":…,"display_name":…}],"has_more":…,"last_id":…}`.
  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    let what = "an Anthropic model list ({\"data\": […]})"
    let (root, models) = try StyleAdapters.listEntries(
      bytes, what: what, member: "data", maxEntries: maxEntries
    ) { item in
      guard let id = item.member("id")?.string else {
        throw StyleAdapters.missingID("id", what: what)
      }
      return ListedModel(
        id: id, displayName: item.member("display_name")?.string, ownedBy: "anthropic")
    }
    var next: String?
    if root.member("has_more")?.bool == true,
      let cursor = root.member("last_id")?.string ?? models.last?.id
    {
      next = StyleAdapters.appendingQuery(firstListURL(modelsURL), name: "after_id", value: cursor)
    }
    return ListPage(models: models, nextURL: next)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(
        model: model, maxTokens: prompt.maxTokens, system: prompt.system,
        messages: [ChatMessage(role: "user", content: prompt.user)], stream: prompt.stream))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? { nil }

  /// The text of a non-streamed Messages answer: its `text` content blocks.
  func plainReply(_ root: JSONCursor) throws -> String? {
    guard let blocks = try root.member("content")?.elements() else { return nil }
    return blocks.filter { $0.member("type")?.string == "text" }
      .compactMap { $0.member("text")?.string }.joined()
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    let json = try StyleAdapters.json(data)
    let type = json["type"]?.string ?? name ?? ""
    switch type {
    case "content_block_start":
      return .content(json["content_block"]?["text"]?.string ?? "")
    case "content_block_delta":
      return .content(json["delta"]?["text"]?.string ?? "")
    case "message_stop":
      return .end
    case "error":
      return .failure(ProviderMessage.extract(json: json))
    default:
      return .ignore
    }
  }
}
