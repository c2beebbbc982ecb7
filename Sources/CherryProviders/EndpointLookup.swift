import CherryKit

/// Resolves a provider's endpoints (CherryKit's URL rules) and turns a rule error into a
/// ``ProviderError`` that says which setting to fix.
enum EndpointLookup {
  /// The endpoints of a provider in its own style: the model list, and the key check.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model to fill into `{model}`, or `nil`.
  ///   - method: The method of the request about to be made, for the message.
  ///   - secrets: The secrets to mask in the message.
  /// - Returns: The endpoints.
  /// - Throws: ``ProviderError`` of kind `configuration` when the URL breaks a rule.
  static func resolve(
    _ provider: Provider, model: String?, method: String, secrets: RequestSecrets
  ) throws(ProviderError) -> ResolvedEndpoints {
    do {
      return try EndpointResolver.resolve(provider, model: model)
    } catch {
      throw refused(error, url: provider.url, command: "url", method: method, secrets: secrets)
    }
  }

  /// Where one model's requests go (chat, embeddings): its style, endpoints and the
  /// URL they come from (``EndpointResolver/route(_:model:)``: a `new-api` model's
  /// endpoint type, Claude on Azure, the Anthropic-compatible URL).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  ///   - method: The method of the request about to be made, for the message.
  ///   - secrets: The secrets to mask in the message.
  /// - Returns: The route.
  /// - Throws: ``ProviderError`` of kind `configuration` naming the refused URL and the
  ///   command that sets it (`url` or `anthropic-url`).
  static func route(
    _ provider: Provider, model: String, method: String, secrets: RequestSecrets
  ) throws(ProviderError) -> ModelRoute {
    do {
      return try EndpointResolver.route(provider, model: model)
    } catch {
      // The API URL is the usual culprit; when it resolves, the route took the
      // Anthropic-compatible URL, and that one is refused.
      let ownWorks = (try? EndpointResolver.resolve(provider, model: model)) != nil
      if ownWorks, let anthropic = provider.effectiveAnthropicURL,
        (try? EndpointResolver.resolveAnthropic(provider, model: model)) == nil
      {
        throw refused(
          error, url: anthropic, command: "anthropic-url", method: method, secrets: secrets)
      }
      throw refused(error, url: provider.url, command: "url", method: method, secrets: secrets)
    }
  }

  /// The error for a refused URL: the rule's words, and its fix for `command`.
  private static func refused(
    _ error: URLRuleError, url: String, command: String, method: String, secrets: RequestSecrets
  ) -> ProviderError {
    // The URL rules word both halves; the stored URL breaks one of them.
    var detail: String
    switch error {
    case .empty: detail = command == "url" ? "the provider has no URL" : "no \(command) is set"
    default: detail = error.what
    }
    // The API URL is the one users think of; name any other setting.
    if command != "url" { detail = "\(command) refused: " + detail }
    let fix = error.fix(command: command).split(separator: "\n").joined(separator: "; ")
    let mask = { (text: String) in KeyMask.maskLine(secrets.mask(text)) }
    return ProviderError(
      kind: .configuration, method: method, url: mask(URLSecrets.masked(url)),
      detail: mask(detail), fix: mask(fix))
  }
}

extension ModelRoute {
  /// The adapter of the chat request's body and answer: the endpoint's format
  /// (``ResolvedEndpoints/chatFormat``), which is the route's style except on Azure's
  /// v1 API with api-version `v1` or `preview` (the Responses API).
  var chatAdapter: any StyleAdapter { StyleAdapters.adapter(for: endpoints.chatFormat) }

  /// The adapter of the embeddings request: the route's style.
  var embeddingsAdapter: any StyleAdapter { StyleAdapters.adapter(for: style) }
}
