/// Turns an API URL as entered into the endpoints cherry calls (DESIGN §1.2).
///
/// The rules, in the order they are tried on a trimmed `http`/`https` URL:
/// 1. it ends with `#`: the URL is the chat endpoint exactly; the model list and
///    embeddings replace the style's operation suffix;
/// 2. it ends in an operation path (`/chat/completions`, `/models`,
///    `:generateContent`, …): refused, with fixes that lead to a working URL;
/// 3. the provider never takes a version (`perplexity`, `github`, `copilot`):
///    only the operation path is added;
/// 4. it ends with `/`: no version is added, whatever the path;
/// 5. its path has a version segment anywhere (`/v3`, `/v1beta/openai`): no version
///    is added (Cherry Studio's `hasAPIVersion`);
/// 6. otherwise it is a root: the style's version is added (`v1`, `v1beta`).
/// Ollama and Azure take no version: they skip rule 5, and a typed `/v1`, `/api`,
/// `/chat` (Ollama, as `formatOllamaApiHost`) or `/v1`, `/openai` (Azure) at the end
/// is not doubled. Azure's api-version picks its API (``StylePaths``). A query string
/// is kept at the end of every endpoint.
public enum EndpointResolver {
  /// Checks an API URL before it is stored.
  ///
  /// - Parameters:
  ///   - raw: The URL as typed.
  ///   - style: The provider's style, when known: it makes the suggested root of a
  ///     pasted endpoint the plainest one (`https://api.example.com` rather than
  ///     `https://api.example.com/v1`), and offers the `#` form only for the style's
  ///     own chat operation; without it the suggestion keeps the version.
  ///   - takesNoVersion: Whether the provider never takes a version
  ///     (``Provider/takesNoVersion``), which changes the suggested root.
  /// - Returns: The value to store: `raw` without surrounding whitespace.
  /// - Throws: ``URLRuleError``: empty, not `http`/`https`, malformed, or a pasted
  ///   endpoint without `#`.
  public static func validate(
    _ raw: String, style: APIStyle? = nil, takesNoVersion: Bool = false
  ) throws(URLRuleError) -> String {
    try checked(raw, style: style, takesNoVersion: takesNoVersion).entered
  }

  /// ``validate(_:style:takesNoVersion:)``, with the parts it parsed, so that
  /// resolving does not parse the URL a second time.
  private static func checked(
    _ raw: String, style: APIStyle?, takesNoVersion: Bool
  ) throws(URLRuleError) -> (entered: String, parts: URLParts) {
    let entered = trimmed(raw)
    guard !entered.isEmpty else { throw .empty }
    let parts = try URLParts(entered[...])
    if !parts.exact {
      try refusePastedEndpoint(
        parts, entered: entered, style: style, takesNoVersion: takesNoVersion)
    }
    return (entered, parts)
  }

  /// Checks a URL for a provider's `url`, with its style and version rule.
  ///
  /// - Parameters:
  ///   - raw: The URL as typed.
  ///   - provider: The provider whose URL it will be.
  /// - Returns: The value to store.
  /// - Throws: ``URLRuleError``; see ``validate(_:style:takesNoVersion:)``.
  public static func validate(_ raw: String, for provider: Provider) throws(URLRuleError)
    -> String
  {
    try validate(raw, style: provider.style, takesNoVersion: provider.takesNoVersion)
  }

  /// Checks a model-list URL before it is stored (`models-url <url>`): any `http` or
  /// `https` URL, used exactly as it is (a final `#` is dropped), so that the
  /// `…/v1/models` a refused `url` points to is accepted here.
  ///
  /// - Parameter raw: The URL as typed.
  /// - Returns: The value to store: `raw` trimmed, without a final `#`.
  /// - Throws: ``URLRuleError``: empty, not `http`/`https`, or malformed.
  public static func validateModelsURL(_ raw: String) throws(URLRuleError) -> String {
    var entered = trimmed(raw)
    if entered.hasSuffix("#") { entered.removeLast() }
    guard !entered.isEmpty else { throw .empty }
    _ = try URLParts(entered[...])
    return entered
  }

