import CherryInteropCore
import CherryKit
import Foundation
import Testing

@testable import CherryInterop

/// `export litellm` and `import litellm`: what is written, and that reading it
/// back gives the same providers.
struct LiteLLMTests {
  /// One provider per style, with keys (references, as an export without
  /// `--with-keys` has them), models and the fields each style uses.
  static var providers: [Provider] {
    var openai = Provider(
      id: "gw", name: "Team Gateway", style: .openai, url: "https://gw.example.com/any/path/")
    openai.keys = ["env:GW_KEY_1", "env:GW_KEY_2"]
    openai.models = [
      ProviderModel(id: "gpt-4o-mini", group: "gpt-4o", kindOverrides: [.vision: false]),
      ProviderModel(id: "1.5", group: "numbers"),
    ]
    openai.headers = [HeaderEntry(name: "X-Team", value: "research")]
    openai.timeout = 30
    var responses = Provider(
      id: "openai", name: "OpenAI", style: .openaiResponse, isBuiltIn: true,
      url: "https://api.openai.com")
    responses.keys = ["env:OPENAI_API_KEY"]
    responses.models = [ProviderModel(id: "gpt-5", group: "gpt-5")]
    var anthropic = Provider(
      id: "claude-gw", name: "Claude Gateway", style: .anthropic,
      url: "https://claude.example.com")
    anthropic.keys = ["env:CLAUDE_KEY"]
    anthropic.models = [ProviderModel(id: "claude-sonnet-4-6", group: "claude")]
    var gemini = Provider(
      id: "gemini", name: "Gemini", style: .gemini, isBuiltIn: true,
      url: "https://generativelanguage.googleapis.com")
    gemini.keys = ["env:GEMINI_API_KEY"]
    gemini.models = [ProviderModel(id: "gemini-2.5-pro", group: "gemini")]
    var ollama = Provider(
      id: "ollama", name: "Ollama", style: .ollama, isBuiltIn: true, needsKey: false,
      url: "http://localhost:11434")
    ollama.models = [ProviderModel(id: "llama3.2:3b", group: "llama")]
    var azure = Provider(
      id: "azure-openai", name: "Azure OpenAI", style: .azureOpenAI, isBuiltIn: true,
      url: "https://team.openai.azure.com")
    azure.apiVersion = "2024-10-21"
    azure.keys = ["env:AZURE_KEY"]
    azure.models = [ProviderModel(id: "prod-gpt4o", group: "prod")]
    return [openai, responses, anthropic, gemini, ollama, azure]
  }

