/// How the kinds a provider declares for a model (Ollama's `/api/show`
/// capabilities, issue 9) join the kinds inferred from its id.
///
/// A provider's own word is explicit, so it counts over the name: a vision model
/// whose name says nothing (`qwen2.5vl:3b`) is vision when Ollama says so. What the
/// provider does not declare is not taken away, as Cherry Studio adds its
/// `providerCapabilities` to what the name gives. The user's overrides still win
/// (DESIGN §1.3): they apply after this.
public enum ProviderKinds {
  /// The kinds of a model from its inferred kinds and what its provider declares.
  ///
  /// - Declared `embedding` (or `rerank`) without `chat`: that kind alone, as for an
  ///   id that names one.
  /// - Declared `chat`: the model chats, whatever the name said (an id that reads as
  ///   embedding or rerank loses that kind).
  /// - Every other declared kind is added.
  ///
  /// - Parameters:
  ///   - inferred: The kinds ``ModelKindInference`` gives for the id.
  ///   - declared: The kinds the provider declares, or `nil` for none.
  /// - Returns: The kinds, before the user's overrides.
  public static func merged(inferred: Set<ModelKind>, declared: Set<ModelKind>?)
    -> Set<ModelKind>
  {
    guard let declared, !declared.isEmpty else { return inferred }
    if !declared.contains(.chat) {
      if declared.contains(.embedding) { return [.embedding] }
      if declared.contains(.rerank) { return [.rerank] }
    }
    var kinds = inferred
    if declared.contains(.chat) {
      kinds.remove(.embedding)
      kinds.remove(.rerank)
    }
    kinds.formUnion(declared)
    return kinds
  }

  /// The effective kinds of a listed model: inferred from its id, joined with what
  /// the provider declares, then the user's overrides when it is added.
  ///
  /// - Parameters:
  ///   - id: The model id.
  ///   - displayName: The listing's display name, used when the model is not added.
  ///   - declared: The kinds the provider declares, or `nil`.
  ///   - added: The provider's added model with this id, or `nil`.
  ///   - provider: The provider (style and id, for inference).
  /// - Returns: The effective kinds.
  public static func kinds(
    of id: String, displayName: String?, declared: Set<ModelKind>?, added: ProviderModel?,
    provider: Provider
  ) -> Set<ModelKind> {
    let inferred = ModelKindInference.kinds(
      for: id, style: provider.style, providerID: provider.id,
      displayName: added.map(\.displayName) ?? displayName)
    return merged(inferred: inferred, declared: declared)
      .applying(added?.kindOverrides ?? [:])
  }
}
