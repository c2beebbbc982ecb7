/// Where the requests for one model go (DESIGN §1.2): the style to speak and its
/// endpoints.
///
/// Most providers speak their own style for every model. Two do not: a `new-api`
/// provider calls each model through its endpoint type (``ModelEndpointType``), and
/// Azure OpenAI serves Claude models through its Anthropic endpoint
/// (`/anthropic/v1/messages`, as the app's `azure-anthropic` rule).
public struct ModelRoute: Equatable, Sendable {
  /// The style of the requests: headers, body and answer shapes (Azure's v1 API
  /// with api-version `v1` or `preview` keeps ``APIStyle/azureOpenAI`` here and says
  /// ``ResolvedEndpoints/chatFormat`` ``APIStyle/openaiResponse``).
  public var style: APIStyle
  /// The model's endpoint type on a `new-api` provider (``ModelEndpointType/openai``
  /// when it has none), `nil` on other providers.
  public var endpointType: ModelEndpointType?
  /// The endpoints, with the model filled in.
  ///
  /// For ``ModelEndpointType/imageGeneration`` the chat endpoint is the image
  /// endpoint (`…/v1/images/generations`), which takes no chat request.
  public var endpoints: ResolvedEndpoints
  /// Whether the endpoints come from the provider's Anthropic-compatible URL rather
  /// than its API URL.
  public var usesAnthropicURL: Bool

  /// Creates a route.
  ///
  /// - Parameters:
  ///   - style: The style of the requests.
  ///   - endpointType: The `new-api` endpoint type, or `nil`.
  ///   - endpoints: The endpoints.
  ///   - usesAnthropicURL: Whether they come from the Anthropic-compatible URL.
  public init(
    style: APIStyle, endpointType: ModelEndpointType?, endpoints: ResolvedEndpoints,
    usesAnthropicURL: Bool
  ) {
    self.style = style
    self.endpointType = endpointType
    self.endpoints = endpoints
    self.usesAnthropicURL = usesAnthropicURL
  }
}

extension EndpointResolver {
  /// Where one model's requests go (DESIGN §1.2, the `new-api` row; Azure's
  /// Claude models).
  ///
  /// - A `new-api` provider: the model's endpoint type (``ProviderModel/endpointType``,
  ///   `openai` when it has none, or when the model is not added) picks the style;
  ///   `anthropic` resolves ``Provider/effectiveAnthropicURL`` (the API URL when none
  ///   is set), the others the API URL; `image-generation` gives the OpenAI image
  ///   endpoint.
  /// - Azure OpenAI and a model whose id starts with `claude`: the Anthropic style at
  ///   the resource's `/anthropic/v1/messages`.
  /// - Any other case: the provider's style and ``resolve(_:model:)``.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  /// - Returns: The route.
  /// - Throws: ``URLRuleError`` when the URL used is refused.
  public static func route(_ provider: Provider, model: String) throws(URLRuleError)
    -> ModelRoute
  {
    if provider.isNewAPI {
      let type = provider.model(model)?.endpointType ?? .openai
      switch type {
      case .anthropic:
        let url = provider.effectiveAnthropicURL ?? provider.url
        let endpoints = try resolve(
          url: url, style: .anthropic, modelsURL: nil, apiVersion: nil, model: model)
        return ModelRoute(
          style: .anthropic, endpointType: type, endpoints: endpoints,
          usesAnthropicURL: url != provider.url)
      case .imageGeneration:
        var endpoints = try resolveWithStyle(provider, .openai, model: model)
        endpoints.chat = imageEndpoint(replacingChatIn: endpoints.chat)
        return ModelRoute(
          style: .openai, endpointType: type, endpoints: endpoints, usesAnthropicURL: false)
      case .openai, .openaiResponse, .gemini:
        return ModelRoute(
          style: type.style, endpointType: type,
          endpoints: try resolveWithStyle(provider, type.style, model: model),
          usesAnthropicURL: false)
      }
    }
    if provider.style == .azureOpenAI, model.lowercased().hasPrefix("claude") {
      return ModelRoute(
        style: .anthropic, endpointType: nil,
        endpoints: try azureAnthropic(provider, model: model), usesAnthropicURL: false)
    }
    return ModelRoute(
      style: provider.style, endpointType: nil,
      endpoints: try resolve(provider, model: model), usesAnthropicURL: false)
  }

  /// The provider's URL resolved with another style, keeping its `models-url`.
  private static func resolveWithStyle(_ provider: Provider, _ style: APIStyle, model: String)
    throws(URLRuleError) -> ResolvedEndpoints
  {
    try resolve(
      url: provider.url, style: style, modelsURL: provider.modelsURL, apiVersion: nil,
      model: model, takesNoVersion: provider.takesNoVersion)
  }

  /// `…/chat/completions` becomes `…/images/generations`; an exact URL without that
  /// ending is kept (the user chose it).
  private static func imageEndpoint(replacingChatIn chat: String) -> String {
    let query = chat.firstIndex(of: "?")
    let path = query.map { chat[..<$0] } ?? chat[...]
    let rest = query.map { chat[$0...] } ?? ""
    guard let base = URLPath.droppingSuffix("chat/completions", from: path) else { return chat }
    return base + "/images/generations" + rest
  }

  /// Claude on Azure: the resource root (the URL without a final `/v1`, `/openai`)
  /// and `/anthropic/v1/messages`, with the Anthropic style's model list.
  private static func azureAnthropic(_ provider: Provider, model: String) throws(URLRuleError)
    -> ResolvedEndpoints
  {
    let entered = try validate(provider.url, style: .azureOpenAI)
    let parts = try URLParts(entered[...])
    guard !parts.exact else {
      return try resolve(
        url: entered, style: .anthropic, modelsURL: nil, apiVersion: nil, model: model)
    }
    var path = URLPath.trimmingSlashes(parts.path)
    for segment in StylePaths(.azureOpenAI).droppedSegments {
      path = URLPath.droppingSegment(segment, from: path) ?? path
    }
    let root = String(parts.origin + path) + "/anthropic/v1" + (parts.query.map { "?" + $0 } ?? "")
    var endpoints = try resolve(
      url: root, style: .anthropic, modelsURL: nil, apiVersion: nil, model: model)
    endpoints.entered = entered
    endpoints.ruleExplanation =
      "a Claude model on Azure OpenAI: the resource's Anthropic endpoint "
      + "(/anthropic/v1/messages), as Cherry Studio's azure-anthropic rule"
    return endpoints
  }
}
