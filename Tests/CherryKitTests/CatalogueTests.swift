import CherryKit
import Testing

/// The built-in provider catalogue (DESIGN §1.6; notes/cherry-studio-behaviour.md §2).
struct CatalogueTests {
  /// Every entry's chat endpoint, as Cherry Studio itself reaches it.
  ///
  /// Derived by hand from `formatApiHost` (notes §3.2) plus the SDK's operation path. `nil`
  /// where the entry has no default URL. One deliberate difference: `gateway` (the app
  /// uses Vercel's own SDK there; cherry speaks openai, whose base is `…/v1`).
  static let expectedChat: [(id: String, chat: String?)] = [
    ("cherryin", "https://open.cherryin.net/v1/chat/completions"),
    ("silicon", "https://api.siliconflow.cn/v1/chat/completions"),
    ("aihubmix", "https://aihubmix.com/v1/chat/completions"),
    ("ovms", "http://localhost:8000/v3/chat/completions"),
    ("ocoolai", "https://api.ocoolai.com/v1/chat/completions"),
    ("zhipu", "https://open.bigmodel.cn/api/paas/v4/chat/completions"),
    ("zai", "https://api.z.ai/api/paas/v4/chat/completions"),
    ("deepseek", "https://api.deepseek.com/v1/chat/completions"),
    ("alayanew", "https://deepseek.alayanew.com/v1/chat/completions"),
    ("dmxapi", "https://www.dmxapi.cn/v1/chat/completions"),
    ("aionly", "https://api.aiionly.com/v1/chat/completions"),
    ("burncloud", "https://ai.burncloud.com/v1/chat/completions"),
    ("tokenflux", "https://api.tokenflux.ai/openai/v1/chat/completions"),
    ("302ai", "https://api.302.ai/v1/chat/completions"),
    ("cephalon", "https://cephalon.cloud/user-center/v1/model/chat/completions"),
    ("lanyun", "https://maas-api.lanyun.net/v1/chat/completions"),
    ("ph8", "https://ph8.co/v1/chat/completions"),
    ("sophnet", "https://www.sophnet.com/api/open-apis/v1/chat/completions"),
    ("ppio", "https://api.ppinfra.com/v3/openai/chat/completions"),
    ("dashscope", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
    ("minimax", "https://api.minimaxi.com/v1/chat/completions"),
    ("minimax-global", "https://api.minimax.io/v1/chat/completions"),
    ("moonshot", "https://api.moonshot.cn/v1/chat/completions"),
    ("qiniu", "https://api.qnaigc.com/v1/chat/completions"),
    ("openrouter", "https://openrouter.ai/api/v1/chat/completions"),
    ("new-api", "http://localhost:3000/v1/chat/completions"),
    ("ollama", "http://localhost:11434/api/chat"),
    ("lmstudio", "http://localhost:1234/v1/chat/completions"),
    ("anthropic", "https://api.anthropic.com/v1/messages"),
    ("openai", "https://api.openai.com/v1/responses"),
    ("azure-openai", nil),
    (
      "gemini",
      "https://generativelanguage.googleapis.com/v1beta/models/test-model:streamGenerateContent?alt=sse"
    ),
    ("vertexai", nil),
    ("github", "https://models.github.ai/inference/chat/completions"),
    ("copilot", "https://api.githubcopilot.com/chat/completions"),
    ("doubao", "https://ark.cn-beijing.volces.com/api/v3/chat/completions"),
    ("baichuan", "https://api.baichuan-ai.com/v1/chat/completions"),
    ("stepfun", "https://api.stepfun.com/v1/chat/completions"),
    ("yi", "https://api.lingyiwanwu.com/v1/chat/completions"),
    ("infini", "https://cloud.infini-ai.com/maas/v1/chat/completions"),
    ("groq", "https://api.groq.com/openai/v1/chat/completions"),
    ("together", "https://api.together.xyz/v1/chat/completions"),
    ("fireworks", "https://api.fireworks.ai/inference/v1/chat/completions"),
    ("nvidia", "https://integrate.api.nvidia.com/v1/chat/completions"),
    ("grok", "https://api.x.ai/v1/chat/completions"),
    ("hyperbolic", "https://api.hyperbolic.xyz/v1/chat/completions"),
    ("mistral", "https://api.mistral.ai/v1/chat/completions"),
    ("jina", "https://api.jina.ai/v1/chat/completions"),
    ("perplexity", "https://api.perplexity.ai/chat/completions"),
    ("modelscope", "https://api-inference.modelscope.cn/v1/chat/completions"),
    ("xirang", "https://wishub-x1.ctyun.cn/v1/chat/completions"),
    ("hunyuan", "https://api.hunyuan.cloud.tencent.com/v1/chat/completions"),
    ("tencent-cloud-ti", "https://api.lkeap.cloud.tencent.com/v1/chat/completions"),
    ("baidu-cloud", "https://qianfan.baidubce.com/v2/chat/completions"),
    ("gpustack", nil),
    ("voyageai", "https://api.voyageai.com/v1/chat/completions"),
    ("aws-bedrock", nil),
    ("poe", "https://api.poe.com/v1/chat/completions"),
    ("longcat", "https://api.longcat.chat/openai/v1/chat/completions"),
    ("huggingface", "https://router.huggingface.co/v1/responses"),
    ("gateway", "https://ai-gateway.vercel.sh/v1/chat/completions"),
    ("cerebras", "https://api.cerebras.ai/v1/chat/completions"),
    ("mimo", "https://api.xiaomimimo.com/v1/chat/completions"),
  ]

  @Test("63 entries in Cherry Studio's order, unique ids")
  func entries() {
    #expect(ProviderCatalogue.entries.count == 63)
    #expect(Set(ProviderCatalogue.entries.map(\.id)).count == 63)
    #expect(ProviderCatalogue.entries.map(\.id) == Self.expectedChat.map(\.id))
    #expect(ProviderCatalogue.entries.first?.name == "CherryIN")
    #expect(ProviderCatalogue.entry("minimax-global")?.name == "MiniMax")
    #expect(ProviderCatalogue.entry("tencent-cloud-ti")?.name == "Tencent Cloud TI")
    #expect(ProviderCatalogue.entry("nope") == nil)
  }

  @Test("three unsupported entries, each with a reason and no provider")
  func unsupported() {
    let unsupported = ProviderCatalogue.unsupported
    #expect(Set(unsupported.map(\.id)) == ["vertexai", "aws-bedrock", "copilot"])
    for entry in unsupported {
      #expect(entry.unsupportedReason?.isEmpty == false)
      #expect(entry.makeProvider() == nil)
      #expect(!entry.needsKey)
    }
  }

  @Test("styles, keys and presets")
  func details() {
    let e = ProviderCatalogue.entry
    #expect(e("new-api")?.style == .openai)
    #expect(e("gateway")?.style == .openai)
    #expect(e("openai")?.style == .openaiResponse)
    #expect(e("huggingface")?.style == .openaiResponse)
    #expect(e("anthropic")?.style == .anthropic)
    #expect(e("gemini")?.style == .gemini)
    #expect(e("ollama")?.style == .ollama)
    #expect(e("azure-openai")?.style == .azureOpenAI)
    #expect(e("azure-openai")?.defaultURL == "")
    #expect(e("gpustack")?.defaultURL == "")
    #expect(e("ollama")?.needsKey == false)
    #expect(e("lmstudio")?.needsKey == false)
    #expect(
      ProviderCatalogue.supported.filter { !$0.needsKey }.map(\.id) == ["ollama", "lmstudio"])
    #expect(e("github")?.modelsURL == "https://models.github.ai/catalog/models")
    #expect(ProviderCatalogue.entries.filter { $0.modelsURL != nil }.map(\.id) == ["github"])
  }

