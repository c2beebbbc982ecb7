/// One provider's settings: the page of the settings window for that provider
/// (DESIGN §1), as stored in the session file.
///
/// Every field is a plain value so that the store can compare and merge two
/// versions of a provider field by field (DESIGN §2.4).
public struct Provider: Codable, Equatable, Sendable, Identifiable {
  /// The stable id (`deepseek`, or a custom one); it never changes.
  public var id: String
  /// The display name; `provider rename` changes it.
  public var name: String
  /// The API style, which decides endpoints and authentication.
  public var style: APIStyle
  /// Whether this provider comes from the built-in catalogue.
  public var isBuiltIn: Bool
  /// Whether a key is needed (false for Ollama and LM Studio).
  public var needsKey: Bool
  /// The keys in rotation order, each a literal key or an `env:NAME` reference.
  public var keys: [String]
  /// The index in ``keys`` of the key used last, or `nil` when none has been used;
  /// the next request takes the one after it (DESIGN §1.1).
  public var rotationCursor: Int?
  /// The API URL as entered (trimmed); empty when none is set yet.
  public var url: String
  /// An explicit model-list URL, or `nil` to derive it from ``url``.
  public var modelsURL: String?
  /// The Azure `api-version`, or `nil` for none.
  public var apiVersion: String?
  /// The models added with `+`, in the order they were added.
  public var models: [ProviderModel]
  /// The switch: models of a provider that is off cannot be used (DESIGN §1.5).
  public var enabled: Bool
  /// Extra request headers, in the order they were set.
  public var headers: [HeaderEntry]
  /// A proxy URL for this provider only, or `nil` to follow the environment.
  public var proxy: String?
  /// A request timeout in seconds, or `nil` for the defaults of DESIGN §1.4.
  public var timeout: Double?
  /// The second, Anthropic-compatible URL as entered (`anthropic-url`, DESIGN §1.2),
  /// or `nil` for the default: the catalogue's for a built-in provider, the API URL
  /// for a `new-api` provider, none otherwise (see ``effectiveAnthropicURL``).
  public var anthropicURL: String?
  /// `true` for a `new-api` provider (see ``ProviderType``); `nil` otherwise, so
  /// that files written before this field load unchanged.
  public var newAPI: Bool?
  /// The user's notes on this provider (`note <text>`), or `nil` for none.
  public var notes: String?

  /// Creates a provider.
  ///
  /// - Parameters:
  ///   - id: The stable id.
  ///   - name: The display name.
  ///   - style: The API style.
  ///   - isBuiltIn: Whether it comes from the catalogue.
  ///   - needsKey: Whether requests need a key.
  ///   - url: The API URL as entered.
  ///   - modelsURL: An explicit model-list URL.
  public init(
    id: String, name: String, style: APIStyle, isBuiltIn: Bool = false, needsKey: Bool = true,
    url: String = "", modelsURL: String? = nil
  ) {
    self.id = id
    self.name = name
    self.style = style
    self.isBuiltIn = isBuiltIn
    self.needsKey = needsKey
    self.keys = []
    self.rotationCursor = nil
    self.url = url
    self.modelsURL = modelsURL
    self.apiVersion = nil
    self.models = []
    self.enabled = false
    self.headers = []
    self.proxy = nil
    self.timeout = nil
    self.anthropicURL = nil
    self.newAPI = nil
    self.notes = nil
  }
}
