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
  }
}
