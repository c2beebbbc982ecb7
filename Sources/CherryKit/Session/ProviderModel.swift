/// A model the user added to a provider with `+` (DESIGN §1.3).
///
/// The order of ``Provider/models`` is the order models were added in, which is
/// what "the last added chat model" (DESIGN §1.4) is read from.
public struct ProviderModel: Codable, Equatable, Sendable, Hashable {
  /// The remote model id, sent verbatim in requests.
  public var id: String
  /// The group shown in listings; inferred from the id when the model is added.
  public var group: String
  /// Kinds the user forced on (`true`) or off (`false`); they win over inference.
  public var kindOverrides: [ModelKind: Bool]
  /// Set when a fresh `manage` listing no longer has this model; it is kept, not removed.
  public var stale: Bool
  /// The name shown beside the id (`model <id> name`, or the listing's display
  /// name), or `nil` to show the id alone.
  public var displayName: String?
  /// The price per million tokens (`model <id> price`), or `nil` when unknown.
  public var price: ModelPrice?
  /// `false` when the model must be called without streaming (`model <id> stream
  /// off`); `nil` or `true` stream, the default.
  public var streaming: Bool?
  /// The endpoint a `new-api` provider calls this model through (from the listing,
  /// or `model <id> endpoint`), or `nil` for the provider's `openai` default.
  public var endpointType: ModelEndpointType?
  /// The kinds the provider's listing declared when the model was added (Ollama's
  /// capabilities, OpenRouter's embeddings list), or `nil` when it declared none;
  /// they join the kinds read from the id (``ProviderKinds/merged(inferred:declared:)``).
  public var providerKinds: Set<ModelKind>?

  /// Creates an added model.
  ///
  /// - Parameters:
  ///   - id: The remote model id.
  ///   - group: The listing group; see ``ModelGrouping``.
  ///   - kindOverrides: The user's overrides, empty by default.
  ///   - stale: Whether the last listing lacked this model.
  public init(
    id: String, group: String, kindOverrides: [ModelKind: Bool] = [:], stale: Bool = false
  ) {
    self.id = id
    self.group = group
    self.kindOverrides = kindOverrides
    self.stale = stale
    self.displayName = nil
    self.price = nil
    self.streaming = nil
    self.endpointType = nil
    self.providerKinds = nil
  }

  /// Whether requests to this model stream their answer (DESIGN §1.4: the test
  /// closes a streamed answer at its first chunk).
  public var supportsStreaming: Bool { streaming != false }
}
