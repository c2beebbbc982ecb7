public import CherryKit

/// Talks to providers over HTTP for every API style (DESIGN §1.3–1.4): model lists,
/// the connection test, the health check and `ask`.
///
/// It never changes a session: the shell advances the key rotation
/// (`Provider.advanceRotation()`) and passes the key index. Call ``shutdown()`` before
/// dropping the client: it owns AsyncHTTPClient clients, which must be shut down.
public final class ProviderClient: Sendable {
  /// The environment, hooks and limits this client was made with.
  public let configuration: ClientConfiguration
  /// The HTTP clients, per proxy, CA and timeouts.
  let cache: HTTPClientCache
  /// Sends requests and explains failures.
  let transport: Transport

  /// Creates a client; no connection is opened until the first request.
  ///
  /// - Parameter configuration: The environment, trace hook, limits and test hooks.
  public init(configuration: ClientConfiguration) {
    self.configuration = configuration
    cache = HTTPClientCache(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    transport = Transport(cache: cache, configuration: configuration)
  }

  /// Closes every connection; the client must not be used afterwards.
  public func shutdown() async {
    await cache.shutdownAll()
  }

  /// Fetches a provider's whole model list (`manage`): every page with the same key,
  /// deduplicated by id, in the provider's order, in the provider's own style (a
  /// `new-api` provider lists in the `openai` style, with each model's endpoint types).
  ///
  /// As Cherry Studio's listing does (issue 9), OpenRouter's embedding models and PPIO's
  /// embedding and reranker models are merged in from their own lists
  /// (``ExtraModelLists``), and an Ollama provider is asked what each model can do
  /// (``OllamaCapabilityProbe``), which fills ``ListedModel/providerKinds``. Those
  /// requests use the same key; when one fails, the list is kept without what it
  /// would have added, and `onNote` says so.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - keyIndex: The 0-based key index the rotation chose, or `nil` (the first key, or
  ///     none for a key-less provider).
  ///   - onNote: Called with a note for the user (on stderr) when an extra list or a
  ///     capability probe failed; `nil` to drop them.
  /// - Returns: The listed models.
  /// - Throws: ``ProviderError`` explaining the failure of the main list (or `cancelled`).
  public func listModels(
    _ provider: Provider, keyIndex: Int?, onNote: (@Sendable (String) -> Void)? = nil
  ) async throws(ProviderError) -> [ListedModel] {
    let key = RequestBuilder.keyChoice(provider, keyIndex: keyIndex)
    let timeouts = interactiveTimeouts(provider)
    var models = try await fetchModelList(
      provider, key: key, timeouts: timeouts, allPages: true)
    models = try await withExtraLists(
      provider, main: models, key: key, timeouts: timeouts, onNote: onNote)
    if provider.style == .ollama {
      models = try await probingOllamaCapabilities(
        provider, models: models, key: key, onNote: onNote)
    }
    return models
  }

  /// Sends a chat message and streams the answer as it arrives (`ask`).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  ///   - keyIndex: The 0-based key index the rotation chose, or `nil`.
  ///   - prompt: The user's message.
  ///   - onText: Called with each piece of the answer, in order.
  /// - Throws: ``ProviderError`` explaining the failure (also mid-stream).
  public func ask(
    _ provider: Provider, model: String, keyIndex: Int?, prompt: String,
    onText: @escaping @Sendable (String) -> Void
  ) async throws(ProviderError) {
    _ = try await streamChat(
      provider, model: model, key: RequestBuilder.keyChoice(provider, keyIndex: keyIndex),
      prompt: ChatPrompt(system: nil, user: prompt, maxTokens: 4096),
      timeouts: interactiveTimeouts(provider), firstContentOnly: false, onText: onText)
  }

  /// The limits of `manage` and `ask`: the configuration's connect and idle timeouts
  /// (``RequestDefaults``: 10 s and 60 s), no total limit, or the provider's `timeout`
  /// for both (DESIGN §1.4).
  func interactiveTimeouts(_ provider: Provider) -> Timeouts {
    if let timeout = provider.timeout, timeout > 0 {
      return Timeouts(
        connect: min(timeout, configuration.connectTimeout), idle: timeout, total: nil)
    }
    return Timeouts(
      connect: configuration.connectTimeout, idle: configuration.idleTimeout, total: nil)
  }

  /// The limits of the test: the total given (``RequestDefaults/testTimeout`` when it
  /// is not positive), which also bounds the connect time.
  func testTimeouts(_ timeout: Double) -> Timeouts {
    let total = timeout > 0 ? timeout : RequestDefaults.testTimeout
    return Timeouts(connect: min(total, configuration.connectTimeout), idle: nil, total: total)
  }

  /// The secrets of a request to a provider before its key and headers are read: the
  /// registry's, and those of the provider's URLs, its Anthropic-compatible one
  /// included (the key and headers join them when
  /// the request is built, the proxy's password when it is chosen).
  func secrets(_ provider: Provider, url: String? = nil) -> RequestSecrets {
    var own = SecretSet()
    let urls = [url, provider.url, provider.modelsURL, provider.effectiveAnthropicURL]
    for text in urls.compactMap({ $0 }) {
      for secret in URLSecrets.secrets(in: text) { own.insert(secret) }
    }
    return RequestSecrets(shared: configuration.secrets, own: own)
  }

  /// A request context for a provider; `style` is the style the request speaks (its key
  /// header, its answers): the model's route for chat and embeddings, else (`nil`) the
  /// provider's own style.
  func context(
    _ provider: Provider, method: String, url: String, key: KeyChoice?, model: String?,
    operation: RequestOperation, rule: String, style: APIStyle? = nil
  ) -> RequestContext {
    RequestContext(
      method: method, url: url, maskedKey: key?.masked, model: model, operation: operation,
      style: style ?? provider.style, ruleExplanation: rule, proxy: nil, timeoutSeconds: nil,
      maxResponseBytes: configuration.maxResponseBytes, secrets: secrets(provider, url: url))
  }
}
