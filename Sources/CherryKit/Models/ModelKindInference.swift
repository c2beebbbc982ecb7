/// Infers what a model can do from its id, following Cherry Studio's rules
/// (notes/cherry-studio-behaviour.md §5.4) with hand-written matchers.
///
/// Every rule runs on the model's base name (``baseName(of:)``). Dedicated image
/// models, embedding and rerank models are not chat models, and never get vision
/// (except image-edit models), tools, reasoning or web search.
public enum ModelKindInference {
  /// Infers the kinds of a model from its id.
  ///
  /// - Parameters:
  ///   - id: The remote model id, e.g. `Qwen/Qwen3-32B` or `gpt-4o-mini`.
  ///   - style: The provider's API style (embedding is never inferred for `anthropic`;
  ///     `openai-response` providers add chat image generation to some OpenAI models).
  ///   - providerID: The provider id, which some rules depend on (web search above all).
  /// - Returns: The inferred kinds; overrides are applied by ``ProviderModel/kinds(style:providerID:)``.
  public static func kinds(for id: String, style: APIStyle, providerID: String) -> Set<ModelKind> {
    typealias F = KindRules.F
    let base = baseBytes(of: id)
    let f = KindRules.table.scan(base)

    if f.contains(F.rerank) { return [.rerank] }
    if style != .anthropic, providerID != "anthropic",
      IDBytes.hasPrefix(base, textPrefix) || f.contains(F.embedding)
    {
      return [.embedding]
    }
    if f.contains(F.dedicatedImage) {
      return f.contains(F.imageEdit) ? [.image, .vision] : [.image]
    }

    var kinds: Set<ModelKind> = [.chat]
    if f.contains(F.chatImage) || (style == .openaiResponse && f.contains(F.openAIImageGeneration))
    {
      kinds.insert(.image)
    }
    if KindRules.isVision(f) { kinds.insert(.vision) }
    // "Text to image" names (anything with "image" in it) lose tools, reasoning and
    // web search in the app, except the modern Gemini 3 image models.
    if !f.contains(F.textToImage) || f.contains(F.modernGeminiImage) {
      if KindRules.isToolCalling(f, providerID: providerID) { kinds.insert(.tools) }
      if KindRules.isReasoning(f, base: base) { kinds.insert(.reasoning) }
      if WebSearchRule.isWebSearch(f, base: base, style: style, providerID: providerID) {
        kinds.insert(.webSearch)
      }
    }
    return kinds
  }

  /// `text-`, the embedding rule's anchored prefix.
  private static let textPrefix = Array("text-".utf8)
  /// The suffixes the base name drops.
  private static let freeSuffixes = [":free", "(free)", ":cloud"].map { Array($0.utf8) }
  /// The Fireworks id prefix whose `v3p2` versions are rewritten.
  private static let fireworksPrefix = Array("accounts/fireworks/models/".utf8)

  /// The name every rule is tested on.
  ///
  /// It is the text after the last `/`, lower-cased,
  /// without a trailing `:free`, `(free)` or `:cloud`. Fireworks ids
  /// (`accounts/fireworks/models/deepseek-v3p2`) have their `v3p2` rewritten to `v3.2`.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The lower-cased base name.
  public static func baseName(of id: String) -> String {
    String(decoding: baseBytes(of: id), as: UTF8.self)
  }

  /// ``baseName(of:)`` as lower-cased UTF-8 bytes.
  static func baseBytes(of id: String) -> [UInt8] {
    var id = id
    return id.withUTF8 { utf8 in
      // Manual loops: generic collection algorithms are slow in debug builds.
      var start = 0
      var i = 0
      while i < utf8.count {
        if utf8[i] == UInt8(ascii: "/") { start = i + 1 }
        i += 1
      }
      var lower: [UInt8] = []
      lower.reserveCapacity(utf8.count - start)
      i = start
      while i < utf8.count {
        lower.append(IDBytes.lower(utf8[i]))
        i += 1
      }
      for suffix in freeSuffixes where IDBytes.hasSuffix(lower, suffix) {
        lower.removeLast(suffix.count)
        break
      }
      if start > 0, isFireworks(utf8) { lower = rewriteFireworksVersion(lower) }
      return lower
    }
  }

  /// Whether the id starts with `accounts/fireworks/models/` (ignoring case).
  private static func isFireworks(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard utf8.count >= fireworksPrefix.count else { return false }
    var i = 0
    while i < fireworksPrefix.count {
      if IDBytes.lower(utf8[i]) != fireworksPrefix[i] { return false }
      i += 1
    }
    return true
  }

  /// Rewrites `v<d>p<d>` (Fireworks' spelling of a dotted version) to `v<d>.<d>`.
  private static func rewriteFireworksVersion(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    var i = 0
    while i + 3 < out.count {
      if out[i] == UInt8(ascii: "v"), IDBytes.isDigit(out[i + 1]), out[i + 2] == UInt8(ascii: "p"),
        IDBytes.isDigit(out[i + 3])
      {
        out[i + 2] = UInt8(ascii: ".")
      }
      i += 1
    }
    return out
  }
}
