/// Infers what a model can do from its id, following Cherry Studio's rules
/// (notes/cherry-studio-behaviour.md §5.4, and the app's newest classifier tests)
/// with hand-written matchers, no regexes (DESIGN §5).
///
/// Every rule runs on the model's base name (``baseName(of:)``). Embedding, rerank
/// and image-only models are not chat models and get nothing else (an image-edit
/// model also takes images). Image-only means a dedicated image model (`dall-e-3`,
/// `flux…`) or one of the app's image-generating models whose name says "image"
/// (`gemini-2.5-flash-image-preview`), except the Gemini 3 Pro image models, which
/// chat too.
public enum ModelKindInference {
  /// Infers the kinds of a model from its id.
  ///
  /// - Parameters:
  ///   - id: The remote model id, e.g. `Qwen/Qwen3-32B` or `gpt-4o-mini`.
  ///   - style: The provider's API style (embedding is never inferred for `anthropic`;
  ///     `openai-response` providers add chat image generation to some OpenAI models).
  ///   - providerID: The provider id, which some rules depend on (web search above all;
  ///     tools on `deepseek`, `anthropic`, `moonshot`, and not for DeepSeek's hybrid
  ///     models on `dashscope` and `doubao`).
  ///   - displayName: The model's display name, also tested on `doubao`, whose ids are
  ///     endpoint ids (`ep-…`), as the app does; `nil` for none.
  /// - Returns: The inferred kinds; overrides are applied by ``ProviderModel/kinds(style:providerID:)``.
  public static func kinds(
    for id: String, style: APIStyle, providerID: String, displayName: String? = nil
  ) -> Set<ModelKind> {
    typealias F = KindRules.F
    let base = baseBytes(of: id)
    var f = KindRules.table.scan(base)
    if providerID == "doubao", let displayName, !displayName.isEmpty {
      f.formUnion(KindRules.table.scan(baseBytes(of: displayName)))
    }

    if f.contains(F.rerank) { return [.rerank] }
    if style != .anthropic, providerID != "anthropic",
      IDBytes.hasPrefix(base, textPrefix) || f.contains(F.embedding)
    {
      return [.embedding]
    }
    let pureImage =
      f.contains(F.dedicatedImage)
      || (f.contains(F.chatImage) && f.contains(F.textToImage) && !f.contains(F.modernGeminiImage))
    if pureImage {
      return f.contains(F.imageEdit) ? [.image, .vision] : [.image]
    }

    var kinds: Set<ModelKind> = [.chat]
    if f.contains(F.chatImage) || (style == .openaiResponse && f.contains(F.openAIImageGeneration))
    {
      kinds.insert(.image)
    }
    if KindRules.isVision(f, base: base) { kinds.insert(.vision) }
    // "Text to image" names (anything with "image" in it) lose tools, reasoning and
    // web search in the app; the Gemini 3 Pro image models keep tools.
    let textToImage = f.contains(F.textToImage)
    if !textToImage || f.contains(F.modernGeminiImage),
      KindRules.isToolCalling(f, base: base, providerID: providerID)
    {
      kinds.insert(.tools)
    }
    if !textToImage {
      if KindRules.isReasoning(f, base: base, providerID: providerID) { kinds.insert(.reasoning) }
      if WebSearchRule.isWebSearch(f, base: base, style: style, providerID: providerID) {
        kinds.insert(.webSearch)
      }
    }
    return kinds
  }

  /// Whether the app tags the model "free": every model of `cherryai`, and any whose
  /// id or name says "free" (`…:free` on OpenRouter).
  ///
  /// - Parameters:
  ///   - id: The model id.
  ///   - displayName: The model's display name, or `nil`.
  ///   - providerID: The provider id.
  /// - Returns: `true` for a free model.
  public static func isFree(id: String, displayName: String?, providerID: String) -> Bool {
    // Searched in the bytes, ASCII lower-cased: no other letter lower-cases to one of
    // "free", and this runs for every model of a 10,000-model list.
    providerID == "cherryai"
      || IDBytes.contains(Array(id.utf8) + Array((displayName ?? "").utf8), freeWord)
  }

  /// The word ``isFree(id:displayName:providerID:)`` looks for.
  private static let freeWord = Array("free".utf8)

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
  /// (`accounts/fireworks/models/deepseek-v3p2`) have each `<digit>p<digit>`
  /// rewritten to `<digit>.<digit>` (`v3.2`, `kimi-k2.5`), as the app's
  /// `getLowerBaseModelName` does.
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
      if isFireworks(utf8) { lower = rewriteFireworksVersion(lower) }
      return lower
    }
  }

  /// Whether the id holds `accounts/fireworks/models/` (ignoring case).
  private static func isFireworks(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = fireworksPrefix.count
    guard utf8.count > count else { return false }
    var start = 0
    while start + count <= utf8.count {
      var i = 0
      while i < count, IDBytes.lower(utf8[start + i]) == fireworksPrefix[i] { i += 1 }
      if i == count { return true }
      start += 1
    }
    return false
  }

  /// Rewrites `<digit>p<digit>` (Fireworks' spelling of a dotted version, `v3p2`,
  /// `k2p5`, `m2p1`) to `<digit>.<digit>`.
  private static func rewriteFireworksVersion(_ bytes: [UInt8]) -> [UInt8] {
    var out = bytes
    var i = 1
    while i + 1 < out.count {
      if out[i] == UInt8(ascii: "p"), IDBytes.isDigit(out[i - 1]), IDBytes.isDigit(out[i + 1]) {
        out[i] = UInt8(ascii: ".")
      }
      i += 1
    }
    return out
  }
}
