import CherryKit
import Testing

/// Cherry Studio's own URL vectors, carried over as data: `formatApiHost`,
/// `hasAPIVersion`, `formatOllamaApiHost`, `formatAzureOpenAIApiHost` and
/// `formatProviderApiHost` (src/renderer/src/utils/__tests__/api.test.ts,
/// packages/shared/utils/api/__tests__/api.test.ts,
/// src/renderer/src/aiCore/provider/__tests__/providerConfig.test.ts).
///
/// The app gives a formatted base; the rows give the chat endpoint cherry builds on
/// it (base + the style's operation). Vectors where DESIGN deliberately differs are
/// left out, each with the reason:
/// - a trailing `/` (`http://localhost:5173/` → the app `…/v1`): the seed says a URL
///   ending in `/` gets no version (DESIGN §1.2);
/// - a trailing `#` (`https://api.example.com#` → the app `…/chat/completions` after
///   it): the seed says `#` uses the URL exactly;
/// - `formatApiHost(host, true, 'v2')`: no style takes a version other than its own;
/// - Ollama's `//`, `///v1///` and `/V1/`: cherry trims every final `/` before the
///   rules, and drops `/v1` whatever its case (the app keeps `/V1/api`, which no
///   Ollama server serves);
/// - an empty host (`''`, `'/'`): cherry refuses an empty URL.
struct EndpointResolverAppTests {
  /// One URL, the style, whether the provider takes no version, and the chat endpoint.
  struct Row: CustomTestStringConvertible, Sendable {
    let url: String
    let style: APIStyle
    var noVersion = false
    var apiVersion: String? = nil
    let chat: String
    var testDescription: String { "\(style.rawValue) \(url)" }
  }

  // MARK: - formatApiHost, hasAPIVersion

  static let formatApiHost: [Row] = [
    Row(
      url: "https://api.example.com", style: .openai,
      chat: "https://api.example.com/v1/chat/completions"),
    Row(
      url: " https://api.openai.com ", style: .openai,
      chat: "https://api.openai.com/v1/chat/completions"),
    Row(
      url: "https://api.volces.com/api/v3", style: .openai,
      chat: "https://api.volces.com/api/v3/chat/completions"),
    Row(
      url: "http://localhost:5173/v2beta", style: .openai,
      chat: "http://localhost:5173/v2beta/chat/completions"),
    // supportApiVersion = false
    Row(
      url: "https://api.example.com", style: .openai, noVersion: true,
      chat: "https://api.example.com/chat/completions"),
    // hasAPIVersion: a version segment anywhere in the path, any case.
    Row(
      url: "https://api.example.com/v1", style: .openai,
      chat: "https://api.example.com/v1/chat/completions"),
    Row(
      url: "http://localhost:3000/v2beta", style: .openai,
      chat: "http://localhost:3000/v2beta/chat/completions"),
    Row(
      url: "https://h.example.com/v3alpha/resources", style: .openai,
      chat: "https://h.example.com/v3alpha/resources/chat/completions"),
    Row(
      url: "https://api.example.com/a1v", style: .openai,
      chat: "https://api.example.com/a1v/v1/chat/completions"),
    Row(
      url: "https://h.example.com/av1/users", style: .openai,
      chat: "https://h.example.com/av1/users/v1/chat/completions"),
    Row(
      url: "https://api.example.com/vendor", style: .openai,
      chat: "https://api.example.com/vendor/v1/chat/completions"),
    // The issue's two: Google's OpenAI-compatible endpoint and PPIO.
    Row(
      url: "https://generativelanguage.googleapis.com/v1beta/openai", style: .openai,
      chat: "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions"),
    Row(
      url: "https://api.ppinfra.com/v3/openai", style: .openai,
      chat: "https://api.ppinfra.com/v3/openai/chat/completions"),
    Row(
      url: "https://gateway.ai.cloudflare.com/v1/xxx/google-ai-studio", style: .openai,
      chat: "https://gateway.ai.cloudflare.com/v1/xxx/google-ai-studio/chat/completions"),
  ]

  // MARK: - formatProviderApiHost

