/// The OpenAI styles: Chat Completions (`openai`), Responses (`openai-response`),
/// the model list and embeddings, with Bearer keys.
enum DemoOpenAI {
  /// Refuses a missing or unknown Bearer key, as OpenAI does (401, `invalid_api_key`).
  static func authenticate(_ context: DemoContext) -> DemoResponse? {
    guard let key = context.request.bearerToken else {
      return context.error(
        401, .authentication,
        "You didn't provide an API key. You need to provide your API key in an Authorization "
          + "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")
    }
    guard context.keys.contains(key) else {
      return context.error(
        401, .authentication,
        "Incorrect API key provided. The demo server accepts only its demo keys.")
    }
    return nil
  }

  /// Answers an authenticated OpenAI-style request.
  static func respond(_ context: DemoContext) -> DemoResponse {
    switch context.route.operation {
    case .models: return DemoVendorLists.list(context) ?? .json(200, modelList(context.models))
    case .embeddings: return checked(context, needs: "input") ?? embeddings(context)
    case .show: return DemoRouter.unknownPath(context.request)
    case .chat, .streamChat:
      if context.route.style == .openaiResponse {
        return checked(context, needs: "input") ?? responses(context)
      }
      return checked(context, needs: "messages") ?? chat(context, azureFilter: false)
    }
  }

  /// `{"object":"list","data":[…]}`, unpaged, as OpenAI lists models.
  static func modelList(_ models: [String]) -> String {
    var body = #"{"object":"list","data":["#
    body.reserveCapacity(models.count * 80 + 32)
    for (index, id) in models.enumerated() {
      if index > 0 { body += "," }
      body += listEntry(id)
    }
    return body + "]}"
  }

  /// One entry of the model list.
  static func listEntry(_ id: String) -> String {
    #"{"id":\#(DemoJSON.quote(id)),"object":"model","created":\#(DemoReply.created),"#
      + #""owned_by":"demo"}"#
  }

  /// Checks the body, the model and a required field; returns the error or `nil`.
  static func checked(_ context: DemoContext, needs field: String) -> DemoResponse? {
    guard let fields = context.fields else {
      return context.error(
        400, .invalidRequest,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't "
          + "using your HTTP library correctly.)")
    }
    guard let model = context.model else {
      return context.error(400, .invalidRequest, "you must provide a model parameter")
    }
    guard context.modelSet.contains(model) else {
      if context.route.style == .azureOpenAI { return DemoAzure.deploymentNotFound(context) }
      return context.error(
        404, .modelNotFound,
        "The model `\(model)` does not exist or you do not have access to it.")
    }
    let present = field == "messages" ? fields.hasMessages : fields.hasInput
    guard present else {
      return context.error(400, .invalidRequest, "Missing required parameter: '\(field)'.")
    }
    return nil
  }

