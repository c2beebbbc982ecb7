/// One row of a provider's model list, as a fetcher returns it (DESIGN §1.3).
public struct ListedModel: Codable, Equatable, Sendable, Hashable {
  /// The remote model id, sent verbatim in requests.
  public var id: String
  /// A display name, when the provider gives one.
  public var displayName: String?
  /// The owner or publisher, when the provider gives one.
  public var ownedBy: String?
  /// The endpoint types a New API gateway lists for the model (`endpoint_type`,
  /// `supported_endpoint_types`, read with ``ModelEndpointType/init(listingName:)``),
  /// or `nil` when the listing gives none.
  public var endpointTypes: [ModelEndpointType]?
  /// The kinds the provider itself declares for the model (Ollama's `/api/show`
  /// capabilities: `completion` is chat, `thinking` is reasoning), or `nil` when it
  /// declares none; ``ProviderKinds`` says how they join the kinds inferred from the id.
  public var providerKinds: Set<ModelKind>?

  /// Creates a listed model.
  ///
  /// - Parameters:
  ///   - id: The remote model id.
  ///   - displayName: The provider's display name, if any.
  ///   - ownedBy: The owner, if any.
  ///   - endpointTypes: The listed endpoint types, if any.
  ///   - providerKinds: The kinds the provider declares, if any.
  public init(
    id: String, displayName: String? = nil, ownedBy: String? = nil,
    endpointTypes: [ModelEndpointType]? = nil, providerKinds: Set<ModelKind>? = nil
  ) {
    self.id = id
    self.displayName = displayName
    self.ownedBy = ownedBy
    self.endpointTypes = endpointTypes
    self.providerKinds = providerKinds
  }
}
