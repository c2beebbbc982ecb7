/// The Ollama style: `/api/tags`, `/api/chat` (NDJSON stream by default) and
/// `/api/embed`; key-less unless the configuration says otherwise.
enum DemoOllama {
  /// Refuses a missing or unknown Bearer key, only when keys are checked.
  static func authenticate(_ context: DemoContext) -> DemoResponse? {
    guard context.ollamaNeedsKey else { return nil }
    guard let key = context.request.bearerToken, context.keys.contains(key) else {
      return context.error(401, .authentication, "unauthorized")
    }
    return nil
  }

  /// Answers an authenticated Ollama request.
  static func respond(_ context: DemoContext) -> DemoResponse {
    if context.route.operation == .models { return .json(200, tags(context.models)) }
    guard let fields = context.fields else {
      return context.error(400, .invalidRequest, "invalid character in request body")
    }
    guard let model = fields.model, !model.isEmpty else {
      return context.error(400, .invalidRequest, "model is required")
    }
    guard context.modelSet.contains(model) else {
      return context.error(
        404, .modelNotFound, "model \"\(model)\" not found, try pulling it first")
    }
    if context.route.operation == .embeddings {
      return .json(
        200,
        #"{"model":\#(DemoJSON.quote(model)),"embeddings":[\#(DemoReply.vector(model: model))],"#
          + #""total_duration":1000000,"load_duration":100000,"prompt_eval_count":2}"#)
    }
    return chat(context, model: model)
  }

  /// `{"models":[…]}` with Ollama's per-model details.
  static func tags(_ models: [String]) -> String {
    var body = #"{"models":["#
    body.reserveCapacity(models.count * 300 + 16)
    for (index, id) in models.enumerated() {
      if index > 0 { body += "," }
      body += listEntry(id)
    }
    return body + "]}"
  }

  /// One entry of the model list, with Ollama's details.
  static func listEntry(_ id: String) -> String {
    let family = id.split(separator: "-").first.map(String.init) ?? id
    return #"{"name":\#(DemoJSON.quote(id)),"model":\#(DemoJSON.quote(id)),"#
      + #""modified_at":"\#(DemoReply.createdDate)","size":4683087332,"#
      + #""digest":"\#(DemoModelCatalog.digest(id))","details":{"parent_model":"","#
      + #""format":"gguf","family":\#(DemoJSON.quote(family)),"parameter_size":"8.0B","#
      + #""quantization_level":"Q4_K_M"}}"#
  }

  /// A chat answer: NDJSON lines ending with `"done":true`, or one JSON with `"stream":false`.
  static func chat(_ context: DemoContext, model: String) -> DemoResponse {
    let quoted = DemoJSON.quote(model)
    func line(_ text: String, done: Bool) -> String {
      let tail =
        done
        ? #","done_reason":"stop","total_duration":1000000,"load_duration":100000,"#
          + #""prompt_eval_count":5,"eval_count":\#(DemoReply.tokens(model: model))"#
        : ""
      return #"{"model":\#(quoted),"created_at":"\#(DemoReply.createdDate)","#
        + #""message":{"role":"assistant","content":\#(DemoJSON.quote(text))},"#
        + #""done":\#(done)\#(tail)}"#
    }
    guard context.wantsStream else {
      return .json(200, line(context.answer(model: model), done: true))
    }
    var lines = context.answerPieces(model: model).map {
      line($0, done: false) + "\n"
    }
    lines.append(line("", done: true) + "\n")
    return .stream(status: 200, contentType: "application/x-ndjson", chunks: lines)
  }
}