  static let providerApiHost: [Row] = [
    // Copilot, GitHub, CherryAI, Perplexity: never a version.
    Row(
      url: "https://api.githubcopilot.com", style: .openai, noVersion: true,
      chat: "https://api.githubcopilot.com/chat/completions"),
    Row(
      url: "https://models.inference.ai.azure.com", style: .openai, noVersion: true,
      chat: "https://models.inference.ai.azure.com/chat/completions"),
    Row(
      url: "https://api.cherryai.com", style: .openai, noVersion: true,
      chat: "https://api.cherryai.com/chat/completions"),
    Row(
      url: "https://api.perplexity.ai", style: .openai, noVersion: true,
      chat: "https://api.perplexity.ai/chat/completions"),
    // New API and any other OpenAI-compatible provider: /v1, never doubled.
    Row(
      url: "https://api.newapi.com/v1", style: .openai,
      chat: "https://api.newapi.com/v1/chat/completions"),
    Row(
      url: "https://custom-api.example.com", style: .openai,
      chat: "https://custom-api.example.com/v1/chat/completions"),
    Row(
      url: "https://custom-api.example.com/v1", style: .openai,
      chat: "https://custom-api.example.com/v1/chat/completions"),
    // Anthropic
    Row(
      url: "https://api.anthropic.com", style: .anthropic,
      chat: "https://api.anthropic.com/v1/messages"),
    Row(
      url: "https://custom-anthropic.example.com", style: .anthropic,
      chat: "https://custom-anthropic.example.com/v1/messages"),
    // Gemini: v1beta, not doubled.
    Row(
      url: "https://generativelanguage.googleapis.com", style: .gemini,
      chat:
        "https://generativelanguage.googleapis.com/v1beta/models/{model}:streamGenerateContent?alt=sse"
    ),
    Row(
      url: "https://generativelanguage.googleapis.com/v1beta", style: .gemini,
      chat:
        "https://generativelanguage.googleapis.com/v1beta/models/{model}:streamGenerateContent?alt=sse"
    ),
    // Ollama
    Row(url: "http://localhost:11434/v1", style: .ollama, chat: "http://localhost:11434/api/chat"),
    Row(url: "http://localhost:11434/api", style: .ollama, chat: "http://localhost:11434/api/chat"),
    Row(url: "http://localhost:11434", style: .ollama, chat: "http://localhost:11434/api/chat"),
  ]

  // MARK: - formatOllamaApiHost

  static let ollama: [Row] = [
    ("https://api.ollama.com/", "https://api.ollama.com/api/chat"),
    ("http://localhost:11434/", "http://localhost:11434/api/chat"),
    ("https://api.ollama.com", "https://api.ollama.com/api/chat"),
    ("https://api.ollama.com/v1", "https://api.ollama.com/api/chat"),
    ("http://localhost:11434/v1/", "http://localhost:11434/api/chat"),
    ("https://api.ollama.com/api", "https://api.ollama.com/api/chat"),
    ("http://localhost:11434/api/", "http://localhost:11434/api/chat"),
    ("https://api.ollama.com/chat", "https://api.ollama.com/api/chat"),
    ("http://localhost:11434/chat/", "http://localhost:11434/api/chat"),
    // The suffixes are dropped in the app's order, /v1, /api, /chat, once each.
    ("https://api.ollama.com/v1/chat", "https://api.ollama.com/v1/api/chat"),
    ("https://api.ollama.com/chat/v1", "https://api.ollama.com/api/chat"),
    ("https://api.ollama.com/custom/path", "https://api.ollama.com/custom/path/api/chat"),
    ("https://api.ollama.com/custom/path/", "https://api.ollama.com/custom/path/api/chat"),
    ("https://api.ollama.com/custom/path/v1", "https://api.ollama.com/custom/path/api/chat"),
    ("http://localhost:3000", "http://localhost:3000/api/chat"),
    ("http://127.0.0.1:11434/", "http://127.0.0.1:11434/api/chat"),
    ("https://localhost:8080/v1", "https://localhost:8080/api/chat"),
    ("http://192.168.1.100:11434", "http://192.168.1.100:11434/api/chat"),
    ("https://10.0.0.1:8080/v1/", "https://10.0.0.1:8080/api/chat"),
    ("HTTPS://API.OLLAMA.COM", "HTTPS://API.OLLAMA.COM/api/chat"),
  ].map { Row(url: $0.0, style: .ollama, chat: $0.1) }

  // MARK: - formatAzureOpenAIApiHost and the Azure builder

