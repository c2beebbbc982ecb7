import CherryKit

extension Shell {
  /// The index of the selected provider; commands whose spec requires a
  /// selection only run when there is one.
  func selectedIndex() throws(ShellError) -> Int {
    guard let id = session.selected else {
      throw ShellError("no provider selected", fix: ["pick one first: use <provider>"])
    }
    // Scripts act on the same provider line after line: check the last index first
    // instead of searching the list (a 10,000-line replay, DESIGN §5).
    let providers = session.providers
    if let cached = selectedIndexCache, cached < providers.count, providers[cached].id == id {
      return cached
    }
    guard let index = providers.firstIndex(where: { $0.id == id }) else {
      throw ShellError("no provider selected", fix: ["pick one first: use <provider>"])
    }
    selectedIndexCache = index
    return index
  }

  /// The selected provider.
  func selectedProvider() throws(ShellError) -> Provider {
    session.providers[try selectedIndex()]
  }

  /// Changes the selected provider in place and returns it as it is after.
  ///
  /// The body must not read the shell's session (it is being changed).
  @discardableResult
  func changeSelected(_ body: (inout Provider) throws(ShellError) -> Void) throws(ShellError)
    -> Provider
  {
    let index = try selectedIndex()
    try body(&session.providers[index])
    return session.providers[index]
  }

  /// Changes the selected provider in place; the body must not read the shell's
  /// session (it is being changed).
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

}

extension Shell {
  /// Takes the next key of the selected provider for a request (DESIGN §1.1).
  ///
  /// The key stays used even if the command then fails (``Shell/run(line:)``).
  ///
  /// - Returns: The key's index, or `nil` when the provider has no keys.
  func takeNextKey() throws(ShellError) -> Int? {
    try updateSelected { (provider) throws(ShellError) in provider.advanceRotation() }
  }

  /// After models were added or removed, the kept listing's marks follow.
  func refreshListing() {
    guard let kept = listing, kept.providerID == session.selected,
      let provider = try? selectedProvider()
    else { return }
    listing?.listing = kept.listing.refreshed(for: provider)
  }

  /// The report of a command that shows or changed a provider: its settings page
  /// in JSON, and the given text.
  func pageReport(
    _ provider: Provider, warnings: [String] = [],
    text: @escaping (Output) -> [String] = { _ in [] }
  ) -> Report<JSONShapes.ProviderPage> {
    Report(
      JSONShapes.ProviderPage(
        provider: DeferredShape { [selected = session.selected] in
          JSONShapes.page(provider, selected: provider.id == selected)
        }),
      warnings: warnings, text: text)
  }
}
