/// The model lists of providers whose listing is not OpenAI's plain one (issue 9).
///
/// Each is under a path of its own on the demo server, so that `manage` and the tests
/// reach it with a provider whose URL is that path:
///
/// - `/newapi/…/models`: a New API gateway's list, each entry with its
///   `supported_endpoint_types` (or one `endpoint_type`), by
///   ``DemoModelCatalog/newAPIEndpointTypes(_:)``; its models answer at the same root in
///   every style (`/newapi/v1/messages`, `/newapi/v1beta/models/…`), as such a gateway's do;
/// - `/openrouter/…/models` without the embedding models, which OpenRouter lists at
///   `/openrouter/…/embeddings/models`;
/// - `/ppio/…/models`: without embedding and rerank models, which PPIO lists with
///   `?model_type=embedding` and `?model_type=reranker`.
enum DemoVendorLists {
  /// The root of the New API gateway (`demo-newapi`).
  static let newAPIPrefix = "/newapi"
  /// The root of the OpenRouter-shaped lists.
  static let openRouterPrefix = "/openrouter"
  /// The root of the PPIO-shaped lists.
  static let ppioPrefix = "/ppio"

  /// The answer to an OpenAI-style list request under one of these roots, or `nil`
  /// for the plain list.
  ///
  /// - Parameter context: The request, routed as a model list.
  /// - Returns: The list, a 404 for an embeddings list outside OpenRouter's root, or `nil`.
  static func list(_ context: DemoContext) -> DemoResponse? {
    let path = context.request.path
    let models = context.models
    let embeddingsList = path.hasSuffix(DemoRoute.embeddingsListSuffix)
    if isUnder(openRouterPrefix, path) {
      let kept = models.filter { DemoModelCatalog.isEmbedding($0) == embeddingsList }
      return .json(200, DemoOpenAI.modelList(kept))
    }
    if embeddingsList { return DemoRouter.unknownPath(context.request) }
    if isUnder(ppioPrefix, path) {
      let kept: [String]
      switch context.request.query["model_type"] {
      case "embedding":
        kept = models.filter { DemoModelCatalog.isEmbedding($0) && !isRerank($0) }
      case "reranker":
        kept = models.filter(isRerank)
      default:
        kept = models.filter { !DemoModelCatalog.isEmbedding($0) && !isRerank($0) }
      }
      return .json(200, DemoOpenAI.modelList(kept))
    }
    if isUnder(newAPIPrefix, path) { return .json(200, newAPIList(models)) }
    return nil
  }

  /// Whether a path is under a root (`/ppio/v3/openai/models` under `/ppio`).
  static func isUnder(_ root: String, _ path: String) -> Bool {
    path.hasPrefix(root + "/")
  }

  /// Whether an id names a rerank model.
  static func isRerank(_ id: String) -> Bool {
    id.lowercased().contains("rerank")
  }

  /// New API's list: OpenAI's, with each model's endpoint types, and `success`.
  static func newAPIList(_ models: [String]) -> String {
    var body = #"{"object":"list","success":true,"data":["#
    body.reserveCapacity(models.count * 120 + 48)
    for (index, id) in models.enumerated() {
      if index > 0 { body += "," }
      let types = DemoModelCatalog.newAPIEndpointTypes(id)
      var entry = DemoOpenAI.listEntry(id).dropLast()
      if let single = types.single { entry += #","endpoint_type":\#(DemoJSON.quote(single))"# }
      if !types.supported.isEmpty {
        entry += #","supported_endpoint_types":["#
        entry += types.supported.map(DemoJSON.quote).joined(separator: ",") + "]"
      }
      body += entry + "}"
    }
    return body + "]}"
  }
}
