import CherryKit
import Foundation
import Testing

/// Kind inference from model ids (notes/cherry-studio-behaviour.md §5.4).
struct ModelKindInferenceTests {
  /// One inference case: an id on a provider, and the exact kinds expected.
  struct Case: CustomTestStringConvertible, Sendable {
    let id: String
    let style: APIStyle
    let provider: String
    let kinds: Set<ModelKind>
    var testDescription: String { "\(provider)/\(id)" }
  }

  static let cases: [Case] = [
    // OpenAI-compatible aggregator: gpt-4o gets vision, tools and (OpenAI) web search.
    Case(
      id: "gpt-4o", style: .openai, provider: "silicon",
      kinds: [.chat, .vision, .tools, .webSearch]),
    Case(
      id: "gpt-4o-mini", style: .openai, provider: "cherryin",
      kinds: [.chat, .vision, .tools, .webSearch]),
    // Old GPT-4 snapshots are not vision; plain gpt-4 calls tools.
    Case(id: "gpt-4-0613", style: .openai, provider: "together", kinds: [.chat, .tools]),
    Case(id: "gpt-4-32k", style: .openai, provider: "together", kinds: [.chat, .tools]),
    Case(id: "gpt-4-turbo", style: .openai, provider: "together", kinds: [.chat, .vision, .tools]),
    Case(id: "gpt-3.5-turbo", style: .openai, provider: "together", kinds: [.chat]),
    // OpenAI itself (openai-response style): image generation tool, search models.
    Case(
      id: "gpt-4o", style: .openaiResponse, provider: "openai",
      kinds: [.chat, .vision, .tools, .webSearch, .image]),
    Case(id: "o1-mini", style: .openaiResponse, provider: "openai", kinds: [.chat, .reasoning]),
    Case(
      id: "o3-mini", style: .openaiResponse, provider: "openai",
      kinds: [.chat, .reasoning, .tools, .webSearch, .image]),
    Case(
      id: "gpt-5", style: .openaiResponse, provider: "openai",
      kinds: [.chat, .vision, .tools, .reasoning, .webSearch, .image]),
    Case(
      id: "gpt-5-chat-latest", style: .openaiResponse, provider: "openai",
      kinds: [.chat, .vision, .image]),
    // Dedicated image models are image-only (not chat); image-edit ones take images too.
    Case(id: "dall-e-3", style: .openaiResponse, provider: "openai", kinds: [.image]),
    Case(id: "gpt-image-1", style: .openaiResponse, provider: "openai", kinds: [.image, .vision]),
    Case(
      id: "black-forest-labs/FLUX.1-schnell", style: .openai, provider: "silicon", kinds: [.image]),
    Case(
      id: "stabilityai/stable-diffusion-3-5-large", style: .openai, provider: "silicon",
      kinds: [.image]),
    Case(id: "cogview-4", style: .openai, provider: "zhipu", kinds: [.image]),
    Case(id: "imagen-4.0-generate-001", style: .gemini, provider: "gemini", kinds: [.image]),
    // The app's image-generating models whose name says "image" do nothing else
    // (isPureGenerateImageModel); the others stay chat models.
    Case(
      id: "gemini-2.5-flash-image", style: .gemini, provider: "gemini", kinds: [.image, .vision]),
    Case(
      id: "gemini-2.0-flash-exp", style: .gemini, provider: "gemini",
      kinds: [.chat, .image, .vision, .tools, .webSearch]),
    // Embedding and rerank.
    Case(id: "text-embedding-3-small", style: .openai, provider: "openai", kinds: [.embedding]),
    Case(id: "BAAI/bge-m3", style: .openai, provider: "silicon", kinds: [.embedding]),
    Case(id: "BAAI/bge-reranker-v2-m3", style: .openai, provider: "silicon", kinds: [.rerank]),
    Case(
      id: "jina-reranker-v2-base-multilingual", style: .openai, provider: "jina", kinds: [.rerank]),
    Case(id: "jina-embeddings-v3", style: .openai, provider: "jina", kinds: [.embedding]),
    Case(id: "voyage-3-large", style: .openai, provider: "voyageai", kinds: [.embedding]),
    Case(id: "rerank-2", style: .openai, provider: "voyageai", kinds: [.rerank]),
    Case(id: "nomic-embed-text:latest", style: .ollama, provider: "ollama", kinds: [.embedding]),
    Case(id: "gemini-embedding-001", style: .gemini, provider: "gemini", kinds: [.embedding]),
    // Embedding is never inferred on the anthropic style.
    Case(
      id: "claude-embed-test", style: .anthropic, provider: "anthropic",
      kinds: [.chat, .tools]),
    // Claude: tools always on the anthropic provider, web search on 3.5+/4.
    Case(
      id: "claude-sonnet-4-20250514", style: .anthropic, provider: "anthropic",
      kinds: [.chat, .vision, .tools, .reasoning, .webSearch]),
    Case(
      id: "claude-3-5-haiku-20241022", style: .anthropic, provider: "anthropic",
      kinds: [.chat, .vision, .tools, .webSearch]),
    Case(
      id: "claude-3-7-sonnet-20250219", style: .anthropic, provider: "anthropic",
      kinds: [.chat, .vision, .tools, .reasoning, .webSearch]),
    // Gemini.
    Case(
      id: "gemini-2.5-pro", style: .gemini, provider: "gemini",
      kinds: [.chat, .vision, .tools, .reasoning, .webSearch]),
    Case(id: "gemini-1.5-flash", style: .gemini, provider: "gemini", kinds: [.chat, .vision]),
    // DeepSeek.
    // deepseek-chat is the hybrid model (DeepSeek V3.x/V4 without thinking on).
    Case(
      id: "deepseek-chat", style: .openai, provider: "deepseek",
      kinds: [.chat, .tools, .reasoning]),
    Case(
      id: "deepseek-reasoner", style: .openai, provider: "deepseek",
      kinds: [.chat, .tools, .reasoning]),
    Case(
      id: "deepseek-ai/DeepSeek-R1", style: .openai, provider: "silicon",
      kinds: [.chat, .reasoning]),
    Case(
      id: "deepseek-ai/DeepSeek-V3.1", style: .openai, provider: "silicon",
      kinds: [.chat, .tools, .reasoning]),
    Case(id: "deepseek-v3.1", style: .openai, provider: "dashscope", kinds: [.chat, .reasoning]),
    // Qwen family.
    Case(
      id: "Qwen/Qwen3-32B", style: .openai, provider: "silicon", kinds: [.chat, .tools, .reasoning]),
    Case(
      id: "Qwen/Qwen3-235B-A22B-Instruct-2507", style: .openai, provider: "silicon",
      kinds: [.chat, .tools]),
    Case(
      id: "Qwen/Qwen2.5-VL-72B-Instruct", style: .openai, provider: "silicon",
      kinds: [.chat, .vision, .tools]),
    Case(
      id: "qwq-32b", style: .openai, provider: "dashscope",
      kinds: [.chat, .tools, .reasoning, .webSearch]),
    Case(
      id: "qwen-max-latest", style: .openai, provider: "dashscope",
      kinds: [.chat, .tools, .reasoning, .webSearch]),
    Case(id: "qwen-mt-turbo", style: .openai, provider: "dashscope", kinds: [.chat]),
    // Ollama names, free suffixes.
    Case(id: "llama3.1:8b", style: .ollama, provider: "ollama", kinds: [.chat]),
    Case(id: "gemma3:4b", style: .ollama, provider: "ollama", kinds: [.chat, .vision]),
    Case(id: "deepseek-r1:7b", style: .ollama, provider: "ollama", kinds: [.chat, .reasoning]),
    Case(
      id: "deepseek/deepseek-r1:free", style: .openai, provider: "openrouter",
      kinds: [.chat, .reasoning, .webSearch]),
    // Provider-dependent web search.
    Case(id: "sonar-pro", style: .openai, provider: "perplexity", kinds: [.chat, .webSearch]),
    Case(id: "sonar-pro", style: .openai, provider: "together", kinds: [.chat]),
    Case(
      id: "sonar-reasoning", style: .openai, provider: "perplexity",
      kinds: [.chat, .reasoning, .webSearch]),
    Case(id: "hunyuan-lite", style: .openai, provider: "hunyuan", kinds: [.chat, .tools]),
    Case(
      id: "hunyuan-turbos-latest", style: .openai, provider: "hunyuan",
      kinds: [.chat, .tools, .webSearch]),
    Case(id: "glm-4-plus", style: .openai, provider: "zhipu", kinds: [.chat, .tools, .webSearch]),
    Case(id: "glm-4.5", style: .openai, provider: "zhipu", kinds: [.chat, .tools, .reasoning]),
    Case(id: "grok-3", style: .openai, provider: "grok", kinds: [.chat, .tools, .webSearch]),
    Case(
      id: "grok-4-fast-non-reasoning", style: .openai, provider: "grok",
      kinds: [.chat, .vision, .tools, .webSearch]),
    // Other families.
    Case(id: "kimi-k2-0905-preview", style: .openai, provider: "moonshot", kinds: [.chat, .tools]),
    Case(id: "moonshot-v1-8k", style: .openai, provider: "moonshot", kinds: [.chat, .tools]),
    Case(id: "mistral-large-latest", style: .openai, provider: "mistral", kinds: [.chat, .vision]),
    Case(
      id: "magistral-medium-latest", style: .openai, provider: "mistral",
      kinds: [.chat, .reasoning]),
    Case(
      id: "MiniMax-M2", style: .openai, provider: "minimax", kinds: [.chat, .tools, .reasoning]),
    Case(id: "pixtral-12b-2409", style: .openai, provider: "mistral", kinds: [.chat, .vision]),
    Case(
      id: "accounts/fireworks/models/qwen3-235b-a22b", style: .openai, provider: "fireworks",
      kinds: [.chat, .tools, .reasoning]),
  ]