  static let azure: [Row] = [
    // formatAzureOpenAIApiHost: a final / , /v1 and /openai are not doubled.
    Row(
      url: "https://example.openai.azure.com/", style: .azureOpenAI, apiVersion: "2024-10-21",
      chat:
        "https://example.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21"
    ),
    Row(
      url: "https://example.openai.azure.com/openai/", style: .azureOpenAI,
      apiVersion: "2024-10-21",
      chat:
        "https://example.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-10-21"
    ),
    // A dated api-version: deployment-based URLs.
    Row(
      url: "https://example.openai.azure.com/openai", style: .azureOpenAI,
      apiVersion: "2024-02-15-preview",
      chat:
        "https://example.openai.azure.com/openai/deployments/{model}/chat/completions?api-version=2024-02-15-preview"
    ),
    // v1 and preview: the v1 Responses API.
    Row(
      url: "https://example.openai.azure.com/openai", style: .azureOpenAI, apiVersion: "v1",
      chat: "https://example.openai.azure.com/openai/v1/responses?api-version=v1"),
    Row(
      url: "https://example.openai.azure.com/openai", style: .azureOpenAI,
      apiVersion: "preview",
      chat: "https://example.openai.azure.com/openai/v1/responses?api-version=preview"),
    Row(
      url: "https://res.openai.azure.com/openai/v1", style: .azureOpenAI, apiVersion: " v1 ",
      chat: "https://res.openai.azure.com/openai/v1/responses?api-version=v1"),
    // None: the v1 API's chat completions with api-version=v1.
    Row(
      url: "https://res.openai.azure.com", style: .azureOpenAI,
      chat: "https://res.openai.azure.com/openai/v1/chat/completions?api-version=v1"),
  ]

  @Test(arguments: formatApiHost + providerApiHost + ollama + azure)
  func buildsTheAppsEndpoint(_ row: Row) throws {
    let resolved = try EndpointResolver.resolve(
      url: row.url, style: row.style, modelsURL: nil, apiVersion: row.apiVersion, model: nil,
      takesNoVersion: row.noVersion)
    #expect(resolved.chat == row.chat)
    if row.noVersion { #expect(resolved.rule == .noVersion) }
  }

  @Test func azureV1AndPreviewSpeakTheResponsesAPI() throws {
    func format(_ version: String?) throws -> APIStyle {
      try EndpointResolver.resolve(
        url: "https://r.openai.azure.com", style: .azureOpenAI, modelsURL: nil,
        apiVersion: version, model: nil
      ).chatFormat
    }
    #expect(try format("v1") == .openaiResponse)
    #expect(try format("preview") == .openaiResponse)
    #expect(try format(nil) == .azureOpenAI)
    #expect(try format("2024-10-21") == .azureOpenAI)
    let ownQuery = try EndpointResolver.resolve(
      url: "https://r.openai.azure.com?api-version=preview", style: .azureOpenAI, modelsURL: nil,
      apiVersion: nil, model: nil)
    #expect(ownQuery.chat == "https://r.openai.azure.com/openai/v1/responses?api-version=preview")
    #expect(ownQuery.models == "https://r.openai.azure.com/openai/v1/models?api-version=preview")
  }

  // MARK: - Providers that never take a version

  @Test func noVersionProvidersNeverGetOneAndNeverWarn() throws {
    let session = ProviderCatalogue.freshSession()
    for id in ["perplexity", "github"] {
      var provider = try #require(session.provider(id))
      let host = provider.url.hasSuffix("/") ? String(provider.url.dropLast()) : provider.url
      for url in [host, host + "/"] {
        provider.url = url
        #expect(try EndpointResolver.validate(url, for: provider) == url)
        let resolved = try EndpointResolver.resolve(provider, model: nil)
        #expect(resolved.chat == host + "/chat/completions")
        #expect(resolved.rule == .noVersion)
        #expect(resolved.warnings.isEmpty, "\(resolved.warnings)")
        let explained = EndpointResolver.explain(provider).joined(separator: "\n")
        #expect(explained.contains("never adds one"))
        #expect(!explained.contains("without the final"))
      }
    }
    // A pasted endpoint's root fix needs no "/" for them.
    let perplexity = try #require(session.provider("perplexity"))
    #expect(
      throws: URLRuleError.pastedEndpoint(
        entered: "https://api.perplexity.ai/chat/completions", suffix: "/chat/completions",
        rootFix: "https://api.perplexity.ai",
        exactFix: "https://api.perplexity.ai/chat/completions#")
    ) {
      try EndpointResolver.validate("https://api.perplexity.ai/chat/completions", for: perplexity)
    }
  }
}
