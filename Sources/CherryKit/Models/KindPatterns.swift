/// Image-generation patterns (`vision.ts`): which models make images, and which of
/// them do nothing else.
enum ImagePatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    // Dedicated image models: they only make images, so they are not chat models.
    KindRules.group(
      KindRules.F.dedicatedImage,
      [
        .sub("dall-e"), .sub("gpt-image"), .sub("grok-2-image"), .sub("imagen"), .sub("flux"),
        .sub("stable-diffusion"), .prefix("sd-"), .sub("sdxl"), .sub("cogview"),
        .sub("qwen-image"), .sub("janus"), .sub("midjourney"), .prefix("mj-"),
        .prefix("z-image"), .sub("longcat-image"), .sub("hunyuanimage"), .sub("seedream"),
        .sub("kandinsky"),
      ])
    // Image-edit models also take images as input (so count as vision).
    + KindRules.group(
      KindRules.F.imageEdit,
      [
        "grok-2-image", "qwen-image-edit", "gpt-image-1", "gemini-2.5-flash-image",
        "gemini-2.0-flash-preview-image-generation", "gemini-3.0-pro-image",
        "gemini-3-pro-image",
      ].map(IDPattern.sub))
    // The app's `GENERATE_IMAGE_MODELS`: models that answer with images. Those whose
    // name also says "image" make nothing else (`isPureGenerateImageModel`), except
    // the Gemini 3 Pro image models, which chat too.
    + KindRules.group(
      KindRules.F.chatImage,
      [
        .sub("gemini-2.0-flash-exp"), .sub("gemini-2.0-flash-preview-image-generation"),
        .sub("gemini-2.5-flash-image"), .prefix("gemini-3-pro-image"),
        .prefix("gemini-3.#-pro-image"), .prefix("gemini-3-flash-image"),
        .prefix("gemini-3.#-flash-image"),
      ])
    // OpenAI models that make images through the Responses API's image tool.
    + KindRules.group(
      KindRules.F.openAIImageGeneration, ["gpt-4o", "gpt-4.1", "o3", "gpt-5"].map(IDPattern.prefix))
    // The app's "text to image" test: such names lose tools, reasoning, web search.
    + KindRules.group(
      KindRules.F.textToImage,
      [
        "flux", "diffusion", "stabilityai", "sd-", "dall", "cogview", "janus", "midjourney",
        "mj-", "image",
      ].map(IDPattern.sub))
    + KindRules.group(
      KindRules.F.modernGeminiImage,
      [.prefix("gemini-3-pro-image"), .prefix("gemini-3.#-pro-image")])
}

/// Vision allow- and deny-lists (`vision.ts`, plus the newer families its tests name).
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

/// Function-calling allow- and deny-lists (`tooluse.ts`, plus the families its newer
/// tests name: bare `gpt-oss`, Kimi K2.5 and later).
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
        + [
          "gpt-oss", "gemini-", "qwen", "deepseek-", "claude-", "doubao-seed", "ling-", "ring-",
        ]
        .map(IDPattern.prefix))
    + KindRules.group(
      KindRules.F.toolsDenied,
      [
        "aqa", "imagen", "o1-mini", "o1-preview", "marco-o1", "gemini-1", "gemini-1.#", "qwen-mt",
        "gpt-5-chat", "glm-4.5v", "deepseek-r1", "deepseek-v3.2-speciale",
      ].map(IDPattern.word) + [IDPattern.sub("-embedding"), IDPattern.sub("-tts")])
}

/// Reasoning families (`reasoning.ts`, `isReasoningModel`) that are plain substrings
/// in the app, and the fallback regex's alternatives.
enum ReasoningPatterns {
  /// The tagged patterns.
  static let all: [(IDFeatures, IDPattern)] =
    KindRules.group(
      KindRules.F.reasoningFamily,
      [
        // Claude 3.7, the 4.x family and the Fable line.
        .sub("claude-3-7-sonnet"), .sub("claude-3.7-sonnet"), .sub("claude-sonnet-4"),
        .sub("claude-opus-4"), .sub("claude-haiku-4"), .sub("claude-fable"),
        // OpenAI: the app tests "o1", "o3", "o4" anywhere; cherry at a word start,
        // so that "pro3" or "yolo1" are not taken for the o-series.
        .prefix("o1"), .prefix("o3"), .prefix("o4"), .sub("gpt-oss"),
        // Qwen, Grok, Hunyuan, Perplexity, Zhipu, Step
        .sub("qwq"), .sub("qvq"), .sub("grok-3-mini"), .sub("grok-build"),
        .sub("hunyuan-a13b"), .sub("hunyuan-t1"), .sub("sonar-deep-research"),
        .sub("glm5"), .sub("glm-5"), .sub("glm-4.5"), .sub("glm-4.6"), .sub("glm-4.7"),
        .sub("glm-z1"), .sub("step-3"), .sub("step-r1-v-mini"),
        // Ling, MiniMax and the app's last list
        .sub("ring-1t"), .sub("ring-mini"), .sub("ring-flash"), .sub("minimax-m1"),
        .sub("minimax-m2"), .sub("minimax-m3"), .sub("magistral"), .sub("mistral-small-2603"),
        .sub("pangu-pro-moe"), .sub("seed-oss"), .sub("deepseek-v3.2-speciale"),
        .sub("gemma-4"), .sub("gemma4"),
      ])
    + KindRules.group(KindRules.F.grok4, [.sub("grok-4")])
    // `GEMINI_THINKING_MODEL_REGEX`: Gemini 2.5, 3.x Flash and Pro, and the aliases.
    + KindRules.group(
      KindRules.F.geminiThinking,
      [
        .word("gemini-2.5"), .prefix("gemini-3-flash"), .prefix("gemini-3-pro"),
        .prefix("gemini-3.#-flash"), .prefix("gemini-3.#-pro"), .word("gemini-flash-latest"),
        .word("gemini-pro-latest"), .word("gemini-flash-lite-latest"),
      ])
    // `DOUBAO_THINKING_MODEL_REGEX`, with "." or "-" in the versions.
    + KindRules.group(
      KindRules.F.doubaoThinking,
      [
        "doubao-1.5-thinking-vision-pro", "doubao-1-5-thinking-vision-pro",
        "doubao-1.5-thinking-pro-m", "doubao-1-5-thinking-pro-m", "doubao-seed-1.6",
        "doubao-seed-1-6", "doubao-seed-1.8", "doubao-seed-1-8", "doubao-seed-code",
        "doubao-seed-2.0", "doubao-seed-2-0", "doubao-seed-2.1", "doubao-seed-2-1",
        "doubao-seed-evolving",
      ].map(IDPattern.sub))
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
