/// Vision allow- and deny-lists (`vision.ts`, plus the newer families the notes list).
enum VisionPatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    KindRules.group(
      KindRules.F.visionAllowed,
      [
        "llava", "moondream", "minicpm", "gemini-1.5", "gemini-2.0", "gemini-2.5", "gemini-3",
        "gemini-3.#", "gemini-flash-latest", "gemini-pro-latest", "gemini-flash-lite-latest",
        "gemini-exp", "claude-3", "claude-haiku-4", "claude-sonnet-4", "claude-opus-4", "vision",
        "glm-4v", "glm-4.#v", "qwen-vl", "qwen2-vl", "qwen2.5-vl", "qwen3-vl", "qwen2.5-omni",
        "qwen3-omni", "qwen-omni", "qwen3.5", "qwen3.6", "qvq", "internvl2", "internvl3",
        "grok-vision-beta", "grok-4", "pixtral", "gpt-4.1", "gpt-4o", "gpt-5", "gpt-5.#",
        "chatgpt-4o", "o1", "o3", "o4", "kimi-latest", "kimi-thinking-preview",
        "kimi-vl-a3b-thinking", "kimi-k2.5", "kimi-k2.6", "llama-guard-4", "llama-4", "step-1o",
        "step-1v", "doubao-seed-1.6", "doubao-seed-1-6", "doubao-seed-1.8", "doubao-seed-1-8",
        "doubao-seed-2.0", "doubao-seed-2-0", "gemma-4", "mistral-small", "mistral-medium",
        "mistral-large",
      ].map(IDPattern.word)
        + ["gpt-4-", "gpt-4.5-", "gemma-3-", "gemma3", "gemma4", "deepseek-vl"].map(
          IDPattern.prefix))
    // Old GPT-4 snapshots and the text-only o-series minis.
    + KindRules.group(
      KindRules.F.visionDenied,
      [
        "gpt-4-#-preview", "gpt-4-turbo-preview", "gpt-4-32k", "gpt-4-#", "o1-mini", "o3-mini",
        "o1-preview", "marco-o1",
      ].map(IDPattern.word))
}

/// Function-calling allow- and deny-lists (`tooluse.ts`, plus the notes' families).
enum ToolPatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    KindRules.group(
      KindRules.F.toolsAllowed,
      [
        "gpt-4o", "gpt-4o-mini", "gpt-4", "gpt-4.1", "gpt-4.5", "gpt-5", "gpt-5.#", "o1", "o3",
        "o4", "claude", "qwen3", "qwq", "hunyuan", "deepseek", "glm-4", "glm-4.5", "glm-4.6",
        "glm-4.7", "glm-5", "glm-5.#", "learnlm", "gemini", "gemma4", "gemma-4", "grok-3",
        "grok-4", "kimi-k2", "kimi-k2.5", "minimax-m2", "minimax-m2.#", "minimax-m3", "mimo-v2",
      ].map(IDPattern.word)
        + ["gpt-oss-", "gemini-", "qwen", "deepseek-", "claude-", "doubao-seed", "ling-", "ring-"]
        .map(IDPattern.prefix))
    + KindRules.group(
      KindRules.F.toolsDenied,
      [
        "aqa", "imagen", "o1-mini", "o1-preview", "marco-o1", "gemini-1", "gemini-1.#", "qwen-mt",
        "gpt-5-chat", "glm-4.5v", "deepseek-r1", "deepseek-v3.2-speciale",
      ].map(IDPattern.word) + [IDPattern.sub("-embedding"), IDPattern.sub("-tts")])
    + KindRules.group(
      KindRules.F.deepSeekHybrid,
      ["deepseek-v3.1", "deepseek-v3.2", "deepseek-v4", "deepseek-chat-v3.1"].map(IDPattern.prefix))
    + KindRules.group(KindRules.F.speciale, [IDPattern.sub("speciale")])
}

