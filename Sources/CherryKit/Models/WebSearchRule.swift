/// Whether a model searches the web by itself, which depends on the provider
/// (Cherry Studio's `websearch.ts`; notes/cherry-studio-behaviour.md §5.4).
enum WebSearchRule {
  /// Perplexity's search models (exact base names).
  static let perplexity: Set<String> = [
    "sonar-pro", "sonar", "sonar-reasoning", "sonar-reasoning-pro", "sonar-deep-research",
  ]

  /// DashScope's search-capable prefixes.
  static let dashScopePrefixes: [[UInt8]] = [
    "qwen-turbo", "qwen-max", "qwen-plus", "qwq", "qwen-flash", "qwen3-max",
  ].map { Array($0.utf8) }

  /// `-search`, which aihubmix uses for its own search variants.
  static let searchSuffix = Array("-search".utf8)
  /// `glm-4-`, Zhipu's search-capable prefix.
  static let glm4Prefix = Array("glm-4-".utf8)
  /// `hunyuan-lite`, the one Hunyuan model without search.
  static let hunyuanLite = Array("hunyuan-lite".utf8)

  /// Whether the model searches the web on its own.
  ///
  /// - Parameters:
  ///   - f: The features of the base name.
  ///   - base: The base name's bytes.
  ///   - style: The provider's style.
  ///   - providerID: The provider id.
  /// - Returns: `true` when the provider and model together offer built-in search.
  static func isWebSearch(_ f: IDFeatures, base: [UInt8], style: APIStyle, providerID: String)
    -> Bool
  {
    typealias F = KindRules.F
    if f.contains(F.claude) {
      return providerID != "aws-bedrock" && providerID != "vertexai"
        && f.contains(F.claudeWebSearch)
    }
    if style == .openaiResponse || style == .azureOpenAI { return isOpenAISearch(f) }
    switch providerID {
    case "perplexity":
      return perplexity.contains(String(decoding: base, as: UTF8.self))
    case "aihubmix":
      return (!IDBytes.hasSuffix(base, searchSuffix) && f.contains(F.geminiSearch))
        || isOpenAISearch(f)
    default:
      break
    }
    if style == .openai, f.contains(F.geminiSearch) || isOpenAISearch(f) { return true }
    if style == .gemini || providerID == "vertexai" { return f.contains(F.geminiSearch) }
    switch providerID {
    case "hunyuan": return base != hunyuanLite
    case "zhipu": return IDBytes.hasPrefix(base, glm4Prefix)
    case "dashscope": return dashScopePrefixes.contains { IDBytes.hasPrefix(base, $0) }
    case "openrouter", "grok": return true
    default: return false
    }
  }

  /// OpenAI's search-capable models (`isOpenAIWebSearchModel`); the search-preview
  /// models are covered by the `gpt-4o` test.
  static func isOpenAISearch(_ f: IDFeatures) -> Bool {
    typealias F = KindRules.F
    return (f.contains(F.gpt41) && !f.contains(F.gpt41Nano))
      || (f.contains(F.gpt4o) && !f.contains(F.gpt4oImage)) || f.contains(F.o3o4)
      || (f.contains(F.gpt5) && !f.contains(F.chatWord))
  }
}
