/// The three-way merge a save does under the lock (DESIGN §2.4): `base` is the
/// session as this shell loaded (or last saved) it, `mine` is what this shell holds
/// now, `theirs` is what the file holds now (another cherry may have saved since).
///
/// The merge works field by field, so two shells that change different fields —
/// of one provider or of different providers — never lose each other's changes:
/// - For each stored field: if mine equals base, take theirs; if theirs equals
///   base, take mine; if both changed it to the same value, take it; otherwise the
///   merge fails with ``StoreError/conflict(path:field:)`` naming
///   `providers.<id>.<field>` (or `selected`). Nothing is ever silently overwritten.
/// - The one exception is ``Provider/rotationCursor``: it moves on every request, so
///   two shells rotating keys of one provider would otherwise refuse every save. It
///   only says which key to use next, so losing one move costs at most one key used
///   twice in a row: when both moved it, mine wins. The cursor is then re-pointed at
///   the same key in the merged key list (or dropped when that key is gone), since
///   the other shell may have edited the list.
/// - A provider added on either side is kept. A provider removed on one side is
///   removed, unless the other side changed it, which is a conflict on
///   `providers.<id>`. Two sides adding the same id must agree field by field.
/// - Order: theirs' order (the file's), then the providers only mine added, in
///   mine's order. cherry has no command that reorders providers, so the only order
///   changes are additions, and the file's order is the one other shells show.
/// - `selected` follows the field rule, and a selected provider that the merge
///   removed is a conflict on `selected`.
public enum SessionMerge {
  /// The merged fields of ``Provider`` besides `id`, as conflicts name them.
  ///
  /// A test checks that this list names every stored property, so that a new field
  /// cannot be forgotten by the merge.
  public static let providerFields: [String] = [
    "name", "style", "isBuiltIn", "needsKey", "keys", "rotationCursor", "url", "modelsURL",
    "apiVersion", "models", "enabled", "headers", "proxy", "timeout", "anthropicURL", "newAPI",
    "notes",
  ]

  /// Merges two changed versions of a session against their common ancestor.
  ///
  /// - Parameters:
  ///   - base: The session both sides started from.
  ///   - mine: This shell's session.
  ///   - theirs: The session on disk now.
  ///   - path: The file, named in a conflict; empty by default.
  /// - Returns: The merged session, at ``Session/currentVersion``.
  /// - Throws: ``StoreError/conflict(path:field:)`` for the first field both sides
  ///   changed differently.
  public static func merge(
    base: Session, mine: Session, theirs: Session, path: String = ""
  ) throws(StoreError) -> Session {
    var providers: [Provider] = []
    // Theirs' order first, then mine's additions.
    var order = theirs.providers.map(\.id)
    let inTheirs = Set(order)
    for provider in mine.providers where !inTheirs.contains(provider.id) {
      order.append(provider.id)
    }
    for id in order {
      let merged = try mergeProvider(
        id: id, base: base.provider(id), mine: mine.provider(id), theirs: theirs.provider(id),
        path: path)
      if let merged {
        providers.append(merged)
      }
    }
    let selected = try pick(
      base: base.selected, mine: mine.selected, theirs: theirs.selected, field: "selected",
      path: path)
    if let selected, !providers.contains(where: { $0.id == selected }) {
      throw .conflict(path: path, field: "selected")
    }
    var result = Session(providers: providers, selected: selected)
    result.version = Session.currentVersion
    return result
  }

  /// One provider's merge; `nil` when the provider is gone from the result.
  private static func mergeProvider(
    id: String, base: Provider?, mine: Provider?, theirs: Provider?, path: String
  ) throws(StoreError) -> Provider? {
    switch (mine, theirs) {
    case (nil, nil):
      return nil
    case (let mine?, nil):
      // Theirs removed it (when base had it) or mine added it (when base did not).
      guard let base else { return mine }
      if mine == base { return nil }
      throw .conflict(path: path, field: "providers.\(id)")
    case (nil, let theirs?):
      guard let base else { return theirs }
      if theirs == base { return nil }
      throw .conflict(path: path, field: "providers.\(id)")
    case (let mine?, let theirs?):
      return try mergeFields(id: id, base: base, mine: mine, theirs: theirs, path: path)
    }
  }

  /// The field-by-field merge of a provider both sides have; `base` is `nil` when
  /// both added it, and then every field must agree.
  private static func mergeFields(
    id: String, base: Provider?, mine: Provider, theirs: Provider, path: String
  ) throws(StoreError) -> Provider {
    if mine == theirs { return mine }
    if let base, mine == base { return theirs }
    if let base, theirs == base { return mine }
    var merged = theirs
    func field<Value: Equatable>(
      _ keyPath: WritableKeyPath<Provider, Value>, _ name: String
    ) throws(StoreError) {
      merged[keyPath: keyPath] = try pick(
        base: base.map { $0[keyPath: keyPath] }, mine: mine[keyPath: keyPath],
        theirs: theirs[keyPath: keyPath], field: "providers.\(id).\(name)", path: path)
    }
    try field(\.name, "name")
    try field(\.style, "style")
    try field(\.isBuiltIn, "isBuiltIn")
    try field(\.needsKey, "needsKey")
    try field(\.keys, "keys")
    try field(\.url, "url")
    try field(\.modelsURL, "modelsURL")
    try field(\.apiVersion, "apiVersion")
    try field(\.models, "models")
    try field(\.enabled, "enabled")
    try field(\.headers, "headers")
    try field(\.proxy, "proxy")
    try field(\.timeout, "timeout")
    try field(\.anthropicURL, "anthropicURL")
    try field(\.newAPI, "newAPI")
    try field(\.notes, "notes")
    merged.rotationCursor = mergeCursor(
      base: base, mine: mine, theirs: theirs, mergedKeys: merged.keys)
    return merged
  }

  /// The rotation cursor: the side that moved it wins, mine when both did; then it
  /// is re-pointed at the same key in the merged list.
  private static func mergeCursor(
    base: Provider?, mine: Provider, theirs: Provider, mergedKeys: [String]
  ) -> Int? {
    let source: Provider
    if let base, mine.rotationCursor == base.rotationCursor, mine.keys == base.keys {
      source = theirs
    } else {
      source = mine
    }
    return repoint(cursor: source.rotationCursor, from: source.keys, to: mergedKeys)
  }

  /// The index in `new` of the key `cursor` points at in `old`, or `nil` when that
  /// key is gone (rotation then starts again from the first key).
  private static func repoint(cursor: Int?, from old: [String], to new: [String]) -> Int? {
    guard let cursor, old.indices.contains(cursor) else { return nil }
    if old == new { return cursor }
    return new.firstIndex(of: old[cursor])
  }

  /// The three-way rule for one value.
  private static func pick<Value: Equatable>(
    base: Value?, mine: Value, theirs: Value, field: String, path: String
  ) throws(StoreError) -> Value {
    if mine == theirs { return mine }
    if let base {
      if mine == base { return theirs }
      if theirs == base { return mine }
    }
    throw .conflict(path: path, field: field)
  }
}
