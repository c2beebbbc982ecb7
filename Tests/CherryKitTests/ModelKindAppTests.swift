import CherryKit
import Testing

/// Cherry Studio's own classifier vectors, carried over as data.
///
/// Each row is one `expect(isXModel(createModel({ id })))` of the app's tests
/// (src/renderer/src/config/models/__tests__/{reasoning,vision,tooluse,embedding}.test.ts),
/// read through cherry's kinds. The app's `createModel` uses an OpenAI-compatible
/// provider unless a row names one.
///
/// Rows of sub-functions are kept only where they decide the kind (an
/// `isKimiReasoningModel` `false` for `kimi-k2-thinking-extra` is not kept: the
/// app's own `isReasoningModel` still says `true`, by its "thinking" fallback).
/// The app's `isReasoningModel` is also `false` for every name with "image" in it
/// (`gemini-3-pro-image-preview`), which cherry keeps.
struct ModelKindAppTests {
  /// One id, the kind looked at, whether it is expected, and where.
  struct Row: CustomTestStringConvertible, Sendable {
    let id: String
    let kind: ModelKind
    let expected: Bool
    var provider = "custom"
    var style: APIStyle = .openai
    var displayName: String? = nil
    var testDescription: String { "\(expected ? "" : "not ")\(kind.rawValue): \(provider)/\(id)" }
  }

  static func rows(
    _ kind: ModelKind, _ expected: Bool, _ ids: [String], provider: String = "custom"
  )
    -> [Row]
  {
    ids.map { Row(id: $0, kind: kind, expected: expected, provider: provider) }
  }

  // MARK: - Reasoning

