/// The built-in providers, in Cherry Studio's order (notes/cherry-studio-behaviour.md §2).
///
/// Each default URL is stored in the form that, under cherry's URL rules (DESIGN §1.2),
/// resolves to the chat endpoint Cherry Studio itself reaches (notes §3.2–3.3):
/// a root gets `/v1`, a path with a version segment anywhere (`cephalon`'s
/// `/v1/model`, `ppio`'s `/v3/openai`) gets none, and the providers the app never
/// gives a version (`perplexity`, `github`, `copilot`) are marked
/// ``CatalogueEntry/takesNoVersion``. The `anthropic-url` defaults are the app's
/// `anthropicApiHost`, for the providers whose settings page shows that field.
/// `gateway` deliberately differs from the app: the app talks to
/// Vercel through its own SDK (`/v1/ai/language-model`), while cherry speaks the
/// openai style, whose documented base is `https://ai-gateway.vercel.sh/v1`.
public enum ProviderCatalogue {
  /// All 63 entries, supported or not, in catalogue order.
  public static let entries: [CatalogueEntry] = [
    CatalogueEntry(
      id: "cherryin", name: "CherryIN", style: .openai, appType: "openai",
      defaultURL: "https://open.cherryin.net"),
    CatalogueEntry(
      id: "silicon", name: "SiliconFlow", style: .openai, appType: "openai",
      defaultURL: "https://api.siliconflow.cn",
      anthropicURL: "https://api.siliconflow.cn"),
    CatalogueEntry(
      id: "aihubmix", name: "AiHubMix", style: .openai, appType: "openai",
      defaultURL: "https://aihubmix.com",
      anthropicURL: "https://aihubmix.com"),
    CatalogueEntry(
      id: "ovms", name: "Intel OVMS", style: .openai, appType: "openai",
      defaultURL: "http://localhost:8000/v3/"),
    CatalogueEntry(
      id: "ocoolai", name: "ocoolAI", style: .openai, appType: "openai",
      defaultURL: "https://api.ocoolai.com"),
    CatalogueEntry(
      id: "zhipu", name: "BigModel", style: .openai, appType: "openai",
      defaultURL: "https://open.bigmodel.cn/api/paas/v4/",
      anthropicURL: "https://open.bigmodel.cn/api/anthropic"),
    CatalogueEntry(
      id: "zai", name: "Z.ai", style: .openai, appType: "openai",
      defaultURL: "https://api.z.ai/api/paas/v4/"),
    CatalogueEntry(
      id: "deepseek", name: "DeepSeek", style: .openai, appType: "openai",
      defaultURL: "https://api.deepseek.com",
      anthropicURL: "https://api.deepseek.com/anthropic"),
    CatalogueEntry(
      id: "alayanew", name: "Alaya NeW", style: .openai, appType: "openai",
      defaultURL: "https://deepseek.alayanew.com"),
    CatalogueEntry(
      id: "dmxapi", name: "DMXAPI", style: .openai, appType: "openai",
      defaultURL: "https://www.dmxapi.cn",
      anthropicURL: "https://www.dmxapi.cn"),
    CatalogueEntry(
      id: "aionly", name: "AiOnly", style: .openai, appType: "openai",
      defaultURL: "https://api.aiionly.com"),
    CatalogueEntry(
      id: "burncloud", name: "BurnCloud", style: .openai, appType: "openai",
      defaultURL: "https://ai.burncloud.com"),
    CatalogueEntry(
      id: "tokenflux", name: "TokenFlux", style: .openai, appType: "openai",
      defaultURL: "https://api.tokenflux.ai/openai/v1",
      anthropicURL: "https://api.tokenflux.ai/anthropic"),
    CatalogueEntry(
      id: "302ai", name: "302.AI", style: .openai, appType: "openai",
      defaultURL: "https://api.302.ai"),
    CatalogueEntry(
      id: "cephalon", name: "Cephalon", style: .openai, appType: "openai",
      defaultURL: "https://cephalon.cloud/user-center/v1/model"),
    CatalogueEntry(
      id: "lanyun", name: "LANYUN", style: .openai, appType: "openai",
      defaultURL: "https://maas-api.lanyun.net"),
    CatalogueEntry(
      id: "ph8", name: "PH8", style: .openai, appType: "openai",
      defaultURL: "https://ph8.co"),
    CatalogueEntry(
      id: "sophnet", name: "SophNet", style: .openai, appType: "openai",
      defaultURL: "https://www.sophnet.com/api/open-apis/v1"),
    CatalogueEntry(
      id: "ppio", name: "PPIO", style: .openai, appType: "openai",
      defaultURL: "https://api.ppinfra.com/v3/openai/"),
    CatalogueEntry(
      id: "dashscope", name: "Alibaba Cloud", style: .openai, appType: "openai",
      defaultURL: "https://dashscope.aliyuncs.com/compatible-mode/v1/",
      anthropicURL: "https://dashscope.aliyuncs.com/apps/anthropic"),
    CatalogueEntry(
      id: "minimax", name: "MiniMax CN", style: .openai, appType: "openai",
      defaultURL: "https://api.minimaxi.com/v1/",
      anthropicURL: "https://api.minimaxi.com/anthropic"),
    CatalogueEntry(
      id: "minimax-global", name: "MiniMax", style: .openai, appType: "openai",
      defaultURL: "https://api.minimax.io/v1/"),
    CatalogueEntry(
      id: "moonshot", name: "Moonshot", style: .openai, appType: "openai",
      defaultURL: "https://api.moonshot.cn",
      anthropicURL: "https://api.moonshot.cn/anthropic"),
    CatalogueEntry(
      id: "qiniu", name: "Qiniu AI", style: .openai, appType: "openai",
      defaultURL: "https://api.qnaigc.com",
      anthropicURL: "https://api.qnaigc.com"),
    CatalogueEntry(
      id: "openrouter", name: "OpenRouter", style: .openai, appType: "openai",
      defaultURL: "https://openrouter.ai/api/v1/",
      anthropicURL: "https://openrouter.ai/api"),
    CatalogueEntry(
      id: "new-api", name: "New API", style: .openai, appType: "new-api",
      defaultURL: "http://localhost:3000",
      offersAnthropicURL: true),
    CatalogueEntry(
      id: "ollama", name: "Ollama", style: .ollama, appType: "ollama",
      defaultURL: "http://localhost:11434",
      needsKey: false,
      anthropicURL: "http://localhost:11434"),
    CatalogueEntry(
      id: "lmstudio", name: "LM Studio", style: .openai, appType: "openai",
      defaultURL: "http://localhost:1234",
      needsKey: false),
    CatalogueEntry(
      id: "anthropic", name: "Anthropic", style: .anthropic, appType: "anthropic",
      defaultURL: "https://api.anthropic.com"),
    CatalogueEntry(
      id: "openai", name: "OpenAI", style: .openaiResponse, appType: "openai-response",
      defaultURL: "https://api.openai.com"),
    CatalogueEntry(
      id: "azure-openai", name: "Azure OpenAI", style: .azureOpenAI, appType: "azure-openai",
      defaultURL: ""),
    CatalogueEntry(
      id: "gemini", name: "Gemini", style: .gemini, appType: "gemini",
      defaultURL: "https://generativelanguage.googleapis.com"),
    CatalogueEntry(
      id: "vertexai", name: "Vertex AI", style: nil, appType: "vertexai",
      defaultURL: "",
      needsKey: false,
      unsupportedReason: "needs Google Cloud service-account credentials (OAuth)"),
    CatalogueEntry(
      id: "github", name: "GitHub Models", style: .openai, appType: "openai",
      defaultURL: "https://models.github.ai/inference",
      modelsURL: "https://models.github.ai/catalog/models",
      takesNoVersion: true),
    CatalogueEntry(
      id: "copilot", name: "GitHub Copilot", style: .openai, appType: "openai",
      defaultURL: "https://api.githubcopilot.com/",
      needsKey: false,
      unsupportedReason: "needs a GitHub OAuth login and token exchange",
      takesNoVersion: true),
    CatalogueEntry(
      id: "doubao", name: "Volcengine", style: .openai, appType: "openai",
      defaultURL: "https://ark.cn-beijing.volces.com/api/v3/"),
    CatalogueEntry(
      id: "baichuan", name: "Baichuan", style: .openai, appType: "openai",
      defaultURL: "https://api.baichuan-ai.com"),
    CatalogueEntry(
      id: "stepfun", name: "StepFun", style: .openai, appType: "openai",
      defaultURL: "https://api.stepfun.com",
      anthropicURL: "https://api.stepfun.com"),
    CatalogueEntry(
      id: "yi", name: "Yi", style: .openai, appType: "openai",
      defaultURL: "https://api.lingyiwanwu.com"),
    CatalogueEntry(
      id: "infini", name: "Infini", style: .openai, appType: "openai",
      defaultURL: "https://cloud.infini-ai.com/maas"),
    CatalogueEntry(
      id: "groq", name: "Groq", style: .openai, appType: "openai",
      defaultURL: "https://api.groq.com/openai"),
    CatalogueEntry(
      id: "together", name: "Together", style: .openai, appType: "openai",
      defaultURL: "https://api.together.xyz"),
    CatalogueEntry(
      id: "fireworks", name: "Fireworks", style: .openai, appType: "openai",
      defaultURL: "https://api.fireworks.ai/inference"),
    CatalogueEntry(
      id: "nvidia", name: "Nvidia", style: .openai, appType: "openai",
      defaultURL: "https://integrate.api.nvidia.com"),
    CatalogueEntry(
      id: "grok", name: "Grok", style: .openai, appType: "openai",
      defaultURL: "https://api.x.ai",
      offersAnthropicURL: true),
    CatalogueEntry(
      id: "hyperbolic", name: "Hyperbolic", style: .openai, appType: "openai",
      defaultURL: "https://api.hyperbolic.xyz"),
    CatalogueEntry(
      id: "mistral", name: "Mistral", style: .openai, appType: "openai",
      defaultURL: "https://api.mistral.ai"),
    CatalogueEntry(
      id: "jina", name: "Jina", style: .openai, appType: "openai",
      defaultURL: "https://api.jina.ai"),
    CatalogueEntry(
      id: "perplexity", name: "Perplexity", style: .openai, appType: "openai",
      defaultURL: "https://api.perplexity.ai/",
      takesNoVersion: true),
    CatalogueEntry(
      id: "modelscope", name: "ModelScope", style: .openai, appType: "openai",
      defaultURL: "https://api-inference.modelscope.cn/v1/",
      anthropicURL: "https://api-inference.modelscope.cn"),
    CatalogueEntry(
      id: "xirang", name: "State Cloud Xirang", style: .openai, appType: "openai",
      defaultURL: "https://wishub-x1.ctyun.cn"),
    CatalogueEntry(
      id: "hunyuan", name: "Tencent Hunyuan", style: .openai, appType: "openai",
      defaultURL: "https://api.hunyuan.cloud.tencent.com"),
    CatalogueEntry(
      id: "tencent-cloud-ti", name: "Tencent Cloud TI", style: .openai, appType: "openai",
      defaultURL: "https://api.lkeap.cloud.tencent.com"),
    CatalogueEntry(
      id: "baidu-cloud", name: "Baidu Cloud", style: .openai, appType: "openai",
      defaultURL: "https://qianfan.baidubce.com/v2/"),
    CatalogueEntry(
      id: "gpustack", name: "GPUStack", style: .openai, appType: "openai",
      defaultURL: ""),
    CatalogueEntry(
      id: "voyageai", name: "Voyage AI", style: .openai, appType: "openai",
      defaultURL: "https://api.voyageai.com"),
    CatalogueEntry(
      id: "aws-bedrock", name: "AWS Bedrock", style: nil, appType: "aws-bedrock",
      defaultURL: "",
      needsKey: false,
      unsupportedReason: "needs AWS credentials and SigV4 request signing"),
    CatalogueEntry(
      id: "poe", name: "Poe", style: .openai, appType: "openai",
      defaultURL: "https://api.poe.com/v1/"),
    CatalogueEntry(
      id: "longcat", name: "LongCat AI", style: .openai, appType: "openai",
      defaultURL: "https://api.longcat.chat/openai",
      anthropicURL: "https://api.longcat.chat/anthropic"),
    CatalogueEntry(
      id: "huggingface", name: "Hugging Face", style: .openaiResponse, appType: "openai-response",
      defaultURL: "https://router.huggingface.co/v1/"),
    CatalogueEntry(
      id: "gateway", name: "Vercel AI Gateway", style: .openai, appType: "gateway",
      defaultURL: "https://ai-gateway.vercel.sh/v1"),
    CatalogueEntry(
      id: "cerebras", name: "Cerebras AI", style: .openai, appType: "openai",
      defaultURL: "https://api.cerebras.ai/v1"),
    CatalogueEntry(
      id: "mimo", name: "Xiaomi MiMo", style: .openai, appType: "openai",
      defaultURL: "https://api.xiaomimimo.com",
      anthropicURL: "https://api.xiaomimimo.com/anthropic"),
  ]

  /// The entry with this id, or `nil`.
  ///
  /// - Parameter id: A provider id.
  /// - Returns: The entry, or `nil` when the id is not built in.
  public static func entry(_ id: String) -> CatalogueEntry? {
    entries.first { $0.id == id }
  }

  /// The entries cherry can set up, in catalogue order.
  public static var supported: [CatalogueEntry] { entries.filter(\.isSupported) }

  /// The entries cherry cannot set up (`vertexai`, `copilot`, `aws-bedrock`).
  public static var unsupported: [CatalogueEntry] { entries.filter { !$0.isSupported } }

  /// A new session: every supported built-in provider, in catalogue order, all off,
  /// with no keys, no models, and nothing selected.
  ///
  /// - Returns: The fresh session.
  public static func freshSession() -> Session {
    Session(providers: entries.compactMap { $0.makeProvider() }, selected: nil)
  }
}
