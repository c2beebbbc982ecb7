public import CherryKit

/// The throw-away session of `cherry --demo` (DESIGN §2.1): one provider per
/// style, all pointing at the demo server and holding the keys it accepts.
public enum DemoSession {
  /// The keys the demo server accepts by default, in rotation order.
  public static let keys: [String] = ["demo-key-1", "demo-key-2", "demo-key-3"]

  /// The Azure `api-version` the demo provider uses.
  public static let azureAPIVersion = "2024-10-21"

  /// The demo providers' ids, names and styles, in list order.
  public static let providers: [(id: String, name: String, style: APIStyle)] = [
    ("demo-openai", "Demo (OpenAI)", .openai),
    ("demo-openai-response", "Demo (OpenAI Responses)", .openaiResponse),
    ("demo-anthropic", "Demo (Anthropic)", .anthropic),
    ("demo-gemini", "Demo (Gemini)", .gemini),
    ("demo-ollama", "Demo (Ollama)", .ollama),
    ("demo-azure-openai", "Demo (Azure OpenAI)", .azureOpenAI),
  ]

  /// Makes the demo session for a server on 127.0.0.1.
  ///
  /// Every provider's URL is the server's root (`http://127.0.0.1:<port>`): the
  /// URL rules append `/v1`, `/v1beta`, `/api` or `/openai` per style. All are
  /// off, none has a model added, and `demo-openai` is selected.
  ///
  /// - Parameter port: The port the demo server listens on.
  /// - Returns: The session.
  public static func make(port: Int) -> Session {
    let url = "http://127.0.0.1:\(port)"
    let list = providers.map { entry in
      var provider = Provider(
        id: entry.id, name: entry.name, style: entry.style, isBuiltIn: false,
        needsKey: entry.style != .ollama, url: url)
      provider.keys = keys
      if entry.style == .azureOpenAI { provider.apiVersion = azureAPIVersion }
      return provider
    }
    return Session(providers: list, selected: "demo-openai")
  }
}