  static let reasoning: [Row] =
    rows(
      .reasoning, true,
      [
        // Claude 3.7, 4.x and the whole Fable line
        "claude-3.7-sonnet", "claude-3-7-sonnet-20250219", "claude-sonnet-4", "claude-opus-4",
        "claude-sonnet-4@20250514", "anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4.5",
        "claude-opus-4-6", "claude-opus-4-10", "claude-fable-5", "claude-fable-5.7",
        "claude-fable-5-7", "anthropic.claude-fable-5-v1:0", "claude-fable-5-20260101",
        "claude-fable-6",
        // OpenAI
        "o1-preview", "o1-mini", "o3", "o3-mini", "o3-mini-2024", "o4", "gpt-oss", "gpt-oss:20b",
        "gpt-oss-reasoning", "gpt-5", "gpt-5-preview", "gpt-5-codex", "gpt-5-pro", "gpt-5.1",
        "gpt-5.1-preview", "gpt-5.1-mini", "gpt-5.1-codex", "gpt-5.1-codex-mini", "gpt-5.2-pro",
        "gpt-5.3-codex", "gpt-5.4", "gpt-5.4-mini", "gpt-5.9", "GPT-5.1",
        // Gemini
        "gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.5-flash-latest", "gemini-2.5-pro-latest",
        "gemini-pro-latest", "gemini-flash-latest", "gemini-flash-lite-latest",
        "gemini-3-pro-preview", "gemini-3-flash-preview", "google/gemini-3-pro-preview",
        "gemini-3-flash", "gemini-3-pro", "gemini-3-flash-preview-09-2025",
        "gemini-3-flash-exp-1234", "gemini-3.0-flash", "gemini-3.5-pro-preview",
        "gemini-3.1-pro-preview", "gemini-2.0-flash-thinking", "gemini-thinking-exp",
        // Qwen
        "qwen-plus", "qwen-plus-2025-07-14", "qwen-plus-2025-09-11", "qwen-turbo",
        "qwen-turbo-2025-04-28", "qwen-flash", "qwen3-8b", "qwen3-72b", "qwen3.5-plus",
        "qwen3.5-plus-2026-02-15", "qwen3.5-397b-a17b", "qwen3-max", "qwen3-max-preview",
        "qwen3-max-2026-01-23", "qwen-max-latest", "qwen3-thinking", "qwen3-vl-235b-thinking",
        "qwq-32b-preview",
        // Grok
        "grok-3-mini", "grok-4", "grok-4.3", "grok-4-fast", "grok-4-fast-preview", "grok-build-0.1",
        // DeepSeek hybrid, V4 and later
        "deepseek-chat", "deepseek-chat-v3.1", "deepseek-v3.1", "deepseek-v3.1-alpha",
        "DeepSeek-V3.1", "deepseek-v3.2", "agent/deepseek-v3.2", "custom-deepseek-v3.2",
        "prefix-deepseek-v3.1", "deepseek-v3.1.2", "deepseek-v3-1", "deepseek-v4",
        "deepseek-v4-flash", "deepseek-v4-pro", "deepseek-v4.1", "deepseek-v4-pro-preview",
        "deepseek-v5", "deepseek-v5-flash", "deepseek-v5-xxx", "deepseek-v9-pro", "deepseek-v10",
        "deepseek-v10-ultra", "deepseek-v42-ultra", "custom-deepseek-v4",
        "prefix-deepseek-v4-flash", "agent/deepseek-v4-pro",
        "accounts/fireworks/models/deepseek-v4-pro", "deepseek/deepseek-v4-flash:deepseek",
        "deepseek/deepseek-v4-pro:fireworks", "deepseek/deepseek-v4-pro:deepseek:together",
        "DeepSeek-V4", "DEEPSEEK-V4-FLASH", "accounts/fireworks/models/deepseek-v3p2",
        "accounts/fireworks/models/deepseek-v3p1", "deepseek-reasoner", "deepseek-v3.2-speciale",
        // Kimi: K2 Thinking, K2.5 and later, K3 and later
        "kimi-k2-thinking", "kimi-k2-thinking-turbo", "kimi-k2.5", "kimi-k2.6", "kimi-k2.7",
        "kimi-k2.7-code", "kimi-k3", "kimi-k3.5", "kimi-k4", "moonshot/kimi-k2-thinking",
        "moonshot/kimi-k2.5", "KIMI-K2-THINKING", "Kimi-K2.5", "providers/kimi-k2-thinking",
        "openrouter/kimi-k2.5", "accounts/fireworks/models/kimi-k2p5",
        // Zhipu, MiniMax, MiMo, Step, Ling, Hunyuan, Perplexity, Baichuan
        "glm-4.5", "glm-4.6", "glm-4.6-pro", "glm-4.7", "glm-4.5-flash", "glm5", "glm-5",
        "glm-5-plus", "GLM-5-Pro", "glm-z1", "accounts/fireworks/models/glm-4p7",
        "accounts/fireworks/models/glm-4p5", "zhipu/glm-4.6", "minimax-m2-pro", "minimax-m2.7",
        "minimax-m2.7-highspeed", "minimax-m3", "MiniMax-M3", "minimax-m3.5-pro",
        "accounts/fireworks/models/minimax-m2p1", "mimo-v2.5", "mimo-v2.5-pro", "mimo-v2-flash",
        "step-r1-v-mini", "step-3-minimax", "ring-1t", "ring-flash-2.0", "ring-mini-2.0",
        "hunyuan-a13b", "sonar-deep-research", "baichuan-m2", "Baichuan-M3",
        // The rest of the app's list and its fallback
        "magistral-reasoning", "mistral-small-2603", "gemma-4-e2b", "gemma-4-31b", "gemma4",
        "gemma4:e2b", "gemma4:latest", "generic-reasoning-model", "some-random-model-thinking",
        "some-random-model-think",
      ])
    + rows(
      .reasoning, false,
      [
        "gpt-4o", "gpt-4", "gpt-5.1-chat", "gpt-5.4-chat", "gpt-5-chat", "claude-3-haiku",
        "claude-3-opus", "claude-3.5-sonnet", "claude-3-opus-20240229", "custom-model",
        "unknown-model", "deepseek-v2", "deepseek-v3", "gemini-1.5-flash", "gemini-1.5-pro",
        "gemini-2.0-tts", "gemini-2.5-flash-preview-tts", "gemini-3-flash-tts",
        "gemini-2.5-flash-image", "gemini-3.5-flash-image-preview", "grok-4-fast-non-reasoning",
        "hunyuan-lite", "sonar-lite", "ling-1t", "ling-flash-2.0", "ling-mini-2.0", "kimi-chat",
        "kimi-k1", "kimi-k2", "kimi-k2-preview", "kimi-k2-turbo", "gemma-2b", "gemma-2-27b-it",
        "gemma-3-27b", "gemma-3n-e4b-it", "mimo-v2.5-tts", "mimo-v2.5-tts-voiceclone", "glm-4",
        "glm-4-plus", "glm-4.3",
      ])
    // Doubao: thinking ids and names.
    + rows(
      .reasoning, true,
      [
        "doubao-seed-1-6-thinking", "doubao-seed-1.6", "doubao-seed-1-6", "doubao-seed-1.6-flash",
        "doubao-1-5-thinking-pro-m", "doubao-seed-1-6-251015", "doubao-seed-1-8-251228",
        "doubao-1.5-thinking-vision-pro", "doubao-seed-2-0-pro-260215",
        "doubao-seed-2-0-lite-260215", "doubao-seed-2-1-pro-260628", "doubao-seed-evolving",
      ], provider: "doubao")
    + [
      Row(
        id: "ep-20250101-abc", kind: .reasoning, expected: true, provider: "doubao",
        displayName: "Doubao-1-5-Thinking-Pro-M-Extra"),
      Row(id: "doubao-standard", kind: .reasoning, expected: false, provider: "doubao"),
    ]