/// Reasoning families (`reasoning.ts`) and the fallback regex's alternatives.
enum ReasoningPatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    KindRules.group(
      KindRules.F.reasoningFamily,
      [
        // Claude 3.7 and 4.x
        .word("claude-3-7"), .word("claude-3.7"), .word("claude-sonnet-4"), .word("claude-opus-4"),
        .word("claude-haiku-4"), .word("claude-4"),
        // OpenAI
        .word("gpt-5"), .word("gpt-5.#"), .prefix("gpt-oss"), .word("codex-mini"),
        // Gemini thinking models
        .word("gemini-2.5"), .word("gemini-3"), .word("gemini-3.#"), .word("gemini-flash-latest"),
        .word("gemini-pro-latest"), .word("gemini-flash-lite-latest"),
        // Qwen (hybrid thinking)
        .prefix("qwen3"), .word("qwen-plus"), .word("qwen-turbo"), .word("qwen-flash"),
        .word("qvq"),
        // Grok
        .word("grok-3-mini"), .word("grok-4"), .word("grok-4.#"), .word("grok-code-fast"),
        // Hunyuan, Perplexity, Zhipu, Step
        .word("hunyuan-a13b"), .word("hunyuan-t1"), .word("sonar-deep-research"),
        .word("glm-4.5"), .word("glm-4.6"), .word("glm-4.7"), .word("glm-5"), .word("glm-5.#"),
        .word("glm-z1"), .word("step-3"), .word("step-3.#"),
        // DeepSeek hybrid and the other families
        .prefix("deepseek-v3.1"), .prefix("deepseek-v3.2"), .prefix("deepseek-v4"),
        .prefix("ring-"), .word("minimax-m1"), .word("minimax-m2"), .word("minimax-m2.#"),
        .word("minimax-m3"), .prefix("mimo"), .word("baichuan-m2"), .word("baichuan-m3"),
        .word("kimi-k2.5"), .word("kimi-k2.6"), .prefix("magistral"), .word("gemma-4"),
        .prefix("gemma4"), .prefix("doubao-seed"), .word("ernie-x1"), .word("ernie-x1.#"),
      ])
    // Names that contain a family but are not thinking models.
    + KindRules.group(
      KindRules.F.reasoningDenied,
      [
        .sub("-instruct"), .sub("qwen3-coder"), .sub("-nothink"), .word("gpt-5-chat"),
        .sub("-chat-latest"),
      ])
    // `\b(?:reasoning|reasoner|thinking|think)\b`, `\bqwq…`, `\bhunyuan-t1…`,
    // `\bglm-zero-preview\b`, `\bgrok-(3-mini|4|4-fast|build)…` and `-[rR]\d+`.
    + KindRules.group(
      KindRules.F.reasoningFallback,
      [
        "reasoning", "reasoner", "thinking", "think", "qwq", "hunyuan-t1", "glm-zero-preview",
        "grok-3-mini", "grok-4", "grok-4-fast", "grok-build",
      ].map(IDPattern.word) + [IDPattern.sub("-r#")])
    + KindRules.group(
      KindRules.F.nonReasoning,
      [IDPattern(text: "-non-reasoning", boundaryBefore: false, boundaryAfter: true)])
}

/// Web-search patterns (`websearch.ts`).
enum SearchPatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    KindRules.group(KindRules.F.claude, [.sub("claude")])
    // Claude 3.5/3.7 Sonnet, 3.5 Haiku and the 4.x family.
    + KindRules.group(
      KindRules.F.claudeWebSearch,
      [
        .prefix("claude-3-7-sonnet"), .prefix("claude-3.7-sonnet"), .prefix("claude-3-5-sonnet-"),
        .prefix("claude-3.5-sonnet-"), .prefix("claude-3-5-haiku"), .prefix("claude-3.5-haiku"),
        .word("claude-haiku-4"), .word("claude-sonnet-4"), .word("claude-opus-4"),
      ])
    // Gemini models with Google search grounding.
    + KindRules.group(
      KindRules.F.geminiSearch,
      [
        "gemini-2", "gemini-3", "gemini-flash-latest", "gemini-pro-latest",
        "gemini-flash-lite-latest",
      ]
      .map(IDPattern.sub))
    + KindRules.group(KindRules.F.gpt41, [.sub("gpt-4.1")])
    + KindRules.group(KindRules.F.gpt41Nano, [.sub("gpt-4.1-nano")])
    + KindRules.group(KindRules.F.gpt4o, [.sub("gpt-4o")])
    + KindRules.group(KindRules.F.gpt4oImage, [.sub("gpt-4o-image")])
    // The app tests "o3"/"o4" as substrings; at a word start they hit fewer unrelated ids.
    + KindRules.group(KindRules.F.o3o4, [.word("o3"), .word("o4")])
    + KindRules.group(KindRules.F.gpt5, [.sub("gpt-5")])
    + KindRules.group(KindRules.F.chatWord, [.sub("chat")])
}
