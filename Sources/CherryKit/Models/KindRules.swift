/// The pattern lists behind ``ModelKindInference``, transcribed from Cherry Studio's
/// regexes (`src/renderer/src/config/models/`) into ``IDPattern``s, all in one table.
///
/// `.word(x)` is `\bx\b`, `.prefix(x)` is `\bx`, `.sub(x)` is a plain substring and
/// `#` inside a pattern is `\d+`. A regex tail such as `(?:-[\w-]+)?\b` reduces to
/// `\b`, because `-` is not a word character.
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
    static let deepSeekHybrid = IDFeatures(rawValue: 1 << 12)
    static let speciale = IDFeatures(rawValue: 1 << 13)
    static let reasoningFamily = IDFeatures(rawValue: 1 << 14)
    static let reasoningDenied = IDFeatures(rawValue: 1 << 15)
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
      // Dedicated image models: they only make images, so they are not chat models.
      + group(
        F.dedicatedImage,
        [
          .sub("dall-e"), .sub("gpt-image"), .sub("grok-2-image"), .sub("imagen"), .sub("flux"),
          .sub("stable-diffusion"), .prefix("sd-"), .sub("sdxl"), .sub("cogview"),
          .sub("qwen-image"), .sub("janus"), .sub("midjourney"), .prefix("mj-"),
          .prefix("z-image"), .sub("longcat-image"), .sub("hunyuanimage"), .sub("seedream"),
          .sub("kandinsky"),
        ])
      // Image-edit models also take images as input (so count as vision).
      + group(
        F.imageEdit,
        [
          "grok-2-image", "qwen-image-edit", "gpt-image-1", "gemini-2.5-flash-image",
          "gemini-2.0-flash-preview-image-generation", "gemini-3.0-pro-image",
          "gemini-3-pro-image",
        ].map(IDPattern.sub))
      // Chat models that can answer with images.
      + group(
        F.chatImage,
        [
          .sub("gemini-2.0-flash-exp"), .sub("gemini-2.0-flash-preview-image-generation"),
          .sub("gemini-2.5-flash-image"), .prefix("gemini-3-pro-image"),
          .prefix("gemini-3.#-pro-image"), .prefix("gemini-3-flash-image"),
          .prefix("gemini-3.#-flash-image"),
        ])
      // OpenAI models that make images through the Responses API's image tool.
      + group(F.openAIImageGeneration, ["gpt-4o", "gpt-4.1", "o3", "gpt-5"].map(IDPattern.prefix))
      // The app's "text to image" test: such names lose tools, reasoning, web search.
      + group(
        F.textToImage,
        [
          "flux", "diffusion", "stabilityai", "sd-", "dall", "cogview", "janus", "midjourney",
          "mj-", "image",
        ].map(IDPattern.sub))
      + group(
        F.modernGeminiImage, [.prefix("gemini-3-pro-image"), .prefix("gemini-3.#-pro-image")])
      + VisionPatterns.all + ToolPatterns.all + ReasoningPatterns.all + SearchPatterns.all)

  /// Tags patterns with a feature.
  static func group(_ feature: IDFeatures, _ patterns: [IDPattern]) -> [(IDFeatures, IDPattern)] {
    patterns.map { (feature, $0) }
  }

  /// Whether the model takes images as input.
  static func isVision(_ f: IDFeatures) -> Bool {
    f.contains(F.imageEdit) || (f.contains(F.visionAllowed) && !f.contains(F.visionDenied))
  }

  /// Whether the model calls functions.
  static func isToolCalling(_ f: IDFeatures, providerID: String) -> Bool {
    switch providerID {
    case "deepseek", "anthropic", "kimi", "moonshot": return true
    default: break
    }
    if f.contains(F.deepSeekHybrid), !f.contains(F.speciale) {
      return providerID != "dashscope" && providerID != "doubao"
    }
    return f.contains(F.toolsAllowed) && !f.contains(F.toolsDenied)
  }

  /// Whether the model reasons before answering.
  static func isReasoning(_ f: IDFeatures, base: [UInt8]) -> Bool {
    if f.contains(F.nonReasoning) { return false }
    if isOSeries(base) || f.contains(F.reasoningFallback) { return true }
    return f.contains(F.reasoningFamily) && !f.contains(F.reasoningDenied)
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
