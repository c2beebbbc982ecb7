/// One built-in provider of the catalogue (DESIGN §1.6; notes §2).
public struct CatalogueEntry: Sendable, Equatable {
  /// The provider id, as in Cherry Studio (`deepseek`, `302ai`, …).
  public var id: String
  /// The display name (Cherry Studio's English UI label).
  public var name: String
  /// The API style; `nil` for entries whose protocol cherry does not speak.
  public var style: APIStyle?
  /// The provider's type in Cherry Studio (`openai`, `new-api`, `gateway`, `vertexai`, …),
  /// kept for `explain` and for the record of where a style came from.
  public var appType: String
  /// The default API URL, stored in the form that reaches the same chat endpoint as
  /// Cherry Studio; empty when the user must enter one (`azure-openai`, `gpustack`).
  public var defaultURL: String
  /// Whether requests need a key (false for local servers).
  public var needsKey: Bool
  /// A preset model-list URL, or `nil` to derive it from the URL.
  public var modelsURL: String?
  /// Why cherry cannot set this provider up, or `nil` when it can.
  public var unsupportedReason: String?
  /// Whether no version is ever appended to this provider's URL, whatever it ends
  /// with (`perplexity`, `github`, `copilot`, as in the app; DESIGN §1.2).
  public var takesNoVersion: Bool
  /// Whether the app's settings page offers this provider a second,
  /// Anthropic-compatible URL (`anthropic-url`, DESIGN §1.2).
  public var offersAnthropicURL: Bool
  /// The default of that URL, or `nil` when the app's catalogue has none.
  public var anthropicURL: String?

  /// Creates an entry.
  ///
  /// - Parameters:
  ///   - id: The provider id.
  ///   - name: The display name.
  ///   - style: The API style, `nil` when unsupported.
  ///   - appType: Cherry Studio's type name.
  ///   - defaultURL: The default URL, possibly empty.
  ///   - needsKey: Whether a key is needed.
  ///   - modelsURL: A preset model-list URL.
  ///   - unsupportedReason: Why it is not supported, or `nil`.
  ///   - takesNoVersion: Whether no version is ever appended to its URL.
  ///   - offersAnthropicURL: Whether it has an `anthropic-url`.
  ///   - anthropicURL: The default `anthropic-url`, or `nil`.
  public init(
    id: String, name: String, style: APIStyle?, appType: String, defaultURL: String,
    needsKey: Bool = true, modelsURL: String? = nil, unsupportedReason: String? = nil,
    takesNoVersion: Bool = false, offersAnthropicURL: Bool = false, anthropicURL: String? = nil
  ) {
    self.id = id
    self.name = name
    self.style = style
    self.appType = appType
    self.defaultURL = defaultURL
    self.needsKey = needsKey
    self.modelsURL = modelsURL
    self.unsupportedReason = unsupportedReason
    self.takesNoVersion = takesNoVersion
    self.offersAnthropicURL = offersAnthropicURL || anthropicURL != nil
    self.anthropicURL = anthropicURL
  }

  /// Whether this entry is Cherry Studio's `new-api` type: the `openai` style with
  /// per-model endpoint types (``ProviderType/newAPI``).
  public var isNewAPI: Bool { appType == ProviderType.newAPI.rawValue }

  /// Whether cherry can set this provider up.
  public var isSupported: Bool { unsupportedReason == nil && style != nil }

  /// The provider as a fresh session holds it: built-in, off, no keys, no models,
  /// the default URL; its `anthropic-url` is left to the default (`nil`).
  ///
  /// - Returns: The provider, or `nil` for an unsupported entry.
  public func makeProvider() -> Provider? {
    guard isSupported, let style else { return nil }
    var provider = Provider(
      id: id, name: name, style: style, isBuiltIn: true, needsKey: needsKey, url: defaultURL,
      modelsURL: modelsURL)
    if isNewAPI { provider.type = .newAPI }
    return provider
  }
}
