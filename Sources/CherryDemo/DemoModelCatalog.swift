/// The model lists the demo server serves: a realistic mix by default, or a
/// generated list of any size (10,000 for the `manage` benchmark).
public enum DemoModelCatalog {
  /// The default list: a realistic mix of model kinds and vendors.
  ///
  /// Chat, reasoning, vision, embedding, rerank and image models, so that kinds
  /// and groups show in `manage`; more than 20, so that Anthropic's default page
  /// of 20 needs a second page.
  public static let standard: [String] = [
    "gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "o4-mini",
    "text-embedding-3-small", "text-embedding-3-large", "bge-reranker-v2-m3",
    "dall-e-3", "gpt-image-1",
    "claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1",
    "gemini-2.5-flash", "gemini-2.5-pro", "gemini-embedding-001",
    "qwen3-32b", "qwen-vl-max", "deepseek-chat", "deepseek-reasoner",
    "llama3.2-vision", "nomic-embed-text",
  ]

  /// The families ``generated(count:)`` cycles through, covering every kind.
  static let families: [String] = [
    "gpt-4o", "claude-sonnet-4", "gemini-2.5-flash", "qwen3", "deepseek-chat",
    "llama-3.1-instruct", "mistral-large", "o3-mini", "text-embedding-3",
    "bge-reranker", "dall-e", "qwen-vl",
  ]

  /// A generated list of distinct, deterministic ids such as `qwen3-demo-00042`.
  ///
  /// - Parameter count: How many ids.
  /// - Returns: The ids, in a stable order.
  public static func generated(count: Int) -> [String] {
    var ids: [String] = []
    ids.reserveCapacity(max(count, 0))
    for index in 0..<max(count, 0) {
      let family = families[index % families.count]
      ids.append("\(family)-demo-\(padded(index + 1, width: 5))")
    }
    return ids
  }

  /// A display name made from an id: `claude-sonnet-4-5` → `Claude Sonnet 4 5`.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The words of the id, capitalised.
  static func displayName(_ id: String) -> String {
    id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "/" }).map { word in
      word.prefix(1).uppercased() + word.dropFirst()
    }.joined(separator: " ")
  }

  /// Whether an id names an embedding model (for Gemini's methods and Ollama's details).
  ///
  /// - Parameter id: A model id.
  /// - Returns: `true` for ids containing `embed`.
  static func isEmbedding(_ id: String) -> Bool {
    id.lowercased().contains("embed")
  }

  /// The endpoint types a New API gateway lists for a model
  /// (``DemoVendorLists``): one `endpoint_type`, or `supported_endpoint_types`.
  ///
  /// Claude models speak Anthropic's API, Gemini models Gemini's, the o-series
  /// OpenAI's Responses first, image models only generate images, rerank models only
  /// rerank (`jina-rerank`, which clients have no chat endpoint for), and
  /// `deepseek-reasoner` gives its one type in `endpoint_type`; every other model
  /// speaks OpenAI's chat.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The single type, if any, and the supported ones, in order.
  static func newAPIEndpointTypes(_ id: String) -> (single: String?, supported: [String]) {
    let lower = id.lowercased()
    if lower.contains("rerank") { return (nil, ["jina-rerank"]) }
    if lower.hasPrefix("dall-e") || lower.contains("image") { return (nil, ["image-generation"]) }
    if lower.hasPrefix("claude") { return (nil, ["anthropic", "openai"]) }
    if lower.hasPrefix("gemini"), !isEmbedding(id) { return (nil, ["gemini", "openai"]) }
    if lower.hasPrefix("deepseek-reasoner") { return ("anthropic", []) }
    if lower.first == "o", lower.dropFirst().first?.isNumber == true {
      return (nil, ["openai-response", "openai"])
    }
    return (nil, ["openai"])
  }

  /// What Ollama's `/api/show` says a model can do (``DemoOllama``): `embedding` for
  /// embedding models; otherwise `completion`, with `vision` for names with `vision`,
  /// `vl` or `llava`, `tools` for the Qwen, Llama 3, Mistral and GPT families, and
  /// `thinking` for names with `think`, `reason` or `r1`, and Qwen 3.
  ///
  /// Some of these the names alone do not give (`qwen2.5vl:3b` is vision, an
  /// `acme-thinker` thinks), which is what the probe is for.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The capability names, in Ollama's order.
  static func ollamaCapabilities(_ id: String) -> [String] {
    let lower = id.lowercased()
    if isEmbedding(id) { return ["embedding"] }
    var names = ["completion"]
    if ["vision", "vl", "llava"].contains(where: lower.contains) { names.append("vision") }
    if ["qwen", "llama3", "mistral", "gpt"].contains(where: lower.contains) {
      names.append("tools")
    }
    if ["think", "reason", "r1", "qwen3"].contains(where: lower.contains) {
      names.append("thinking")
    }
    return names
  }

  /// A left-zero-padded decimal number (no Foundation `String(format:)`).
  static func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  /// A stable 64-digit hex digest of an id, for Ollama's `digest` field.
  static func digest(_ id: String) -> String {
    // FNV-1a, re-seeded four times: only needs to look like a sha256 and be stable.
    var out = ""
    for round in 0..<4 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(round)
      for byte in id.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      let hex = String(hash, radix: 16)
      out += String(repeating: "0", count: 16 - hex.count) + hex
    }
    return out
  }
}
