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
      let detail: String
      var fix = "set the provider's URL with `url <root URL>`"
      switch error {
      case .empty:
        detail = "the provider has no URL"
      case .unsupportedScheme(let scheme):
        detail = "only http and https URLs work, not \(scheme)"
      case .malformed(let reason):
        detail = "the URL is not valid: \(reason)"
      case .pastedEndpoint(_, let suffix, let rootFix, let exactFix):
        detail = "the URL ends in the endpoint \(suffix)"
        fix = "enter the root with `url \(rootFix)`, or the exact endpoint with `url \(exactFix)`"
      default:
        let lines = error.description.split(separator: "\n", maxSplits: 1).map(String.init)
        detail = lines.first ?? "the URL is not valid"
        if lines.count > 1 { fix = lines[1] + "; set it with `url <root URL>`" }
      }
      let mask = { (text: String) in KeyMask.maskLine(secrets.mask(text)) }
      throw ProviderError(
        kind: .configuration, method: method, url: mask(URLSecrets.masked(provider.url)),
        detail: mask(detail), fix: mask(fix))
    }
  }
}
