import CherryKit

/// Resolves a provider's endpoints (CherryKit's URL rules) and turns a rule error into a
/// ``ProviderError`` that says which setting to fix.
enum EndpointLookup {
  /// The endpoints of a provider for a model.
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
      // The URL rules word both halves; the stored URL breaks one of them.
      let detail: String
      switch error {
      case .empty: detail = "the provider has no URL"
      default: detail = error.what
      }
      let fix = error.fix.split(separator: "\n").joined(separator: "; ")
      let mask = { (text: String) in KeyMask.maskLine(secrets.mask(text)) }
      throw ProviderError(
        kind: .configuration, method: method, url: mask(URLSecrets.masked(provider.url)),
        detail: mask(detail), fix: mask(fix))
    }
  }
}
