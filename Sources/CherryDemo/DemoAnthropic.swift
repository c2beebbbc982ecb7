/// The Anthropic style: `…/v1/messages` and the paged `…/v1/models`, with
/// `x-api-key` and a required `anthropic-version` header.
enum DemoAnthropic {
  /// The default and largest page sizes of the model list.
  static let defaultLimit = 20
  /// The largest `limit` Anthropic accepts.
  static let maximumLimit = 1_000

  /// Refuses a missing or unknown `x-api-key` (401) and a missing `anthropic-version` (400).
  static func authenticate(_ context: DemoContext) -> DemoResponse? {
    guard let key = context.request.header("x-api-key") else {
      return context.error(401, .authentication, "x-api-key header is required")
    }
    guard context.keys.contains(key) else {
      return context.error(401, .authentication, "invalid x-api-key")
    }
    guard context.request.header("anthropic-version") != nil else {
      return context.error(400, .invalidRequest, "anthropic-version: header is required")
    }
    return nil
  }

  /// Answers an authenticated Anthropic request.
  static func respond(_ context: DemoContext) -> DemoResponse {
    switch context.route.operation {
    case .models: return modelList(context)
    case .embeddings, .show:
      return context.error(404, .notFound, "Not found: Anthropic has no embeddings endpoint")
    case .chat, .streamChat: return messages(context)
    }
  }

  /// One page of the list: `limit`, `after_id` or `before_id`; `has_more`, `first_id`, `last_id`.
  static func modelList(_ context: DemoContext) -> DemoResponse {
    let query = context.request.query
    var limit = defaultLimit
    if let text = query["limit"] {
      guard let value = Int(text), (1...maximumLimit).contains(value) else {
        return context.error(
          400, .invalidRequest, "limit: Input should be between 1 and \(maximumLimit)")
      }
      limit = value
    }
    let models = context.models
    var range = 0..<min(limit, models.count)
    if let after = query["after_id"] {
      let start = (models.firstIndex(of: after) ?? models.count - 1) + 1
      range = start..<min(start + limit, models.count)
    } else if let before = query["before_id"] {
      let end = models.firstIndex(of: before) ?? 0
      range = max(0, end - limit)..<end
    }
    let page = models[range]
    let hasMore = query["before_id"] != nil ? range.lowerBound > 0 : range.upperBound < models.count
    var body = #"{"data":["#
    for (index, id) in page.enumerated() {
      if index > 0 { body += "," }
      body += listEntry(id)
    }
    body += #"],"has_more":\#(hasMore),"first_id":\#(DemoJSON.quoteOrNull(page.first)),"#
    body += #""last_id":\#(DemoJSON.quoteOrNull(page.last))}"#
    return .json(200, body)
  }

  /// One entry of the model list.
  static func listEntry(_ id: String) -> String {
    #"{"type":"model","id":\#(DemoJSON.quote(id)),"#
      + #""display_name":\#(DemoJSON.quote(DemoModelCatalog.displayName(id))),"#
      + #""created_at":"\#(DemoReply.createdDate)"}"#
  }

  /// A Messages answer; streamed as `message_start` … `content_block_delta` … `message_stop`.
  static func messages(_ context: DemoContext) -> DemoResponse {
    guard let fields = context.fields else {
      return context.error(
        400, .invalidRequest, "There was an issue with your request body: not JSON")
    }
    guard let model = fields.model else {
      return context.error(400, .invalidRequest, "model: Field required")
    }
    guard fields.maxTokens != nil else {
      return context.error(400, .invalidRequest, "max_tokens: Field required")
    }
    guard fields.hasMessages else {
      return context.error(400, .invalidRequest, "messages: Field required")
    }
    guard context.modelSet.contains(model) else {
      return context.error(404, .modelNotFound, "model: \(model) not found")
    }
    let quoted = DemoJSON.quote(model)
    let tokens = DemoReply.tokens(model: model)
    guard context.wantsStream else {
      let text = DemoJSON.quote(context.answer(model: model))
      return .json(
        200,
        #"{"id":"msg_demo","type":"message","role":"assistant","model":\#(quoted),"#
          + #""content":[{"type":"text","text":\#(text)}],"stop_reason":"end_turn","#
          + #""stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":\#(tokens)}}"#)
    }
    func event(_ type: String, _ data: String) -> String {
      "event: \(type)\ndata: \(data)\n\n"
    }
    var events = [
      event(
        "message_start",
        #"{"type":"message_start","message":{"id":"msg_demo","type":"message","#
          + #""role":"assistant","model":\#(quoted),"content":[],"stop_reason":null,"#
          + #""stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}"#),
      event(
        "content_block_start",
        #"{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#),
      event("ping", #"{"type": "ping"}"#),
    ]
    for piece in context.answerPieces(model: model) {
      events.append(
        event(
          "content_block_delta",
          #"{"type":"content_block_delta","index":0,"#
            + #""delta":{"type":"text_delta","text":\#(DemoJSON.quote(piece))}}"#))
    }
    events.append(event("content_block_stop", #"{"type":"content_block_stop","index":0}"#))
    events.append(
      event(
        "message_delta",
        #"{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"#
          + #""usage":{"output_tokens":\#(tokens)}}"#))
    events.append(event("message_stop", #"{"type":"message_stop"}"#))
    return .sse(events)
  }
}