  /// Resolves an API URL for a style.
  ///
  /// - Parameters:
  ///   - url: The URL as entered (it is trimmed here).
  ///   - style: The provider's API style.
  ///   - modelsURL: An explicit model-list URL; when set it replaces the derived one
  ///     (a trailing `#` on it is ignored).
  ///   - apiVersion: The Azure `api-version`; ignored by the other styles.
  ///   - model: The model to put in place of `{model}`, or `nil` to leave it.
  ///   - takesNoVersion: Whether the provider never takes a version.
  /// - Returns: The chat, model-list and embeddings endpoints, the rule, and notes.
  /// - Throws: ``URLRuleError`` when the URL is refused (see
  ///   ``validate(_:style:takesNoVersion:)``).
  public static func resolve(
    url: String, style: APIStyle, modelsURL: String?, apiVersion: String?, model: String?,
    takesNoVersion: Bool = false
  ) throws(URLRuleError) -> ResolvedEndpoints {
    let (entered, parts) = try checked(url, style: style, takesNoVersion: takesNoVersion)
    var result =
      parts.exact
      ? exactEndpoints(parts, entered: entered, style: style)
      : builtEndpoints(
        parts, entered: entered, style: style, apiVersion: apiVersion,
        takesNoVersion: takesNoVersion)
    if let modelsURL {
      var explicit = trimmed(modelsURL)
      if explicit.hasSuffix("#") { explicit.removeLast() }
      if !explicit.isEmpty {
        result.models = explicit
        result.modelsProblem = nil
      }
    }
    if let model, !model.isEmpty {
      // Gemini lists its models as `models/<id>`; the path already has `models/`.
      let id = style == .gemini && model.hasPrefix("models/") ? String(model.dropFirst(7)) : model
      result.chat = result.chat.replacing("{model}", with: id)
      result.embeddings = result.embeddings?.replacing("{model}", with: id)
    }
    return result
  }

  /// Resolves a provider's API URL with its own settings.
  ///
  /// For the endpoint of one model of a `new-api` provider, or of a Claude model on
  /// Azure, use ``route(_:model:)``.
  ///
  /// - Parameters:
  ///   - provider: The provider (its URL, style, `models-url`, `api-version` and
  ///     whether it takes a version).
  ///   - model: The model to put in place of `{model}`, or `nil`.
  /// - Returns: The endpoints; see
  ///   ``resolve(url:style:modelsURL:apiVersion:model:takesNoVersion:)``.
  /// - Throws: ``URLRuleError`` when the stored URL is refused (or empty).
  public static func resolve(_ provider: Provider, model: String?) throws(URLRuleError)
    -> ResolvedEndpoints
  {
    try resolve(
      url: provider.url, style: provider.style, modelsURL: provider.modelsURL,
      apiVersion: provider.apiVersion, model: model, takesNoVersion: provider.takesNoVersion)
  }

  /// Resolves a provider's Anthropic-compatible URL (`anthropic-url`) with the
  /// `anthropic` style's rules (DESIGN §1.2).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model to put in place of `{model}`, or `nil`.
  /// - Returns: The endpoints, or `nil` when the provider has no such URL
  ///   (``Provider/effectiveAnthropicURL``).
  /// - Throws: ``URLRuleError`` when that URL is refused.
  public static func resolveAnthropic(_ provider: Provider, model: String?)
    throws(URLRuleError) -> ResolvedEndpoints?
  {
    guard let url = provider.effectiveAnthropicURL else { return nil }
    return try resolve(
      url: url, style: .anthropic, modelsURL: nil, apiVersion: nil, model: model)
  }

  /// The text without whitespace (spaces, tabs, newlines) at either end.
  static func trimmed(_ text: String) -> String { text.trimmingWhitespace }
}
