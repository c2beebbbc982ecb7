import CherryKit
import Testing

/// The API URL rules of DESIGN §1.2, one row per table row and style.
struct EndpointResolverTests {
  /// One URL, its style and everything it must resolve to.
  struct Row: CustomTestStringConvertible, Sendable {
    let url: String
    let style: APIStyle
    let apiVersion: String?
    let rule: URLRule
    let chat: String
    let models: String?
    let embeddings: String?
    let warns: Bool

    init(
      _ url: String, _ style: APIStyle = .openai, apiVersion: String? = nil, rule: URLRule,
      chat: String, models: String?, embeddings: String?, warns: Bool = false
    ) {
      self.url = url
      self.style = style
      self.apiVersion = apiVersion
      self.rule = rule
      self.chat = chat
      self.models = models
      self.embeddings = embeddings
      self.warns = warns
    }

    var testDescription: String { "\(style.rawValue) \(url)" }
  }

  static let openAIRows: [Row] = [
    // The seed's three examples.
    Row(
      "https://xxx.xxx.com", rule: .root(version: "v1"),
      chat: "https://xxx.xxx.com/v1/chat/completions", models: "https://xxx.xxx.com/v1/models",
      embeddings: "https://xxx.xxx.com/v1/embeddings"),
    Row(
      "https://api.example.com/v2/", rule: .trailingSlash,
      chat: "https://api.example.com/v2/chat/completions",
      models: "https://api.example.com/v2/models",
      embeddings: "https://api.example.com/v2/embeddings"),
    Row(
      "https://gw.example.com/any/path/chat/completions#", rule: .exact,
      chat: "https://gw.example.com/any/path/chat/completions",
      models: "https://gw.example.com/any/path/models",
      embeddings: "https://gw.example.com/any/path/embeddings"),
    // DESIGN §1.2, first table.
    Row(
      "https://api.example.com", rule: .root(version: "v1"),
      chat: "https://api.example.com/v1/chat/completions",
      models: "https://api.example.com/v1/models",
      embeddings: "https://api.example.com/v1/embeddings"),
    Row(
      "https://api.example.com/", rule: .trailingSlash,
      chat: "https://api.example.com/chat/completions", models: "https://api.example.com/models",
      embeddings: "https://api.example.com/embeddings", warns: true),
    Row(
      "https://api.example.com/v3", rule: .versionSegment("v3"),
      chat: "https://api.example.com/v3/chat/completions",
      models: "https://api.example.com/v3/models",
      embeddings: "https://api.example.com/v3/embeddings"),
    Row(
      "https://api.example.com/v1", rule: .versionSegment("v1"),
      chat: "https://api.example.com/v1/chat/completions",
      models: "https://api.example.com/v1/models",
      embeddings: "https://api.example.com/v1/embeddings"),
    Row(
      "https://api.example.com/v1/", rule: .trailingSlash,
      chat: "https://api.example.com/v1/chat/completions",
      models: "https://api.example.com/v1/models",
      embeddings: "https://api.example.com/v1/embeddings"),
    Row(
      "https://api.example.com/V1", rule: .versionSegment("V1"),
      chat: "https://api.example.com/V1/chat/completions",
      models: "https://api.example.com/V1/models",
      embeddings: "https://api.example.com/V1/embeddings"),
    Row(
      "https://api.example.com/v2beta", rule: .versionSegment("v2beta"),
      chat: "https://api.example.com/v2beta/chat/completions",
      models: "https://api.example.com/v2beta/models",
      embeddings: "https://api.example.com/v2beta/embeddings"),
    Row(
      "https://api.example.com/v1.5", rule: .root(version: "v1"),
      chat: "https://api.example.com/v1.5/v1/chat/completions",
      models: "https://api.example.com/v1.5/v1/models",
      embeddings: "https://api.example.com/v1.5/v1/embeddings"),
    Row(
      "  https://api.example.com  ", rule: .root(version: "v1"),
      chat: "https://api.example.com/v1/chat/completions",
      models: "https://api.example.com/v1/models",
      embeddings: "https://api.example.com/v1/embeddings"),
    Row(
      "HTTP://LOCALHOST:1234", rule: .root(version: "v1"),
      chat: "HTTP://LOCALHOST:1234/v1/chat/completions", models: "HTTP://LOCALHOST:1234/v1/models",
      embeddings: "HTTP://LOCALHOST:1234/v1/embeddings"),
    Row(
      "https://api.example.com/custom#", rule: .exact,
      chat: "https://api.example.com/custom", models: nil, embeddings: nil, warns: true),
    // Query strings stay at the end.
    Row(
      "https://api.example.com?tenant=a", rule: .root(version: "v1"),
      chat: "https://api.example.com/v1/chat/completions?tenant=a",
      models: "https://api.example.com/v1/models?tenant=a",
      embeddings: "https://api.example.com/v1/embeddings?tenant=a"),
    Row(
      "https://api.example.com/v2/?tenant=a&b=1", rule: .trailingSlash,
      chat: "https://api.example.com/v2/chat/completions?tenant=a&b=1",
      models: "https://api.example.com/v2/models?tenant=a&b=1",
      embeddings: "https://api.example.com/v2/embeddings?tenant=a&b=1"),
    Row(
      "https://gw.example.com/x/chat/completions?tenant=a#", rule: .exact,
      chat: "https://gw.example.com/x/chat/completions?tenant=a",
      models: "https://gw.example.com/x/models?tenant=a",
      embeddings: "https://gw.example.com/x/embeddings?tenant=a"),
  ]

