/// The demo's gateway: an OpenAI-compatible endpoint at a path of its own, the
/// kind of URL that only the `#` rule of DESIGN §1.2 reaches exactly.
///
/// Only three paths are served, all under ``pathPrefix``: the chat endpoint, the
/// model list and embeddings. Anything else under `/gateway/` is a 404 whose
/// message names the chat endpoint, so the root form (`…/gateway/llm`, which the
/// rules turn into `…/gateway/llm/v1/chat/completions`) fails as a real gateway's
/// would, and `…/gateway/llm/chat/completions#` works, models included (the `#`
/// rule lists from the same URL with `chat/completions` replaced by `models`).
enum DemoGateway {
  /// The id of the demo provider that uses the gateway.
  static let providerID = "demo-gateway"
  /// Every path under this folder is the gateway's.
  static let folder = "/gateway/"
  /// The gateway's own path: its endpoints are right under it, with no version.
  static let pathPrefix = "/gateway/llm"
  /// The chat endpoint.
  static let chatPath = pathPrefix + "/chat/completions"
  /// The model list.
  static let modelsPath = pathPrefix + "/models"
  /// Embeddings.
  static let embeddingsPath = pathPrefix + "/embeddings"

  /// Whether a path belongs to the gateway (served or not).
  static func owns(_ path: String) -> Bool {
    path.hasPrefix(folder) || path == pathPrefix
  }

  /// The route of a gateway path, or `nil` for one the gateway does not serve.
  static func route(_ path: String) -> DemoRoute? {
    switch path {
    case chatPath: return DemoRoute(style: .openai, operation: .chat)
    case modelsPath: return DemoRoute(style: .openai, operation: .models)
    case embeddingsPath: return DemoRoute(style: .openai, operation: .embeddings)
    default: return nil
    }
  }

  /// The 404 message for a gateway path it does not serve.
  static func notServed(_ method: String, _ path: String) -> String {
    "No route for \(method) \(path): this gateway serves its chat endpoint at \(chatPath) "
      + "and its model list at \(modelsPath), with no version segment."
  }
}
