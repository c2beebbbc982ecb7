import CherryKit

extension Shell {
  /// The index of the selected provider; commands whose spec requires a
  /// selection only run when there is one.
  func selectedIndex() throws(ShellError) -> Int {
    guard let id = session.selected else {
      throw ShellError("no provider selected", hints: ["pick one first: use <provider>"])
    }
    // Scripts act on the same provider line after line: check the last index first
    // instead of searching the list (a 10,000-line replay, DESIGN §5).
    let providers = session.providers
    if let cached = selectedIndexCache, cached < providers.count, providers[cached].id == id {
      return cached
    }
    guard let index = providers.firstIndex(where: { $0.id == id }) else {
      throw ShellError("no provider selected", hints: ["pick one first: use <provider>"])
    }
    selectedIndexCache = index
    return index
  }

  /// The selected provider.
  func selectedProvider() throws(ShellError) -> Provider {
    session.providers[try selectedIndex()]
  }

  /// Changes the selected provider in place.
  func updateSelected<T>(_ body: (inout Provider) throws(ShellError) -> T) throws(ShellError) -> T {
    let index = try selectedIndex()
    return try body(&session.providers[index])
  }

  /// Finds a provider by id, by id ignoring case, or by name ignoring case.
  ///
  /// - Throws: ``ShellError`` naming the closest id, or saying why a catalogue
  ///   entry is not supported.
  func providerIndex(_ word: String) throws(ShellError) -> Int {
    if let index = session.index(of: word) { return index }
    let lowered = word.lowercased()
    if let index = session.providers.firstIndex(where: {
      $0.id.lowercased() == lowered || $0.name.lowercased() == lowered
    }) {
      return index
    }
    if let entry = ProviderCatalogue.entries.first(where: {
      $0.id.lowercased() == lowered || $0.name.lowercased() == lowered
    }), let reason = entry.unsupportedReason {
      throw ErrorMessage.unsupportedProvider(id: entry.id, name: entry.name, reason: reason)
    }
    let ids = session.providers.map(\.id) + ProviderCatalogue.entries.map(\.id)
    throw ErrorMessage.unknownProvider(word, suggestion: Suggestion.closest(to: word, among: ids))
  }

  /// The listing kept from `manage`, if it is the selected provider's.
  var selectedListing: ModelListing? {
    guard let listing, listing.providerID == session.selected else { return nil }
    return listing.listing
  }
}

extension Invocation {
  /// The positional at `index`, or an error saying it is missing.
  func argument(_ index: Int, _ what: String) throws(ShellError) -> String {
    guard index < positionals.count else { throw ErrorMessage.missingArgument(spec, what) }
    return positionals[index]
  }

  /// Refuses positionals beyond `count`.
  func expectAtMost(_ count: Int) throws(ShellError) {
    if positionals.count > count { throw ErrorMessage.tooManyArguments(spec, positionals[count]) }
  }
}
