extension Provider {
  /// Sets or clears an added model's display name (`model <id> name <text>`).
  ///
  /// - Parameters:
  ///   - name: The name, trimmed; `nil` to show the id alone again.
  ///   - id: The model id.
  /// - Throws: ``ModelEditError/notAdded(id:providerID:)``, or
  ///   ``ModelEditError/empty(field:)`` for a name that is only spaces.
  public mutating func setDisplayName(_ name: String?, for id: String) throws(ModelEditError) {
    let index = try modelIndex(id)
    models[index].displayName = try Self.nonEmpty(name, field: "name")
  }

  /// Sets an added model's group, or puts it back in its default group
  /// (`model <id> group <name>|reset`).
  ///
  /// - Parameters:
  ///   - group: The group, trimmed; `nil` for the default
  ///     (``ModelGrouping/group(for:providerID:isBuiltIn:)``).
  ///   - id: The model id.
  /// - Throws: ``ModelEditError``, as ``setDisplayName(_:for:)``.
  public mutating func setGroup(_ group: String?, for id: String) throws(ModelEditError) {
    let index = try modelIndex(id)
    models[index].group =
      try Self.nonEmpty(group, field: "group")
      ?? ModelGrouping.group(for: id, providerID: self.id, isBuiltIn: isBuiltIn)
  }

  /// Sets or clears an added model's price (`model <id> price <in> <out> [currency]`).
  ///
  /// - Parameters:
  ///   - price: The price, or `nil` for unknown (``ModelPrice/parse(input:output:currency:)``
  ///     reads the typed words).
  ///   - id: The model id.
  /// - Throws: ``ModelEditError/notAdded(id:providerID:)``.
  public mutating func setPrice(_ price: ModelPrice?, for id: String) throws(ModelEditError) {
    models[try modelIndex(id)].price = price
  }

  /// Says whether an added model streams its answers (`model <id> stream on|off`).
  ///
  /// - Parameters:
  ///   - streaming: `false` to call it without streaming; `true` (the default) stores
  ///     nothing.
  ///   - id: The model id.
  /// - Throws: ``ModelEditError/notAdded(id:providerID:)``.
  public mutating func setStreaming(_ streaming: Bool, for id: String) throws(ModelEditError) {
    models[try modelIndex(id)].streaming = streaming ? nil : false
  }

  /// Sets or clears the endpoint type of an added model of a `new-api` provider
  /// (`model <id> endpoint <type>|reset`).
  ///
  /// - Parameters:
  ///   - type: The endpoint type, or `nil` for the provider's `openai` default.
  ///   - id: The model id.
  /// - Throws: ``ModelEditError/endpointNeedsNewAPI(providerID:)`` on another
  ///   provider, or ``ModelEditError/notAdded(id:providerID:)``.
  public mutating func setEndpointType(_ type: ModelEndpointType?, for id: String)
    throws(ModelEditError)
  {
    guard isNewAPI else { throw .endpointNeedsNewAPI(providerID: self.id) }
    models[try modelIndex(id)].endpointType = type
  }

  private func modelIndex(_ id: String) throws(ModelEditError) -> Int {
    guard let index = models.firstIndex(where: { $0.id == id }) else {
      throw .notAdded(id: id, providerID: self.id)
    }
    return index
  }

  private static func nonEmpty(_ text: String?, field: String) throws(ModelEditError) -> String? {
    guard let text else { return nil }
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty else { throw .empty(field: field) }
    return trimmed
  }
}