  @Test("kinds inferred from the id", arguments: cases)
  func inference(_ c: Case) {
    #expect(ModelKindInference.kinds(for: c.id, style: c.style, providerID: c.provider) == c.kinds)
  }

  @Test(
    "base name: after the last /, lower-cased, without :free, (free), :cloud",
    arguments: [
      ("deepseek/deepseek-r1:free", "deepseek-r1"),
      ("Qwen/Qwen3-32B", "qwen3-32b"),
      ("meta-llama/Llama-3.3-70B(free)", "llama-3.3-70b"),
      ("gpt-oss:120b-cloud", "gpt-oss:120b-cloud"),
      ("kimi-k2:1t:cloud", "kimi-k2:1t"),
      ("a/b/C", "c"),
      ("accounts/fireworks/models/deepseek-v3p1", "deepseek-v3.1"),
      ("accounts/fireworks/models/kimi-k2p5", "kimi-k2.5"),
      ("accounts/fireworks/models/glm-4p7", "glm-4.7"),
      ("plain", "plain"),
      // The app's getLowerBaseModelName vectors (naming.test.ts).
      ("DeepSeek/DeepSeek-R1", "deepseek-r1"),
      ("openai/GPT-4.1", "gpt-4.1"),
      ("Anthropic/Claude-3.5-Sonnet", "claude-3.5-sonnet"),
      ("Pro/DeepSeek-AI/DeepSeek-R1", "deepseek-r1"),
      ("Org/Team/Group/Model", "model"),
      ("GPT-4", "gpt-4"),
      ("", ""),
      ("Model/", ""),
      ("/Model", "model"),
      ("Model//Name", "name"),
      ("gpt-4:free", "gpt-4"),
      ("agent/gpt-4(free)", "gpt-4"),
      ("local/kimi-k2.5:cloud", "kimi-k2.5"),
    ])
  func baseName(_ id: String, _ expected: String) {
    #expect(ModelKindInference.baseName(of: id) == expected)
  }

