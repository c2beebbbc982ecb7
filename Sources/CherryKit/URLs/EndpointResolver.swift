/// Turns an API URL as entered into the endpoints cherry calls (DESIGN §1.2).
///
/// The rules, in the order they are tried on a trimmed `http`/`https` URL:
/// 1. it ends with `#`: the URL is the chat endpoint exactly; the model list and
///    embeddings replace the style's operation suffix;
/// 2. it ends in an operation path (`/chat/completions`, `/models`,
///    `:generateContent`, …): refused, with the root and the `#` form as fixes;
/// 3. it ends with `/`: no version is added, whatever the path;
/// 4. its path ends in a version segment (`v3`, `v1beta`): no version is added
///    (cherry's own extension);
/// 5. otherwise it is a root: the style's version is added (`v1`, `v1beta`).
/// Ollama and Azure take no version: they skip rule 4, and a typed `/v1`, `/api`
/// (Ollama) or `/openai` (Azure) at the end is not doubled. A query string is kept
/// at the end of every endpoint.
public enum EndpointResolver {
  /// Checks an API URL before it is stored.
  ///
  /// - Parameters:
  ///   - raw: The URL as typed.
  ///   - style: The provider's style, when known: it makes the suggested root of a
  ///     pasted endpoint the plainest one (`https://api.example.com` rather than
  ///     `https://api.example.com/v1`); without it the suggestion keeps the version.
  /// - Returns: The value to store: `raw` without surrounding whitespace.
  /// - Throws: ``URLRuleError``: empty, not `http`/`https`, malformed, or a pasted
  ///   endpoint without `#`.
  public static func validate(_ raw: String, style: APIStyle? = nil) throws(URLRuleError)
    -> String
  {
    let entered = trimmed(raw)
    guard !entered.isEmpty else { throw .empty }
    let parts = try URLParts(entered[...])
    if !parts.exact { try refusePastedEndpoint(parts, entered: entered, style: style) }
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
  /// - Returns: The chat, model-list and embeddings endpoints, the rule, and notes.
  /// - Throws: ``URLRuleError`` when the URL is refused (see ``validate(_:style:)``).
  public static func resolve(
    url: String, style: APIStyle, modelsURL: String?, apiVersion: String?, model: String?
  ) throws(URLRuleError) -> ResolvedEndpoints {
    let entered = try validate(url, style: style)
    let parts = try URLParts(entered[...])
    var result =
      parts.exact
      ? exactEndpoints(parts, entered: entered, style: style)
      : builtEndpoints(parts, entered: entered, style: style, apiVersion: apiVersion)
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
  /// - Parameters:
  ///   - provider: The provider (its URL, style, `models-url` and `api-version`).
  ///   - model: The model to put in place of `{model}`, or `nil`.
  /// - Returns: The endpoints; see ``resolve(url:style:modelsURL:apiVersion:model:)``.
  /// - Throws: ``URLRuleError`` when the stored URL is refused (or empty).
  public static func resolve(_ provider: Provider, model: String?) throws(URLRuleError)
    -> ResolvedEndpoints
  {
    try resolve(
      url: provider.url, style: provider.style, modelsURL: provider.modelsURL,
      apiVersion: provider.apiVersion, model: model)
  }

  /// The text without whitespace (spaces, tabs, newlines) at either end.
  static func trimmed(_ text: String) -> String {
    var slice = text[...]
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}