  /// A chat completion, streamed as `chat.completion.chunk` events ending in `[DONE]`.
  ///
  /// Azure's stream opens with a chunk that has no choices (its content-filter
  /// results), which a client must skip.
  static func chat(_ context: DemoContext, azureFilter: Bool) -> DemoResponse {
    let model = context.model ?? ""
    let quoted = DemoJSON.quote(model)
    let usage = usageJSON(model)
    guard context.wantsStream else {
      let text = DemoJSON.quote(context.answer(model: model))
      return .json(
        200,
        #"{"id":"chatcmpl-demo","object":"chat.completion","created":\#(DemoReply.created),"#
          + #""model":\#(quoted),"choices":[{"index":0,"message":{"role":"assistant","#
          + #""content":\#(text),"refusal":null},"logprobs":null,"finish_reason":"stop"}],"#
          + #""usage":\#(usage)}"#)
    }
    func chunk(_ delta: String, finish: String) -> String {
      "data: "
        + #"{"id":"chatcmpl-demo","object":"chat.completion.chunk","created":\#(DemoReply.created),"#
        + #""model":\#(quoted),"choices":[{"index":0,"delta":\#(delta),"logprobs":null,"#
        + #""finish_reason":\#(finish)}]}"# + "\n\n"
    }
    var events: [String] = []
    if azureFilter {
      events.append(
        "data: "
          + #"{"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":"#
          + #"[{"prompt_index":0,"content_filter_results":{}}]}"# + "\n\n")
    }
    events.append(chunk(#"{"role":"assistant","content":""}"#, finish: "null"))
    for piece in context.answerPieces(model: model) {
      events.append(chunk(#"{"content":\#(DemoJSON.quote(piece))}"#, finish: "null"))
    }
    events.append(chunk("{}", finish: #""stop""#))
    events.append("data: [DONE]\n\n")
    return .sse(events)
  }

  /// A Responses API answer, streamed as its typed events (`response.created` …
  /// `response.output_text.delta` … `response.completed`), with no `[DONE]`.
  static func responses(_ context: DemoContext) -> DemoResponse {
    let model = context.model ?? ""
    let text = DemoJSON.quote(context.answer(model: model))
    let tokens = DemoReply.tokens(model: model)
    let usage = #"{"input_tokens":5,"output_tokens":\#(tokens),"total_tokens":\#(tokens + 5)}"#
    let part = #"{"type":"output_text","text":\#(text),"annotations":[]}"#
    let item =
      #"{"type":"message","id":"msg_demo","status":"completed","role":"assistant","#
      + #""content":[\#(part)]}"#
    func response(_ status: String, output: String, usage: String) -> String {
      #"{"id":"resp_demo","object":"response","created_at":\#(DemoReply.created),"#
        + #""status":"\#(status)","model":\#(DemoJSON.quote(model)),"output":[\#(output)],"#
        + #""usage":\#(usage)}"#
    }
    guard context.wantsStream else {
      return .json(200, response("completed", output: item, usage: usage))
    }
    var sequence = 0
    var events: [String] = []
    func event(_ type: String, _ fields: String) {
      events.append(
        "event: \(type)\ndata: "
          + #"{"type":"\#(type)","sequence_number":\#(sequence),\#(fields)}"# + "\n\n")
      sequence += 1
    }
    let started = response("in_progress", output: "", usage: "null")
    event("response.created", #""response":\#(started)"#)
    event("response.in_progress", #""response":\#(started)"#)
    let emptyItem =
      #"{"type":"message","id":"msg_demo","status":"in_progress","role":"assistant","content":[]}"#
    event("response.output_item.added", #""output_index":0,"item":\#(emptyItem)"#)
    let where0 = #""item_id":"msg_demo","output_index":0,"content_index":0"#
    event(
      "response.content_part.added",
      where0 + #","part":{"type":"output_text","text":"","annotations":[]}"#)
    for piece in context.answerPieces(model: model) {
      event("response.output_text.delta", where0 + #","delta":\#(DemoJSON.quote(piece))"#)
    }
    event("response.output_text.done", where0 + #","text":\#(text)"#)
    event("response.content_part.done", where0 + #","part":\#(part)"#)
    event("response.output_item.done", #""output_index":0,"item":\#(item)"#)
    event(
      "response.completed", #""response":\#(response("completed", output: item, usage: usage))"#)
    return .sse(events)
  }

  /// An embeddings answer with one short vector.
  static func embeddings(_ context: DemoContext) -> DemoResponse {
    let model = context.model ?? ""
    return .json(
      200,
      #"{"object":"list","data":[{"object":"embedding","index":0,"#
        + #""embedding":\#(DemoReply.vector(model: model))}],"model":\#(DemoJSON.quote(model)),"#
        + #""usage":{"prompt_tokens":2,"total_tokens":2}}"#)
  }

  /// The `usage` object of a chat completion.
  private static func usageJSON(_ model: String) -> String {
    let tokens = DemoReply.tokens(model: model)
    return #"{"prompt_tokens":5,"completion_tokens":\#(tokens),"total_tokens":\#(tokens + 5)}"#
  }
}
