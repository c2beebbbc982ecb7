/// The pattern lists behind ``ModelKindInference``, transcribed from Cherry Studio's
/// regexes (`src/renderer/src/config/models/`, and the family table of its provider
/// registry) into ``IDPattern``s, all in one table.
///
/// `.word(x)` is `\bx\b`, `.prefix(x)` is `\bx`, `.sub(x)` is a plain substring and
/// `#` inside a pattern is `\d+`. A regex tail such as `(?:-[\w-]+)?\b` reduces to
/// `\b`, because `-` is not a word character. The app's anchored regexes (DeepSeek
/// hybrid, Qwen thinking control, Kimi, exact ids) are in ``FamilyRules``.
enum KindRules {
  /// The feature bits, one per pattern group.
  enum F {
    static let rerank = IDFeatures(rawValue: 1 << 0)
    static let embedding = IDFeatures(rawValue: 1 << 1)
    static let dedicatedImage = IDFeatures(rawValue: 1 << 2)
    static let imageEdit = IDFeatures(rawValue: 1 << 3)
    static let chatImage = IDFeatures(rawValue: 1 << 4)
    static let openAIImageGeneration = IDFeatures(rawValue: 1 << 5)
    static let textToImage = IDFeatures(rawValue: 1 << 6)
    static let modernGeminiImage = IDFeatures(rawValue: 1 << 7)
    static let visionAllowed = IDFeatures(rawValue: 1 << 8)
    static let visionDenied = IDFeatures(rawValue: 1 << 9)
    static let toolsAllowed = IDFeatures(rawValue: 1 << 10)
    static let toolsDenied = IDFeatures(rawValue: 1 << 11)
    static let doubao = IDFeatures(rawValue: 1 << 12)
    static let deepSeekChat = IDFeatures(rawValue: 1 << 13)
    static let reasoningFamily = IDFeatures(rawValue: 1 << 14)
    static let doubaoThinking = IDFeatures(rawValue: 1 << 15)
    static let reasoningFallback = IDFeatures(rawValue: 1 << 16)
    static let nonReasoning = IDFeatures(rawValue: 1 << 17)
    static let claude = IDFeatures(rawValue: 1 << 18)
    static let claudeWebSearch = IDFeatures(rawValue: 1 << 19)
    static let geminiSearch = IDFeatures(rawValue: 1 << 20)
    static let gpt41 = IDFeatures(rawValue: 1 << 21)
    static let gpt41Nano = IDFeatures(rawValue: 1 << 22)
    static let gpt4o = IDFeatures(rawValue: 1 << 23)
    static let gpt4oImage = IDFeatures(rawValue: 1 << 24)
    static let o3o4 = IDFeatures(rawValue: 1 << 25)
    static let gpt5 = IDFeatures(rawValue: 1 << 26)
    static let chatWord = IDFeatures(rawValue: 1 << 27)
    static let geminiThinking = IDFeatures(rawValue: 1 << 28)
    static let tts = IDFeatures(rawValue: 1 << 29)
    static let grok4 = IDFeatures(rawValue: 1 << 30)
    static let deepSeekV = IDFeatures(rawValue: 1 << 31)
    static let qwen = IDFeatures(rawValue: 1 << 32)
    static let kimi = IDFeatures(rawValue: 1 << 33)
  }

  /// Every pattern of every rule.
  static let table = IDPatternTable(
    group(F.rerank, ["rerank", "re-rank", "retrieval", "retriever"].map(IDPattern.sub))
      + group(
        F.embedding,
        [
          "embed", "bge-", "e5-", "llm2vec", "retrieval", "uae-", "gte-", "jina-clip",
          "jina-embeddings", "voyage-",
        ].map(IDPattern.sub))
      + ImagePatterns.all + VisionPatterns.all + ToolPatterns.all + ReasoningPatterns.all
      + SearchPatterns.all
      // Markers the hand-written family rules start from, so that they run only on
      // the ids that can match.
      + group(F.doubao, [.sub("doubao")])
      + group(F.deepSeekChat, [.sub("deepseek-chat")])
      + group(F.deepSeekV, [.sub("deepseek-v")])
      + group(F.qwen, [.sub("qwen")])
      + group(F.kimi, [.sub("kimi-k")])
      + group(F.tts, [.sub("tts")]))

  /// Tags patterns with a feature.
  static func group(_ feature: IDFeatures, _ patterns: [IDPattern]) -> [(IDFeatures, IDPattern)] {
    patterns.map { (feature, $0) }
  }

  /// Whether the model takes images as input (`isVisionModel`).
  static func isVision(_ f: IDFeatures, base: [UInt8]) -> Bool {
    f.contains(F.imageEdit) || (f.contains(F.visionAllowed) && !f.contains(F.visionDenied))
      || FamilyRules.isVisionExact(base)
  }

  /// Whether the model calls functions (`isFunctionCallingModel`).
  static func isToolCalling(_ f: IDFeatures, base: [UInt8], providerID: String) -> Bool {
    let listed = f.contains(F.toolsAllowed) && !f.contains(F.toolsDenied)
    if providerID == "doubao" || f.contains(F.doubao) { return listed }
    switch providerID {
    case "deepseek", "anthropic", "kimi", "moonshot": return true
    default: break
    }
    // DashScope and Volcengine do not serve tools for the hybrid DeepSeek models.
    if FamilyRules.isDeepSeekHybrid(f, base: base) {
      return providerID != "dashscope" && providerID != "doubao"
    }
    return listed || FamilyRules.isKimiK3Plus(f, base: base)
  }

  /// Whether the model reasons before answering (`isReasoningModel`).
  static func isReasoning(_ f: IDFeatures, base: [UInt8], providerID: String) -> Bool {
    let fallback = isFallbackReasoning(f, base: base)
    if providerID == "doubao" || f.contains(F.doubao) {
      return fallback || f.contains(F.doubaoThinking) || FamilyRules.isDeepSeekHybrid(f, base: base)
    }
    if f.contains(F.reasoningFamily) || fallback { return true }
    if f.contains(F.gpt5) && !f.contains(F.chatWord) { return true }
    if f.contains(F.grok4) && !f.contains(F.nonReasoning) { return true }
    if f.contains(F.geminiThinking) && !f.contains(F.tts) { return true }
    return FamilyRules.isDeepSeekHybrid(f, base: base) || FamilyRules.isQwenThinking(f, base: base)
      || FamilyRules.isKimiReasoning(f, base: base) || FamilyRules.isReasoningExact(base)
  }

  /// The app's `REASONING_REGEX`: `reasoning`, `thinking`, `-r1`, `qwq`, … and an
  /// o-series id, unless the id says `-non-reasoning`.
  private static func isFallbackReasoning(_ f: IDFeatures, base: [UInt8]) -> Bool {
    !f.contains(F.nonReasoning) && (f.contains(F.reasoningFallback) || isOSeries(base))
  }

  /// Whether the name is an o-series id: `^o\d+(?:-[\w-]+)?$` (o1, o3-mini, o4-mini-high).
  private static func isOSeries(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "o"), IDBytes.isDigit(bytes[1]) else {
      return false
    }
    var i = 1
    while i < bytes.count, IDBytes.isDigit(bytes[i]) { i += 1 }
    if i == bytes.count { return true }
    guard bytes[i] == UInt8(ascii: "-"), i + 1 < bytes.count else { return false }
    return bytes[(i + 1)...].allSatisfy { IDBytes.isWord($0) || $0 == UInt8(ascii: "-") }
  }
}
