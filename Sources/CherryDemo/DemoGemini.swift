/// The Gemini style: `…/v1beta/models` (names with the `models/` prefix, paged by
/// `pageToken`) and `…/models/{m}:generateContent`, `:streamGenerateContent`,
/// `:embedContent`, with `x-goog-api-key` or `?key=`.
enum DemoGemini {
  /// The default page size of the model list.
  static let defaultPageSize = 50
  /// The largest page size Gemini accepts.
  static let maximumPageSize = 1_000
  /// The prefix of the demo's page tokens (opaque to clients).
  static let tokenPrefix = "demo-page-"

  /// Refuses a missing key (401 `UNAUTHENTICATED`) and an unknown one (400
  /// `INVALID_ARGUMENT` with reason `API_KEY_INVALID`, as the real API answers).
  static func authenticate(_ context: DemoContext) -> DemoResponse? {
    guard let key = DemoRoute.key(for: .gemini, in: context.request) else {
      return context.error(
        401, .authentication,
        "Method doesn't allow unregistered callers (callers without established identity). "
          + "Please use API Key or other form of API consumer identity to call this API.")
    }
    guard context.keys.contains(key) else {
      return context.error(400, .invalidKey, "API key not valid. Please pass a valid API key.")
    }
    return nil
  }

  /// Answers an authenticated Gemini request.
  static func respond(_ context: DemoContext) -> DemoResponse {
    if context.route.operation == .models { return modelList(context) }
    let model = context.model ?? ""
    guard context.modelSet.contains(model) else {
      let method = context.route.operation == .embeddings ? "embedContent" : "generateContent"
      return context.error(
        404, .modelNotFound,
        "models/\(model) is not found for API version v1beta, or is not supported for "
          + "\(method). Call ListModels to see the list of available models and their "
          + "supported methods.")
    }
    guard let fields = context.fields else {
      return context.error(400, .invalidRequest, "Invalid JSON payload received.")
    }
    if context.route.operation == .embeddings {
      guard fields.hasContent else {
        return context.error(400, .invalidRequest, "* EmbedContentRequest.content: not specified")
      }
      return .json(200, #"{"embedding":{"values":\#(DemoReply.vector(model: model))}}"#)
    }
    guard fields.hasContents else {
      return context.error(
        400, .invalidRequest, "* GenerateContentRequest.contents: contents is not specified")
    }
    return generate(context, model: model)
  }

  /// One page of `{"models":[…],"nextPageToken":…}`.
  static func modelList(_ context: DemoContext) -> DemoResponse {
    let query = context.request.query
    var size = defaultPageSize
    if let text = query["pageSize"] {
      guard let value = Int(text), value >= 0 else {
        return context.error(400, .invalidRequest, "Invalid value at 'page_size'")
      }
      size = value == 0 ? defaultPageSize : min(value, maximumPageSize)
    }
    var start = 0
    if let token = query["pageToken"], !token.isEmpty {
      guard token.hasPrefix(tokenPrefix), let offset = Int(token.dropFirst(tokenPrefix.count)),
        offset >= 0, offset <= context.models.count
      else {
        return context.error(400, .invalidRequest, "Invalid page token.")
      }
      start = offset
    }
    let end = min(start + size, context.models.count)
    var body = #"{"models":["#
    body.reserveCapacity((end - start) * 300 + 64)
    for (index, id) in context.models[start..<end].enumerated() {
      if index > 0 { body += "," }
      body += listEntry(id)
    }
    body += "]"
    if end < context.models.count { body += #","nextPageToken":"\#(tokenPrefix)\#(end)""# }
    return .json(200, body + "}")
  }

  /// One entry of the model list.
  static func listEntry(_ id: String) -> String {
    let methods =
      DemoModelCatalog.isEmbedding(id)
      ? #"["embedContent"]"# : #"["generateContent","countTokens"]"#
    return #"{"name":\#(DemoJSON.quote("models/" + id)),"version":"001","#
      + #""displayName":\#(DemoJSON.quote(DemoModelCatalog.displayName(id))),"#
      + #""description":"A model served by the cherry demo server.","#
      + #""inputTokenLimit":1048576,"outputTokenLimit":8192,"#
      + #""supportedGenerationMethods":\#(methods)}"#
  }

  /// `generateContent` (one JSON), or `streamGenerateContent`: SSE with `alt=sse`,
  /// otherwise a JSON array whose elements arrive one by one.
  static func generate(_ context: DemoContext, model: String) -> DemoResponse {
    let tokens = DemoReply.tokens(model: model)
    func candidate(_ text: String, finished: Bool) -> String {
      let finish = finished ? #","finishReason":"STOP""# : ""
      return #"{"candidates":[{"content":{"parts":[{"text":\#(DemoJSON.quote(text))}],"#
        + #""role":"model"}\#(finish),"index":0}],"usageMetadata":{"promptTokenCount":5,"#
        + #""candidatesTokenCount":\#(tokens),"totalTokenCount":\#(tokens + 5)},"#
        + #""modelVersion":\#(DemoJSON.quote(model))}"#
    }
    guard context.wantsStream else {
      return .json(200, candidate(context.answer(model: model), finished: true))
    }
    let pieces = context.answerPieces(model: model)
    let parts = pieces.enumerated().map { index, piece in
      candidate(piece, finished: index == pieces.count - 1)
    }
    if context.request.query["alt"] == "sse" {
      return .sse(parts.map { "data: \($0)\r\n\r\n" })
    }
    var chunks = parts.enumerated().map { index, part in (index == 0 ? "[" : ",\r\n") + part }
    chunks.append("]")
    return .stream(status: 200, contentType: "application/json", chunks: chunks)
  }
}
