/// Everything an API URL resolves to for one style (DESIGN §1.2): what `url` shows,
/// and what the providers call.
public struct ResolvedEndpoints: Equatable, Sendable {
  /// The URL as entered, trimmed.
  public var entered: String
  /// The rule that built the endpoints.
  public var rule: URLRule
  /// The chat endpoint, used by `ask` and the connection test; `{model}` is filled
  /// when a model was given, else left as `{model}`.
  public var chat: String
  /// The model-list endpoint, or `nil` when it cannot be derived.
  ///
  /// ``modelsProblem`` then says why. An explicit `models-url` always fills it.
  public var models: String?
  /// Why ``models`` is `nil`, and the fix (`set models-url <url>`); `nil` otherwise.
  public var modelsProblem: String?
  /// The embeddings endpoint, for testing an embedding model; `nil` when the style
  /// has none (Anthropic) or it cannot be derived from an exact (`#`) URL.
  public var embeddings: String?
  /// Things worth knowing that do not stop the URL from being used, such as a
  /// trailing `/` that left the endpoints without a version segment.
  public var warnings: [String]
  /// One line: which rule applied, and why.
  public var ruleExplanation: String
  /// The style whose request and answer shapes the chat endpoint takes: the
  /// provider's style, except Azure's v1 API with api-version `v1` or `preview`,
  /// which is the Responses API (``APIStyle/openaiResponse``) behind Azure's
  /// `api-key` header.
  public var chatFormat: APIStyle

  /// Creates resolved endpoints.
  ///
  /// - Parameters:
  ///   - entered: The URL as entered, trimmed.
  ///   - rule: The rule that applied.
  ///   - chat: The chat endpoint.
  ///   - models: The model-list endpoint, or `nil`.
  ///   - modelsProblem: Why there is no model-list endpoint, or `nil`.
  ///   - embeddings: The embeddings endpoint, or `nil`.
  ///   - warnings: Notes for the user.
  ///   - ruleExplanation: One line on the rule.
  ///   - chatFormat: The style whose shapes the chat endpoint takes.
  public init(
    entered: String, rule: URLRule, chat: String, models: String?, modelsProblem: String?,
    embeddings: String?, warnings: [String], ruleExplanation: String, chatFormat: APIStyle
  ) {
    self.entered = entered
    self.rule = rule
    self.chat = chat
    self.models = models
    self.modelsProblem = modelsProblem
    self.embeddings = embeddings
    self.warnings = warnings
    self.ruleExplanation = ruleExplanation
    self.chatFormat = chatFormat
  }
}