  // MARK: - Vision

  static let vision: [Row] =
    rows(
      .vision, true,
      [
        "gpt-4o-mini", "qwen-image-edit", "gemini-1.5-flash", "gemini-1.5-pro", "gemini-2.0-flash",
        "gemini-2.0-pro", "gemini-2.5-flash", "gemini-2.5-pro", "gemini-flash-latest",
        "gemini-pro-latest", "gemini-flash-lite-latest", "gemini-3-pro-preview", "gemini-3-flash",
        "gemini-3-pro", "gemini-3.1-pro-preview", "gemini-3.1-pro", "gemini-3.1-flash",
        "gemini-exp-1206", "kimi-k2.5", "moonshot/kimi-k2.5", "kimi-k2.6", "moonshot/kimi-k2.6",
        "mimo-v2.5", "xiaomi/mimo-v2.5", "qwen-vl-max", "qwen3-vl", "qwen3.5-plus",
        "qwen3.5-plus-2026-02-15", "qwen3.5-397b-a17b", "gemma-4-e2b", "gemma-4-e4b",
        "gemma-4-26b-moe", "gemma-4-31b", "gemma4", "gemma4:e2b", "gemma4:31b", "gemma4:latest",
        "google/gemma-4-31b", "gemma-3-27b", "gemma-3-4b", "gemma3", "gemma3:latest",
        "mistral-small-2603", "mistralai/mistral-small-2603", "mistral-small-latest",
        "mistral-small-2506", "pixtral-12b", "pixtral-large",
      ])
    + rows(
      .vision, false,
      [
        "gemini-1.0-pro", "kimi-k2-thinking", "mimo-v2.5-pro", "mimo-v2.5-tts", "gemma-2b",
        "gemma-2-27b-it",
      ])
    + rows(
      .vision, true,
      [
        "doubao-seed-2-0-pro-260215", "doubao-seed-2-0-lite-260215",
        "doubao-seed-2-0-code-preview-260215", "doubao-seed-2-0-mini-260215",
      ], provider: "doubao")

  // MARK: - Tools

