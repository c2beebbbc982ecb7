import CherryKit

/// LiteLLM's provider prefixes (`openai/gpt-4o`) for cherry's styles, and back.
enum LiteLLMPrefix {
  /// The prefix of a style: `model` is `<prefix><model id>`.
  static func prefix(for style: APIStyle) -> String {
    switch style {
    case .openai: return "openai/"
    // LiteLLM sends these through the Responses API (`/v1/responses`).
    case .openaiResponse: return "openai/responses/"
    case .anthropic: return "anthropic/"
    case .gemini: return "gemini/"
    case .ollama: return "ollama_chat/"
    case .azureOpenAI: return "azure/"
    }
  }

  /// LiteLLM providers that are one of cherry's built-in providers, by their
  /// LiteLLM name.
  static let builtIns: [String: String] = [
    "deepseek": "deepseek", "groq": "groq", "mistral": "mistral", "openrouter": "openrouter",
    "perplexity": "perplexity", "together_ai": "together", "fireworks_ai": "fireworks",
    "xai": "grok", "nvidia_nim": "nvidia", "cerebras": "cerebras", "moonshot": "moonshot",
    "dashscope": "dashscope", "volcengine": "doubao", "huggingface": "huggingface",
    "jina_ai": "jina", "voyage": "voyageai", "github": "github", "lm_studio": "lmstudio",
  ]

  /// Reads a `model` value.
  ///
  /// - Parameter model: `<prefix>/<model id>`.
  /// - Returns: The style, the built-in provider the prefix names (if any), and
  ///   the model id; `nil` for a prefix cherry cannot speak.
  static func parse(_ model: String) -> (style: APIStyle, builtIn: String?, model: String)? {
    // `openai/responses/` before `openai/`.
    let styles: [APIStyle] = [.openaiResponse, .openai, .anthropic, .gemini, .ollama, .azureOpenAI]
    for style in styles where model.hasPrefix(prefix(for: style)) {
      return (style, nil, String(model.dropFirst(prefix(for: style).count)))
    }
    if model.hasPrefix("ollama/") { return (.ollama, nil, String(model.dropFirst(7))) }
    guard let slash = model.firstIndex(of: "/") else { return nil }
    let name = String(model[..<slash])
    guard let id = builtIns[name], let entry = ProviderCatalogue.entry(id), let style = entry.style
    else { return nil }
    return (style, id, String(model[model.index(after: slash)...]))
  }
}
