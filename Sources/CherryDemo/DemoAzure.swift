/// The Azure OpenAI style: `…/openai/models` and `…/openai/deployments/{d}/…`,
/// an `api-key` header and a required `api-version` query item.
enum DemoAzure {
  /// Refuses a missing or malformed `api-version` (404 and 400, as Azure does),
  /// then a missing or unknown `api-key` (401).
  static func authenticate(_ context: DemoContext) -> DemoResponse? {
    guard let version = context.request.query["api-version"], !version.isEmpty else {
      return context.error(404, .invalidRequest, "Resource not found")
    }
    guard isAPIVersion(version) else {
      return context.error(400, .invalidRequest, "API version not supported")
    }
    guard let key = context.request.header("api-key"), context.keys.contains(key) else {
      return context.error(
        401, .authentication,
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to "
          + "provide a valid key for an active subscription and use a correct regional API "
          + "endpoint for your resource.")
    }
    return nil
  }

  /// Answers an authenticated Azure request; deployments are the served model ids.
  static func respond(_ context: DemoContext) -> DemoResponse {
    switch context.route.operation {
    case .models: return .json(200, modelList(context.models))
    case .show: return DemoRouter.unknownPath(context.request)
    case .embeddings:
      return DemoOpenAI.checked(context, needs: "input") ?? DemoOpenAI.embeddings(context)
    case .chat, .streamChat:
      return DemoOpenAI.checked(context, needs: "messages")
        ?? DemoOpenAI.chat(context, azureFilter: true)
    }
  }

  /// Azure's answer for a deployment that does not exist.
  static func deploymentNotFound(_ context: DemoContext) -> DemoResponse {
    context.error(
      404, .modelNotFound,
      "The API deployment for this resource does not exist. If you created the deployment "
        + "within the last 5 minutes, please wait a moment and try again.")
  }

  /// `{"data":[…],"object":"list"}` with Azure's capability fields.
  static func modelList(_ models: [String]) -> String {
    var body = #"{"data":["#
    body.reserveCapacity(models.count * 260 + 32)
    for (index, id) in models.enumerated() {
      if index > 0 { body += "," }
      body += listEntry(id)
    }
    return body + #"],"object":"list"}"#
  }

  /// One entry of the model list, with Azure's capability fields.
  static func listEntry(_ id: String) -> String {
    let embedding = DemoModelCatalog.isEmbedding(id)
    return #"{"id":\#(DemoJSON.quote(id)),"object":"model","status":"succeeded","#
      + #""created_at":\#(DemoReply.created),"capabilities":{"#
      + #""chat_completion":\#(!embedding),"completion":false,"embeddings":\#(embedding),"#
      + #""fine_tune":false,"inference":true},"lifecycle_status":"generally-available"}"#
  }

  /// Whether a value looks like an Azure API version: `YYYY-MM-DD`, optionally `-preview`.
  private static func isAPIVersion(_ value: String) -> Bool {
    var text = Substring(value)
    if text.hasSuffix("-preview") { text = text.dropLast("-preview".count) }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return false }
    return zip(parts, [4, 2, 2]).allSatisfy { part, width in
      part.count == width && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
    }
  }
}
