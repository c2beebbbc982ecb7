extension ProviderModel {
  /// The effective kinds of this model: inference from the id, with what the
  /// provider declared when it was listed, then the user's overrides on top (an
  /// override always wins, DESIGN §1.3).
  ///
  /// - Parameters:
  ///   - style: The provider's API style.
  ///   - providerID: The provider's id.
  /// - Returns: The effective kinds.
  public func kinds(style: APIStyle, providerID: String) -> Set<ModelKind> {
    ProviderKinds.merged(
      inferred: ModelKindInference.kinds(
        for: id, style: style, providerID: providerID, displayName: displayName),
      declared: providerKinds
    )
    .applying(kindOverrides)
  }
}

extension Set where Element == ModelKind {
  /// These kinds with overrides applied: `true` adds a kind, `false` removes it.
  ///
  /// - Parameter overrides: The user's overrides.
  /// - Returns: The overridden set.
  func applying(_ overrides: [ModelKind: Bool]) -> Set<ModelKind> {
    var result = self
    for (kind, on) in overrides {
      if on { result.insert(kind) } else { result.remove(kind) }
    }
    return result
  }
}
