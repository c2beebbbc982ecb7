extension Provider {
  /// The model the connection test uses by default (DESIGN §1.4).
  ///
  /// It is the chat model added last, or `nil` when no added model is a chat model. A stale model still
  /// counts: it was added, and the test will say if the provider no longer has it.
  public var lastAddedChatModel: ProviderModel? {
    models.last { ChatModelRule.isChatModel(kinds(of: $0)) }
  }

  /// The effective kinds of one of this provider's models (inference for this
  /// provider's style and id, then the model's overrides).
  ///
  /// - Parameter model: A model, usually one of ``models``.
  /// - Returns: The effective kinds.
  public func kinds(of model: ProviderModel) -> Set<ModelKind> {
    model.kinds(style: style, providerID: id)
  }

  /// The added model with this id, or `nil`.
  ///
  /// - Parameter id: A model id (exact, case-sensitive: ids are sent verbatim).
  /// - Returns: The model, or `nil`.
  public func model(_ id: String) -> ProviderModel? {
    models.first { $0.id == id }
  }

  /// Adds a model at the end, with its group inferred (``ModelGrouping``).
  ///
  /// - Parameters:
  ///   - id: The remote model id.
  ///   - handEntered: Whether the id was typed by hand rather than taken from a
  ///     listing: it then gets the Add-model dialog's group
  ///     (``ModelGrouping/handEnteredGroup(for:providerID:)``), else the listing's.
  /// - Returns: `false` when a model with this id is already there (nothing changes).
  @discardableResult
  public mutating func addModel(id: String, handEntered: Bool = false) -> Bool {
    guard model(id) == nil else { return false }
    let group =
      handEntered
      ? ModelGrouping.handEnteredGroup(for: id, providerID: self.id)
      : ModelGrouping.group(for: id, providerID: self.id, isBuiltIn: isBuiltIn)
    models.append(ProviderModel(id: id, group: group))
    return true
  }

  /// Adds the models a `+` command resolved to, in order (DESIGN §1.3), as the app's
  /// Manage and Add-model dialog do.
  ///
  /// An id from the listing takes the listing's group and display name and, on a
  /// `new-api` provider, its endpoint type (``ModelEndpointType/preferred(among:)``);
  /// an id typed by hand takes the Add-model dialog's group.
  ///
  /// - Parameters:
  ///   - selection: What ``ModelSelection/resolve(_:listing:)`` returned.
  ///   - listing: The listing the selection was resolved against, or `nil`.
  /// - Returns: The ids added, and those that were there already (unchanged).
  public mutating func addModels(_ selection: ModelSelectionResult, listing: ModelListing?)
    -> (added: [String], already: [String])
  {
    var added: [String] = []
    var already: [String] = []
    for id in selection.ids {
      guard addModel(id: id, handEntered: selection.handEntered.contains(id)),
        let index = models.indices.last
      else {
        already.append(id)
        continue
      }
      added.append(id)
      guard let entry = listing?.entry(id: id) else { continue }
      if let name = entry.displayName, !name.isEmpty, name != id {
        models[index].displayName = name
      }
      if let declared = entry.providerKinds, !declared.isEmpty {
        models[index].providerKinds = declared
      }
      if isNewAPI, let types = entry.endpointTypes {
        models[index].endpointType = ModelEndpointType.preferred(among: types)
      }
    }
    return (added, already)
  }

  /// Removes a model.
  ///
  /// - Parameter id: The model id.
  /// - Returns: `false` when there is no model with this id.
  @discardableResult
  public mutating func removeModel(id: String) -> Bool {
    guard let index = models.firstIndex(where: { $0.id == id }) else { return false }
    models.remove(at: index)
    return true
  }

  /// Marks the added models a fresh listing lacks as stale, and clears the mark on
  /// those it has again (DESIGN §1.3: stale models are kept, not removed).
  ///
  /// - Parameter listedIDs: Every id of the fresh listing.
  public mutating func markStale(listedIDs: Set<String>) {
    for index in models.indices {
      models[index].stale = !listedIDs.contains(models[index].id)
    }
  }

  /// Applies kind overrides to an added model (`model <id> kinds +vision -tools`):
  /// `true` forces a kind on, `false` forces it off; kinds not named keep their
  /// current override (or none).
  ///
  /// - Parameters:
  ///   - changes: The kinds to force on or off.
  ///   - id: The model id.
  /// - Returns: `false` when the provider has no model with this id.
  @discardableResult
  public mutating func setKindOverrides(_ changes: [ModelKind: Bool], for id: String) -> Bool {
    guard let index = models.firstIndex(where: { $0.id == id }) else { return false }
    for (kind, on) in changes {
      models[index].kindOverrides[kind] = on
    }
    return true
  }

  /// Drops every kind override of an added model, back to pure inference.
  ///
  /// - Parameter id: The model id.
  /// - Returns: `false` when the provider has no model with this id.
  @discardableResult
  public mutating func clearKindOverrides(for id: String) -> Bool {
    guard let index = models.firstIndex(where: { $0.id == id }) else { return false }
    models[index].kindOverrides = [:]
    return true
  }
}