  /// Cherry Studio's default URLs (notes §2, §3.3), stored in the form that reaches the
  /// endpoint the app reaches.
  static let catalogueRows: [Row] = [
    Row(
      "https://open.bigmodel.cn/api/paas/v4/", rule: .trailingSlash,
      chat: "https://open.bigmodel.cn/api/paas/v4/chat/completions",
      models: "https://open.bigmodel.cn/api/paas/v4/models",
      embeddings: "https://open.bigmodel.cn/api/paas/v4/embeddings"),
    Row(
      "https://api.ppinfra.com/v3/openai/", rule: .trailingSlash,
      chat: "https://api.ppinfra.com/v3/openai/chat/completions",
      models: "https://api.ppinfra.com/v3/openai/models",
      embeddings: "https://api.ppinfra.com/v3/openai/embeddings"),
    Row(
      "https://api.groq.com/openai", rule: .root(version: "v1"),
      chat: "https://api.groq.com/openai/v1/chat/completions",
      models: "https://api.groq.com/openai/v1/models",
      embeddings: "https://api.groq.com/openai/v1/embeddings"),
    Row(
      "https://models.github.ai/inference/", rule: .trailingSlash,
      chat: "https://models.github.ai/inference/chat/completions",
      models: "https://models.github.ai/inference/models",
      embeddings: "https://models.github.ai/inference/embeddings", warns: true),
    Row(
      "https://api.perplexity.ai/", rule: .trailingSlash,
      chat: "https://api.perplexity.ai/chat/completions",
      models: "https://api.perplexity.ai/models",
      embeddings: "https://api.perplexity.ai/embeddings", warns: true),
    Row(
      "https://ark.cn-beijing.volces.com/api/v3/", rule: .trailingSlash,
      chat: "https://ark.cn-beijing.volces.com/api/v3/chat/completions",
      models: "https://ark.cn-beijing.volces.com/api/v3/models",
      embeddings: "https://ark.cn-beijing.volces.com/api/v3/embeddings"),
    Row(
      "https://api.tokenflux.ai/openai/v1", rule: .versionSegment("v1"),
      chat: "https://api.tokenflux.ai/openai/v1/chat/completions",
      models: "https://api.tokenflux.ai/openai/v1/models",
      embeddings: "https://api.tokenflux.ai/openai/v1/embeddings"),
    Row(
      "http://localhost:1234", rule: .root(version: "v1"),
      chat: "http://localhost:1234/v1/chat/completions", models: "http://localhost:1234/v1/models",
      embeddings: "http://localhost:1234/v1/embeddings"),
    Row(
      "https://router.huggingface.co/v1/", .openaiResponse, rule: .trailingSlash,
      chat: "https://router.huggingface.co/v1/responses",
      models: "https://router.huggingface.co/v1/models",
      embeddings: "https://router.huggingface.co/v1/embeddings"),
  ]

