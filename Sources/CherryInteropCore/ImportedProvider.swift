public import CherryKit

/// One provider as a foreign source describes it (a Cherry Studio link or backup, a
/// LiteLLM config), in cherry's terms but not yet merged into a session (DESIGN §1.7).
///
/// Every field is optional: `nil` means "the source says nothing about it", so the
/// merge leaves the session's value alone.
public struct ImportedProvider: Codable, Equatable, Sendable {
  /// The provider id (a built-in id, or a custom one kept as the source has it).
  public var id: String
  /// The display name, or `nil` when the source gives none.
  public var name: String?
  /// The API style, or `nil` when the source names none (or one cherry cannot speak:
  /// ``unsupportedReason`` then says why).
  public var style: APIStyle?
  /// Why cherry cannot set this provider up (`vertexai`, `aws-bedrock`); the merge
  /// skips it and says so.
  public var unsupportedReason: String?
  /// The keys, literal or `env:NAME`; the merge adds those the provider lacks.
  public var keys: [String]?
  /// The API URL as the source stores it.
  public var url: String?
  /// The Azure `api-version`.
  public var apiVersion: String?
  /// The Anthropic-compatible URL (`anthropic-url`).
  public var anthropicURL: String?
  /// Whether it is a `new-api` gateway (per-model endpoint types).
  public var newAPI: Bool?
  /// The user's notes on it.
  public var notes: String?
  /// The models, in the source's order.
  public var models: [ImportedModel]?
  /// Extra request headers.
  public var headers: [HeaderEntry]?
  /// Whether the source had the provider switched on: shown, never applied
  /// (DESIGN §1.5: nothing switches on by itself).
  public var enabled: Bool?
  /// Fields of the source that cherry could not map, each a short phrase
  /// (`anthropicApiHost`, `3 model prices`).
  public var notMapped: [String]

  /// Creates an imported provider that says nothing beyond its id.
  ///
  /// - Parameter id: The provider id.
  public init(id: String) {
    self.id = id
    self.notMapped = []
  }
}

/// One model as a foreign source describes it.
public struct ImportedModel: Codable, Equatable, Sendable {
  /// The remote model id.
  public var id: String
  /// The listing group, or `nil` to infer it as `+` does.
  public var group: String?
  /// Kinds the source forced on or off (Cherry Studio's user-selected capabilities).
  public var kindOverrides: [ModelKind: Bool]
  /// The display name, or `nil` for the id alone.
  public var name: String?
  /// The price per million tokens.
  public var price: ModelPrice?
  /// The endpoint a `new-api` provider calls it through.
  public var endpointType: ModelEndpointType?

  /// Creates an imported model.
  ///
  /// - Parameters:
  ///   - id: The remote model id.
  ///   - group: The group, or `nil`.
  ///   - kindOverrides: The forced kinds.
  public init(id: String, group: String? = nil, kindOverrides: [ModelKind: Bool] = [:]) {
    self.id = id
    self.group = group
    self.kindOverrides = kindOverrides
  }
}