  @Test func writesOneDeploymentPerModelAndKeyWithTheVersionedBase() throws {
    let exported = try LiteLLMExport.write(Self.providers)
    let config = try YAMLText.decode(LiteLLMConfig.self, from: exported.text, source: "test")
    let gateway = config.modelList.filter { $0.modelName == "gw/gpt-4o-mini" }
    #expect(gateway.count == 2)
    #expect(gateway.map(\.litellmParams.apiKey) == ["os.environ/GW_KEY_1", "os.environ/GW_KEY_2"])
    #expect(gateway.allSatisfy { $0.litellmParams.apiBase == "https://gw.example.com/any/path" })
    #expect(gateway.first?.litellmParams.model == "openai/gpt-4o-mini")
    #expect(gateway.first?.litellmParams.extraHeaders == ["X-Team": "research"])
    #expect(gateway.first?.litellmParams.timeout == 30)

    func deployment(_ name: String) throws -> LiteLLMConfig.Parameters {
      try #require(config.modelList.first { $0.modelName == name }).litellmParams
    }
    #expect(try deployment("openai/gpt-5").model == "openai/responses/gpt-5")
    #expect(try deployment("openai/gpt-5").apiBase == "https://api.openai.com/v1")
    // LiteLLM appends /v1/messages to an Anthropic base itself.
    #expect(try deployment("claude-gw/claude-sonnet-4-6").apiBase == "https://claude.example.com")
    #expect(
      try deployment("gemini/gemini-2.5-pro").apiBase
        == "https://generativelanguage.googleapis.com/v1beta")
    #expect(try deployment("ollama/llama3.2:3b").model == "ollama_chat/llama3.2:3b")
    #expect(try deployment("ollama/llama3.2:3b").apiKey == nil)
    #expect(try deployment("azure-openai/prod-gpt4o").apiVersion == "2024-10-21")
    #expect(try deployment("azure-openai/prod-gpt4o").apiBase == "https://team.openai.azure.com")
    #expect(config.generalSettings?.masterKey == "os.environ/LITELLM_MASTER_KEY")
    #expect(
      exported.variables == [
        "GW_KEY_1", "GW_KEY_2", "OPENAI_API_KEY", "CLAUDE_KEY", "GEMINI_API_KEY", "AZURE_KEY",
        "LITELLM_MASTER_KEY",
      ])
    #expect(!exported.holdsKey)
  }

  @Test func readingTheExportGivesTheSameProvidersBack() throws {
    let exported = try LiteLLMExport.write(Self.providers)
    let config = try YAMLText.decode(LiteLLMConfig.self, from: exported.text, source: "test")
    let back = LiteLLMImport.providers(config, source: "test").providers
    let providers = Self.providers
    #expect(back.map(\.id) == providers.map(\.id))
    for (read, original) in zip(back, providers) {
      #expect(read.name == original.name)
      #expect(read.style == original.style)
      #expect(read.url == original.url)
      #expect(read.keys ?? [] == original.keys)
      #expect(read.models?.map(\.id) == original.models.map(\.id))
      #expect(read.models?.map(\.group) == original.models.map(\.group))
      #expect(read.models?.map(\.kindOverrides) == original.models.map(\.kindOverrides))
      #expect(read.apiVersion == original.apiVersion)
    }
    // Merged into a fresh session: the same endpoints as the originals.
    let plan = ImportPlanner.plan(back, into: ProviderCatalogue.freshSession()) { _ in true }
    for original in providers {
      let merged = try #require(plan.after.provider(original.id))
      #expect(
        try EndpointResolver.resolve(merged, model: "m").chat
          == EndpointResolver.resolve(original, model: "m").chat)
      #expect(!merged.enabled)
    }
  }

  /// A config written by hand: LiteLLM's meaning of each base must survive
  /// cherry's URL rules.
  @Test(arguments: [
    ("openai/m", "https://api.perplexity.ai", "https://api.perplexity.ai/chat/completions"),
    ("openai/m", "https://gw.example.com/v1", "https://gw.example.com/v1/chat/completions"),
    ("anthropic/m", "https://claude.example.com", "https://claude.example.com/v1/messages"),
    ("anthropic/m", "https://x.example.com/api/v2", "https://x.example.com/api/v2/v1/messages"),
    (
      "gemini/m", "https://g.example.com/v1beta",
      "https://g.example.com/v1beta/models/m:streamGenerateContent?alt=sse"
    ),
    ("ollama_chat/m", "http://127.0.0.1:11434", "http://127.0.0.1:11434/api/chat"),
  ])
  func foreignBasesReachWhatLiteLLMWouldCall(model: String, base: String, endpoint: String) throws {
    let config = LiteLLMConfig(
      modelList: [
        LiteLLMConfig.Deployment(
          modelName: "x",
          litellmParams: LiteLLMConfig.Parameters(
            model: model, apiBase: base, apiKey: "os.environ/K"),
          modelInfo: nil)
      ], generalSettings: nil)
    let read = try #require(LiteLLMImport.providers(config, source: "test").providers.first)
    let style = try #require(read.style)
    let provider = Provider(
      id: read.id, name: read.id, style: style, url: try #require(read.url))
    #expect(try EndpointResolver.resolve(provider, model: "m").chat == endpoint)
    #expect(read.keys == ["env:K"])
  }

  @Test func leavesOutAProviderLiteLLMCannotReachAndSaysWhy() throws {
    var versioned = Provider(
      id: "claude-v2", name: "Claude v2", style: .anthropic, url: "https://c.example.com/api/v2")
    versioned.models = [ProviderModel(id: "claude-sonnet-4-6", group: "claude")]
    let exported = try LiteLLMExport.write(Self.providers + [versioned])
    #expect(!exported.text.contains("claude-v2/"))
    #expect(exported.notes.contains { $0.contains("claude-v2") && $0.contains("/v1/messages") })
  }

  @Test func leavesOutWhatCherryCannotSpeakAndSaysSo() throws {
    let text = """
      model_list:
        - model_name: titan
          litellm_params:
            model: bedrock/amazon.titan-text-express-v1
        - model_name: fast
          litellm_params:
            model: groq/llama-3.1-8b-instant
            api_key: os.environ/GROQ_API_KEY
      """
    let config = try YAMLText.decode(LiteLLMConfig.self, from: text, source: "test")
    let source = LiteLLMImport.providers(config, source: "test")
    #expect(source.providers.map(\.id) == ["groq"])
    #expect(source.notes.contains { $0.contains("bedrock") })
  }

  @Test func aConfigWithoutModelListIsAClearError() {
    do {
      _ = try YAMLText.decode(LiteLLMConfig.self, from: "router_settings: {}\n", source: "c.yaml")
      Issue.record("a config without model_list was read")
    } catch {
      #expect(error.what.contains("c.yaml") && error.what.contains("model_list"))
    }
  }
}