  @Test("a fresh session: 60 built-in providers, all off, nothing selected")
  func freshSession() {
    let session = ProviderCatalogue.freshSession()
    #expect(session.providers.count == 60)
    #expect(session.selected == nil)
    #expect(
      session.providers.allSatisfy {
        !$0.enabled && $0.isBuiltIn && $0.keys.isEmpty && $0.models.isEmpty
      })
    #expect(session.providers.map(\.id) == ProviderCatalogue.supported.map(\.id))
    #expect(session.provider("github")?.modelsURL == "https://models.github.ai/catalog/models")
    #expect(session.provider("deepseek")?.url == "https://api.deepseek.com")
  }

  /// Loading a session checks no built-in URL left as it came (SessionValidation):
  /// this test is where they are checked.
  @Test func everyDefaultURLPassesTheRulesOfURL() {
    for provider in ProviderCatalogue.freshSession().providers where !provider.url.isEmpty {
      do throws(URLRuleError) {
        _ = try EndpointResolver.validate(provider.url, for: provider)
      } catch {
        Issue.record("\(provider.id): \(error)")
      }
    }
  }

  @Test("each default URL reaches the chat endpoint Cherry Studio reaches", arguments: expectedChat)
  func chatEndpoint(_ id: String, _ chat: String?) throws {
    let entry = try #require(ProviderCatalogue.entry(id))
    guard let chat else {
      #expect(entry.defaultURL.isEmpty)
      return
    }
    let style = try #require(entry.style)
    let resolved = try EndpointResolver.resolve(
      url: entry.defaultURL, style: style, modelsURL: entry.modelsURL, apiVersion: nil,
      model: "test-model", takesNoVersion: entry.takesNoVersion)
    #expect(resolved.chat == chat)
    #expect(resolved.warnings.isEmpty, "a default URL needs no warning: \(resolved.warnings)")
  }

  /// The app's `anthropicApiHost` for the providers whose settings page shows the
  /// field (notes §2), and the Messages endpoint each resolves to.
  static let anthropicDefaults: [(String, String?)] = [
    ("deepseek", "https://api.deepseek.com/anthropic/v1/messages"),
    ("moonshot", "https://api.moonshot.cn/anthropic/v1/messages"),
    ("zhipu", "https://open.bigmodel.cn/api/anthropic/v1/messages"),
    ("dashscope", "https://dashscope.aliyuncs.com/apps/anthropic/v1/messages"),
    ("modelscope", "https://api-inference.modelscope.cn/v1/messages"),
    ("aihubmix", "https://aihubmix.com/v1/messages"),
    ("longcat", "https://api.longcat.chat/anthropic/v1/messages"),
    ("minimax", "https://api.minimaxi.com/anthropic/v1/messages"),
    ("silicon", "https://api.siliconflow.cn/v1/messages"),
    ("qiniu", "https://api.qnaigc.com/v1/messages"),
    ("dmxapi", "https://www.dmxapi.cn/v1/messages"),
    ("mimo", "https://api.xiaomimimo.com/anthropic/v1/messages"),
    ("stepfun", "https://api.stepfun.com/v1/messages"),
    ("openrouter", "https://openrouter.ai/api/v1/messages"),
    ("tokenflux", "https://api.tokenflux.ai/anthropic/v1/messages"),
    ("ollama", "http://localhost:11434/v1/messages"),
    // The app shows the field for Grok with no default; New API uses its API URL.
    ("grok", nil),
    ("new-api", "http://localhost:3000/v1/messages"),
  ]

  @Test("anthropic-url defaults from the app's catalogue", arguments: anthropicDefaults)
  func anthropicDefault(_ id: String, _ messages: String?) throws {
    let provider = try #require(ProviderCatalogue.freshSession().provider(id))
    #expect(provider.offersAnthropicURL)
    #expect(provider.anthropicURL == nil, "the default is not stored")
    let resolved = try EndpointResolver.resolveAnthropic(provider, model: nil)
    #expect(resolved?.chat == messages)
  }

  @Test func onlyTheListedProvidersOfferAnAnthropicURL() {
    let offering = ProviderCatalogue.supported.filter(\.offersAnthropicURL).map(\.id)
    #expect(Set(offering) == Set(Self.anthropicDefaults.map(\.0)))
    let session = ProviderCatalogue.freshSession()
    #expect(session.provider("openai")?.effectiveAnthropicURL == nil)
    var custom = Provider(id: "mine", name: "Mine", style: .openai, url: "https://x.example")
    #expect(!custom.offersAnthropicURL)
    custom.anthropicURL = "https://x.example/claude"
    #expect(custom.offersAnthropicURL)
    #expect(custom.effectiveAnthropicURL == "https://x.example/claude")
  }

  @Test func theProvidersTheAppGivesNoVersion() {
    let marked = ProviderCatalogue.entries.filter(\.takesNoVersion).map(\.id)
    #expect(marked == ["github", "copilot", "perplexity"])
    #expect(ProviderCatalogue.entry("new-api")?.isNewAPI == true)
    #expect(ProviderCatalogue.freshSession().provider("new-api")?.type == .newAPI)
    #expect(ProviderCatalogue.freshSession().provider("deepseek")?.type == .openai)
  }
}
