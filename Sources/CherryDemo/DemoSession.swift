public import CherryKit

/// The throw-away session of `cherry --demo` (DESIGN §2.1): one demo provider per
/// style plus `demo-gateway`, all pointing at the demo server and holding the keys
/// it accepts, then every built-in provider of the catalogue, whose requests go to
/// the real hosts (so `use deepseek`, `url` and `explain url` work in a demo too).
public enum DemoSession {
  /// The keys the demo server accepts by default, in rotation order.
  public static let keys: [String] = ["demo-key-1", "demo-key-2", "demo-key-3"]

  /// The Azure `api-version` the demo provider uses.
  public static let azureAPIVersion = "2024-10-21"

  /// The provider a demo session starts with selected.
  public static let selected = "demo-openai"

  /// The demo providers, in list order.
  ///
  /// `demo-newapi` is a `new-api` provider: its list gives each model's endpoint
  /// types, and each model is called through its own (``DemoVendorLists``), the
  /// Anthropic and Gemini endpoints under the same root.
  ///
  /// `demo-gateway` speaks the `openai` style at a path the URL rules cannot
  /// build from a root (``DemoGateway``): it starts with the root, which fails
  /// with a 404, and works once its URL is the endpoint followed by `#`
  /// (``gatewayURL(port:)``), so the URL lesson can fail and be fixed on screen.
  public static let providers: [DemoProvider] = [
    DemoProvider(id: "demo-openai", name: "Demo (OpenAI)", style: .openai, path: ""),
    DemoProvider(
      id: "demo-openai-response", name: "Demo (OpenAI Responses)", style: .openaiResponse,
      path: ""),
    DemoProvider(id: "demo-anthropic", name: "Demo (Anthropic)", style: .anthropic, path: ""),
    DemoProvider(id: "demo-gemini", name: "Demo (Gemini)", style: .gemini, path: ""),
    DemoProvider(id: "demo-ollama", name: "Demo (Ollama)", style: .ollama, path: ""),
    DemoProvider(
      id: "demo-azure-openai", name: "Demo (Azure OpenAI)", style: .azureOpenAI, path: ""),
    DemoProvider(
      id: DemoGateway.providerID, name: "Demo (gateway at a custom path)", style: .openai,
      path: DemoGateway.pathPrefix),
    DemoProvider(
      id: "demo-newapi", name: "Demo (New API gateway)", style: .openai,
      path: DemoVendorLists.newAPIPrefix, isNewAPI: true),
  ]

  /// The root URL of a demo server on 127.0.0.1.
  ///
  /// - Parameter port: The server's port.
  /// - Returns: `http://127.0.0.1:<port>`.
  public static func root(port: Int) -> String {
    "http://127.0.0.1:\(port)"
  }

  /// The demo providers as a demo session starts with them, in list order.
  ///
  /// `demo reset` puts these back, and `url reset` on a demo provider takes its
  /// URL (and `models-url`, `api-version`) from here: the catalogue does not know
  /// the demo providers, and their port changes from run to run.
  ///
  /// - Parameter port: The port the demo server listens on.
  /// - Returns: The providers: off, no models, the demo keys, the server's URL.
  public static func defaults(port: Int) -> [Provider] {
    let root = root(port: port)
    return providers.map { $0.makeProvider(root: root) }
  }

  /// The demo provider with this id as a demo session starts with it.
  ///
  /// - Parameters:
  ///   - id: A provider id.
  ///   - port: The port the demo server listens on.
  /// - Returns: The provider, or `nil` when `id` is not a demo provider.
  public static func defaultProvider(_ id: String, port: Int) -> Provider? {
    providers.first { $0.id == id }?.makeProvider(root: root(port: port))
  }

  /// Whether an id names a demo provider (as opposed to a built-in or custom one).
  ///
  /// - Parameter id: A provider id.
  /// - Returns: `true` for the ids of ``providers``.
  public static func isDemoProvider(_ id: String) -> Bool {
    providers.contains { $0.id == id }
  }

  /// The URL that makes `demo-gateway` work: its chat endpoint, whole, with `#`.
  ///
  /// - Parameter port: The port the demo server listens on.
  /// - Returns: `http://127.0.0.1:<port>/gateway/llm/chat/completions#`.
  public static func gatewayURL(port: Int) -> String {
    root(port: port) + DemoGateway.chatPath + "#"
  }

  /// Makes the demo session for a server on 127.0.0.1.
  ///
  /// The demo providers come first (``defaults(port:)``): every one except
  /// `demo-gateway` and `demo-newapi` has the server's root as its URL (those two
  /// have their own path under it), and the URL rules append
  /// `/v1`, `/v1beta`, `/api` or `/openai` per style. Then every supported
  /// built-in provider, as a fresh session has it. All are off, none has a model
  /// added, and `demo-openai` is selected.
  ///
  /// - Parameter port: The port the demo server listens on.
  /// - Returns: The session.
  public static func make(port: Int) -> Session {
    Session(
      providers: defaults(port: port) + ProviderCatalogue.freshSession().providers,
      selected: selected)
  }

  /// The demo provider a request belongs to, for per-provider faults and hostile rules.
  ///
  /// - Parameters:
  ///   - path: The request's path, without the query.
  ///   - style: The style of the request's route, or `nil` when none matched.
  /// - Returns: `demo-gateway` for a path under the gateway's folder, the demo
  ///   provider whose own path the request is under, otherwise the root demo provider
  ///   of the style; `nil` when none applies.
  static func providerID(path: String, style: APIStyle?) -> String? {
    if DemoGateway.owns(path) { return DemoGateway.providerID }
    if let own = providers.first(where: {
      !$0.path.isEmpty && (path == $0.path || path.hasPrefix($0.path + "/"))
    }) {
      return own.id
    }
    guard let style else { return nil }
    return providers.first { $0.style == style && $0.path.isEmpty }?.id
  }
}