  static let otherStyleRows: [Row] = [
    // openai-response
    Row(
      "https://api.openai.com", .openaiResponse, rule: .root(version: "v1"),
      chat: "https://api.openai.com/v1/responses", models: "https://api.openai.com/v1/models",
      embeddings: "https://api.openai.com/v1/embeddings"),
    Row(
      "https://gw.example.com/x/responses#", .openaiResponse, rule: .exact,
      chat: "https://gw.example.com/x/responses", models: "https://gw.example.com/x/models",
      embeddings: "https://gw.example.com/x/embeddings"),
    // anthropic
    Row(
      "https://api.anthropic.com", .anthropic, rule: .root(version: "v1"),
      chat: "https://api.anthropic.com/v1/messages", models: "https://api.anthropic.com/v1/models",
      embeddings: nil),
    Row(
      "https://api.anthropic.com/v1", .anthropic, rule: .versionSegment("v1"),
      chat: "https://api.anthropic.com/v1/messages", models: "https://api.anthropic.com/v1/models",
      embeddings: nil),
    Row(
      "https://api.deepseek.com/anthropic", .anthropic, rule: .root(version: "v1"),
      chat: "https://api.deepseek.com/anthropic/v1/messages",
      models: "https://api.deepseek.com/anthropic/v1/models", embeddings: nil),
    Row(
      "https://proxy.example.com/claude/", .anthropic, rule: .trailingSlash,
      chat: "https://proxy.example.com/claude/messages",
      models: "https://proxy.example.com/claude/models", embeddings: nil, warns: true),
    Row(
      "https://proxy.example.com/claude/v1/messages#", .anthropic, rule: .exact,
      chat: "https://proxy.example.com/claude/v1/messages",
      models: "https://proxy.example.com/claude/v1/models", embeddings: nil),
    // gemini
    Row(
      "https://generativelanguage.googleapis.com", .gemini, rule: .root(version: "v1beta"),
      chat:
        "https://generativelanguage.googleapis.com/v1beta/models/{model}:streamGenerateContent?alt=sse",
      models: "https://generativelanguage.googleapis.com/v1beta/models",
      embeddings: "https://generativelanguage.googleapis.com/v1beta/models/{model}:embedContent"),
    Row(
      "https://generativelanguage.googleapis.com/v1beta", .gemini, rule: .versionSegment("v1beta"),
      chat:
        "https://generativelanguage.googleapis.com/v1beta/models/{model}:streamGenerateContent?alt=sse",
      models: "https://generativelanguage.googleapis.com/v1beta/models",
      embeddings: "https://generativelanguage.googleapis.com/v1beta/models/{model}:embedContent"),
    Row(
      "https://gw.example.com/google/", .gemini, rule: .trailingSlash,
      chat: "https://gw.example.com/google/models/{model}:streamGenerateContent?alt=sse",
      models: "https://gw.example.com/google/models",
      embeddings: "https://gw.example.com/google/models/{model}:embedContent", warns: true),
    Row(
      "https://gw.example.com?key=abc", .gemini, rule: .root(version: "v1beta"),
      chat: "https://gw.example.com/v1beta/models/{model}:streamGenerateContent?alt=sse&key=abc",
      models: "https://gw.example.com/v1beta/models?key=abc",
      embeddings: "https://gw.example.com/v1beta/models/{model}:embedContent?key=abc"),
    Row(
      "https://gw.example.com/v1beta/models/{model}:streamGenerateContent?alt=sse#", .gemini,
      rule: .exact,
      chat: "https://gw.example.com/v1beta/models/{model}:streamGenerateContent?alt=sse",
      models: "https://gw.example.com/v1beta/models",
      embeddings: "https://gw.example.com/v1beta/models/{model}:embedContent"),
    Row(
      "https://gw.example.com/g/models/gemini-pro:generateContent#", .gemini, rule: .exact,
      chat: "https://gw.example.com/g/models/gemini-pro:generateContent",
      models: "https://gw.example.com/g/models",
      embeddings: "https://gw.example.com/g/models/{model}:embedContent"),
    // ollama: no version, a typed /v1 or /api is not doubled
    Row(
      "http://localhost:11434", .ollama, rule: .root(version: ""),
      chat: "http://localhost:11434/api/chat", models: "http://localhost:11434/api/tags",
      embeddings: "http://localhost:11434/api/embed"),
    Row(
      "http://localhost:11434/v1", .ollama, rule: .root(version: ""),
      chat: "http://localhost:11434/api/chat", models: "http://localhost:11434/api/tags",
      embeddings: "http://localhost:11434/api/embed"),
    Row(
      "http://localhost:11434/api", .ollama, rule: .root(version: ""),
      chat: "http://localhost:11434/api/chat", models: "http://localhost:11434/api/tags",
      embeddings: "http://localhost:11434/api/embed"),
    Row(
      "http://localhost:11434/api/v1/", .ollama, rule: .trailingSlash,
      chat: "http://localhost:11434/api/chat", models: "http://localhost:11434/api/tags",
      embeddings: "http://localhost:11434/api/embed"),
    Row(
      "http://localhost:11434/", .ollama, rule: .trailingSlash,
      chat: "http://localhost:11434/api/chat", models: "http://localhost:11434/api/tags",
      embeddings: "http://localhost:11434/api/embed"),
    Row(
      "http://box:11434/api/chat#", .ollama, rule: .exact,
      chat: "http://box:11434/api/chat", models: "http://box:11434/api/tags",
      embeddings: "http://box:11434/api/embed"),
    // azure-openai
    Row(
      "https://res.openai.azure.com", .azureOpenAI, apiVersion: "2024-10-21",
      rule: .root(version: ""),
      chat:
        "https://res.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21",
      models: "https://res.openai.azure.com/openai/models?api-version=2024-10-21",
      embeddings:
        "https://res.openai.azure.com/openai/deployments/{model}/embeddings?api-version=2024-10-21"),
    Row(
      "https://res.openai.azure.com/openai", .azureOpenAI, apiVersion: "2024-10-21",
      rule: .root(version: ""),
      chat:
        "https://res.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21",
      models: "https://res.openai.azure.com/openai/models?api-version=2024-10-21",
      embeddings:
        "https://res.openai.azure.com/openai/deployments/{model}/embeddings?api-version=2024-10-21"),
    Row(
      "https://res.openai.azure.com/openai/?x=1", .azureOpenAI, apiVersion: "2024-10-21",
      rule: .trailingSlash,
      chat:
        "https://res.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21&x=1",
      models: "https://res.openai.azure.com/openai/models?api-version=2024-10-21&x=1",
      embeddings:
        "https://res.openai.azure.com/openai/deployments/{model}/embeddings?api-version=2024-10-21&x=1"
    ),
    // No api-version: Azure's v1 API, as the app (api-version=v1).
    Row(
      "https://res.openai.azure.com", .azureOpenAI, rule: .root(version: ""),
      chat: "https://res.openai.azure.com/openai/v1/chat/completions?api-version=v1",
      models: "https://res.openai.azure.com/openai/v1/models?api-version=v1",
      embeddings: "https://res.openai.azure.com/openai/v1/embeddings?api-version=v1"),
    Row(
      "https://res.openai.azure.com?api-version=2025-01-01", .azureOpenAI, rule: .root(version: ""),
      chat:
        "https://res.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2025-01-01",
      models: "https://res.openai.azure.com/openai/models?api-version=2025-01-01",
      embeddings:
        "https://res.openai.azure.com/openai/deployments/{model}/embeddings?api-version=2025-01-01"),
    Row(
      "https://res.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-10-21#",
      .azureOpenAI, rule: .exact,
      chat:
        "https://res.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-10-21",
      models: "https://res.openai.azure.com/openai/models?api-version=2024-10-21",
      embeddings:
        "https://res.openai.azure.com/openai/deployments/{model}/embeddings?api-version=2024-10-21"),
  ]

  @Test(arguments: openAIRows + catalogueRows + otherStyleRows)
  func resolves(_ row: Row) throws {
    let resolved = try EndpointResolver.resolve(
      url: row.url, style: row.style, modelsURL: nil, apiVersion: row.apiVersion, model: nil)
    #expect(resolved.entered == EndpointResolverTests.trim(row.url))
    #expect(resolved.rule == row.rule)
    #expect(resolved.chat == row.chat)
    #expect(resolved.models == row.models)
    #expect((resolved.modelsProblem != nil) == (row.models == nil))
    #expect(resolved.embeddings == row.embeddings)
    #expect(resolved.warnings.isEmpty == !row.warns, "\(resolved.warnings)")
    #expect(!resolved.ruleExplanation.isEmpty)
    #expect(try EndpointResolver.validate(row.url) == resolved.entered)
  }

  static func trim(_ text: String) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
