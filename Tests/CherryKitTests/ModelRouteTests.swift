import CherryKit
import Testing

/// Where each model's requests go (DESIGN §1.2): `new-api` endpoint types, Claude on
/// Azure, and everyone else.
struct ModelRouteTests {
  /// A `new-api` provider with one model per endpoint type.
  static func newAPIProvider(anthropicURL: String? = nil) -> Provider {
    var provider = Provider(
      id: "gw", name: "Gateway", style: .openai, url: "https://gw.example.com")
    provider.type = .newAPI
    provider.anthropicURL = anthropicURL
    for (id, type) in [
      ("gpt-4o", ModelEndpointType.openai), ("o3", .openaiResponse), ("claude-x", .anthropic),
      ("gemini-x", .gemini), ("flux-x", .imageGeneration),
    ] {
      provider.addModel(id: id)
      try? provider.setEndpointType(type, for: id)
    }
    provider.addModel(id: "plain")
    return provider
  }

  /// One model of the gateway and where it goes.
  struct Case: CustomTestStringConvertible, Sendable {
    let model: String
    let style: APIStyle
    let chat: String
    var testDescription: String { model }
  }

  static let newAPICases: [Case] = [
    Case(model: "gpt-4o", style: .openai, chat: "https://gw.example.com/v1/chat/completions"),
    Case(model: "o3", style: .openaiResponse, chat: "https://gw.example.com/v1/responses"),
    Case(model: "claude-x", style: .anthropic, chat: "https://gw.example.com/v1/messages"),
    Case(
      model: "gemini-x", style: .gemini,
      chat: "https://gw.example.com/v1beta/models/gemini-x:streamGenerateContent?alt=sse"),
    Case(
      model: "flux-x", style: .openai, chat: "https://gw.example.com/v1/images/generations"),
    // No endpoint type, or a model that is not added: the openai default.
    Case(model: "plain", style: .openai, chat: "https://gw.example.com/v1/chat/completions"),
    Case(model: "unknown", style: .openai, chat: "https://gw.example.com/v1/chat/completions"),
  ]

  @Test(arguments: newAPICases)
  func newAPIUsesTheModelsEndpointType(_ row: Case) throws {
    let route = try EndpointResolver.route(Self.newAPIProvider(), model: row.model)
    #expect(route.style == row.style)
    #expect(route.endpoints.chat == row.chat)
    #expect(route.endpointType != nil)
    #expect(!route.usesAnthropicURL)
  }

  @Test func anthropicModelsUseTheAnthropicURL() throws {
    let provider = Self.newAPIProvider(anthropicURL: "https://claude.gw.example.com")
    let route = try EndpointResolver.route(provider, model: "claude-x")
    #expect(route.endpoints.chat == "https://claude.gw.example.com/v1/messages")
    #expect(route.usesAnthropicURL)
    // The list and embeddings stay on the openai style's endpoints.
    let plain = try EndpointResolver.resolve(provider, model: nil)
    #expect(plain.models == "https://gw.example.com/v1/models")
    #expect(plain.embeddings == "https://gw.example.com/v1/embeddings")
  }

  @Test func endpointTypesAreForNewAPIProvidersOnly() throws {
    var provider = Provider(id: "x", name: "X", style: .openai, url: "https://x.example.com")
    provider.addModel(id: "m")
    #expect(throws: ModelEditError.endpointNeedsNewAPI(providerID: "x")) {
      try provider.setEndpointType(.anthropic, for: "m")
    }
    var gateway = Self.newAPIProvider()
    #expect(throws: ModelEditError.notAdded(id: "nope", providerID: "gw")) {
      try gateway.setEndpointType(.anthropic, for: "nope")
    }
    try gateway.setEndpointType(nil, for: "claude-x")
    #expect(try EndpointResolver.route(gateway, model: "claude-x").style == .openai)
  }

  @Test func claudeOnAzureUsesTheAnthropicEndpoint() throws {
    for url in [
      "https://res.openai.azure.com", "https://res.openai.azure.com/",
      "https://res.openai.azure.com/openai",
      "https://res.openai.azure.com/openai/v1",
    ] {
      var azure = Provider(id: "az", name: "Azure", style: .azureOpenAI, url: url)
      azure.apiVersion = "2024-10-21"
      let claude = try EndpointResolver.route(azure, model: "claude-sonnet-4-5")
      #expect(claude.style == .anthropic)
      #expect(claude.endpoints.chat == "https://res.openai.azure.com/anthropic/v1/messages")
      let gpt = try EndpointResolver.route(azure, model: "gpt-4o")
      #expect(gpt.style == .azureOpenAI)
      #expect(
        gpt.endpoints.chat
          == "https://res.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
      )
    }
  }

  @Test func otherProvidersUseTheirOwnStyle() throws {
    let deepseek = try #require(ProviderCatalogue.freshSession().provider("deepseek"))
    let route = try EndpointResolver.route(deepseek, model: "deepseek-chat")
    #expect(route.style == .openai)
    #expect(route.endpointType == nil)
    #expect(route.endpoints == (try EndpointResolver.resolve(deepseek, model: "deepseek-chat")))
  }

  @Test func newAPIAnthropicURLDefaultsToTheAPIURL() throws {
    let provider = Self.newAPIProvider()
    #expect(provider.offersAnthropicURL)
    #expect(provider.defaultAnthropicURL == "https://gw.example.com")
    #expect(
      try EndpointResolver.resolveAnthropic(provider, model: nil)?.chat
        == "https://gw.example.com/v1/messages")
  }

  @Test func listedEndpointTypesAreReadAndPreferred() {
    #expect(ModelEndpointType(listingName: " OpenAI-Response ") == .openaiResponse)
    #expect(ModelEndpointType(listingName: "jina-rerank") == nil)
    #expect(ModelEndpointType.preferred(among: [.openai, .imageGeneration]) == .imageGeneration)
    #expect(ModelEndpointType.preferred(among: [.anthropic, .openai]) == .anthropic)
    #expect(ModelEndpointType.preferred(among: []) == nil)
    #expect(ProviderType(rawValue: "new-api")?.style == .openai)
    #expect(ProviderType.allCases.map(\.rawValue).contains("new-api"))
  }
}