  static let tools: [Row] =
    rows(
      .tools, true,
      [
        "gpt-5", "gpt-oss", "gpt-oss-120b", "deepseek-v3-1", "kimi-k2.7", "kimi-k3", "kimi-k3.5",
        "kimi-k4", "accounts/fireworks/models/kimi-k2p5",
      ])
    + rows(
      .tools, false,
      ["gemini-1.5-flash", "deepseek-v3.2-speciale", "deepseek/deepseek-v3.2-speciale"])
    + rows(
      .tools, false, ["deepseek-v3-1", "deepseek-v3.1", "deepseek-chat"], provider: "dashscope")
    + ["deepseek", "anthropic", "kimi", "moonshot"].map {
      Row(id: "some-model", kind: .tools, expected: true, provider: $0)
    }
    + [
      Row(
        id: "custom-model", kind: .tools, expected: true, provider: "doubao",
        displayName: "Doubao-Seed-1.6-251015")
    ]

  // MARK: - Embedding, rerank, image

  static let others: [Row] =
    rows(.embedding, true, ["Text-Embedding-3-Small"])
    + rows(.rerank, true, ["rerank-qa", "jina-rerank-v2-base"])
    + rows(.embedding, false, ["rerank-qa"])
    // Image-only models (`isPureGenerateImageModel`) are not chat models.
    + rows(
      .chat, false,
      [
        "gemini-2.5-flash-image-preview", "gemini-2.5-flash-image", "gpt-image-1", "dall-e-3",
        "grok-2-image-1212", "midjourney-v6", "gemini-2.0-flash-preview-image-generation",
        "gemini-2.0-flash-exp-image-generation",
      ])
    + rows(.image, true, ["gemini-2.5-flash-image-preview", "gemini-2.5-flash-image-ultra"])
    // Chat models that answer with images stay chat models.
    + rows(.chat, true, ["gemini-2.0-flash-exp", "gemini-3-pro-image-preview", "gpt-4o"])
    + rows(.image, true, ["gemini-2.0-flash-exp", "gemini-3-pro-image-preview"])
    + rows(.image, false, ["gpt-4.2-experimental"])

  @Test(arguments: reasoning + vision + tools + others)
  func classifiesAsTheAppDoes(_ row: Row) {
    let kinds = ModelKindInference.kinds(
      for: row.id, style: row.style, providerID: row.provider, displayName: row.displayName)
    #expect(kinds.contains(row.kind) == row.expected, "\(kinds.sorted())")
  }

  @Test func theIssuesExamples() {
    func kinds(_ id: String, _ provider: String = "custom") -> Set<ModelKind> {
      ModelKindInference.kinds(for: id, style: .openai, providerID: provider)
    }
    #expect(kinds("deepseek-v3-1", "dashscope") == [.chat, .reasoning])
    #expect(kinds("deepseek-v3-1") == [.chat, .tools, .reasoning])
    #expect(kinds("gpt-oss") == [.chat, .tools, .reasoning])
    #expect(kinds("mimo-v2.5", "mimo") == [.chat, .vision, .tools, .reasoning])
    #expect(kinds("kimi-k3") == [.chat, .tools, .reasoning])
    #expect(kinds("gemini-2.5-flash-image-preview", "gemini") == [.image, .vision])
    #expect(!ChatModelRule.isChatModel(kinds("gemini-2.5-flash-image-preview", "gemini")))
  }

  @Test(
    "free: every cherryai model, and any id or name that says free",
    arguments: [
      ("qwen/qwen3-32b:free", nil, "openrouter", true),
      ("some-model", "Some Model (Free)", "cherryin", true),
      ("qwen3-32b", nil, "cherryai", true),
      ("gpt-4o", "GPT-4o", "openai", false),
    ] as [(String, String?, String, Bool)])
  func free(_ id: String, _ name: String?, _ provider: String, _ expected: Bool) {
    #expect(ModelKindInference.isFree(id: id, displayName: name, providerID: provider) == expected)
  }
}
