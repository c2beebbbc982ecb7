import CherryKit

/// Anthropic Messages (`/v1/messages`, `/v1/models`): `x-api-key` plus
/// `anthropic-version`, a list paged with `after_id` while `has_more`, and named
/// stream events.
struct AnthropicStyle: StyleAdapter {
  /// The page size asked for (the API's maximum, as Cherry Studio asks).
  static let pageSize = 1000

  /// `{"data":[{"id":…,"display_name":…}],"has_more":…,"last_id":…}`.
  struct ListBody: Decodable {
    var data: [Item]
    var hasMore: Bool?
    var lastID: String?

    enum CodingKeys: String, CodingKey {
      case data
      case hasMore = "has_more"
      case lastID = "last_id"
    }
  }

  /// One listed model.
  struct Item: Decodable {
    var id: String
    var displayName: String?

    enum CodingKeys: String, CodingKey {
      case id
      case displayName = "display_name"
    }
  }

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

  func parseListPage(_ bytes: [UInt8], modelsURL: String) throws -> ListPage {
    let body = try StyleAdapters.decode(
      ListBody.self, from: bytes, what: "an Anthropic model list ({\"data\": […]})")
    let models = body.data.map {
      ListedModel(id: $0.id, displayName: $0.displayName, ownedBy: "anthropic")
    }
    var next: String?
    if body.hasMore == true, let cursor = body.lastID ?? body.data.last?.id {
      next = StyleAdapters.appendingQuery(firstListURL(modelsURL), name: "after_id", value: cursor)
    }
    return ListPage(models: models, nextURL: next)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(
        model: model, maxTokens: prompt.maxTokens, system: prompt.system,
        messages: [ChatMessage(role: "user", content: prompt.user)]))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? { nil }

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