  @Test("overrides win over inference")
  func overrides() {
    let model = ProviderModel(
      id: "gpt-4o", group: "openai", kindOverrides: [.vision: false, .reasoning: true])
    let kinds = model.kinds(style: .openai, providerID: "cherryin")
    #expect(!kinds.contains(.vision))
    #expect(kinds.contains(.reasoning))
    #expect(kinds.contains(.tools))
  }

  static let chatRuleCases: [(kinds: Set<ModelKind>, isChat: Bool)] = [
    ([.chat], true),
    ([.chat, .vision, .tools], true),
    ([.chat, .image], true),
    ([.image], false),
    ([.image, .vision], false),
    ([.embedding], false),
    ([.chat, .embedding], false),
    ([.chat, .rerank], false),
    ([], false),
  ]

  @Test("chat model rule", arguments: chatRuleCases)
  func chatModelRule(_ kinds: Set<ModelKind>, _ expected: Bool) {
    #expect(ChatModelRule.isChatModel(kinds) == expected)
  }

  /// A 10,000-id list (the size `manage` is benchmarked on) classifies each id by
  /// its stem; speed itself is measured by `scripts/bench`, not here.
  @Test("10,000 ids classify by their stems")
  func largeList() {
    let stems = [
      "gpt-4o-mini", "Qwen/Qwen2.5-VL-72B-Instruct", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B",
      "claude-sonnet-4-20250514", "gemini-2.5-flash-preview-05-20", "BAAI/bge-reranker-v2-m3",
      "text-embedding-3-large", "meta-llama/Llama-4-Scout-17B-16E-Instruct",
      "black-forest-labs/FLUX.1-dev",
      "mistralai/Mistral-Small-3.1-24B-Instruct-2503",
    ]
    let ids = (0..<10_000).map { "\(stems[$0 % stems.count])-\($0)" }
    let chat = ids.filter {
      ModelKindInference.kinds(for: $0, style: .openai, providerID: "silicon").contains(.chat)
    }
    // Seven of the ten stems are chat models; the reranker, the embedding model and
    // FLUX (image only) are not.
    #expect(chat.count == 7_000)
  }
}
