/// The three-way merge a save does under the lock (DESIGN §2.4): `base` is the
/// session as this shell loaded (or last saved) it, `mine` is what this shell holds
/// now, `theirs` is what the file holds now (another cherry may have saved since).
///
/// The merge works field by field, so two shells that change different fields —
/// of one provider or of different providers — never lose each other's changes:
/// - For each stored field: if mine equals base, take theirs; if theirs equals
///   base, take mine; if both changed it to the same value, take it; otherwise it
///   is a conflict (``SessionConflict``): theirs is kept, since it is already in the
///   file and nothing may be silently overwritten, and the conflict is reported.
/// - The one exception is ``Provider/rotationCursor``: it moves on every request, so
///   two shells rotating keys of one provider would otherwise conflict on every
///   save. It only says which key to use next, so losing one move costs at most one
///   key used twice in a row: when both moved it, mine wins. The cursor is then
///   re-pointed at the same key in the merged key list (or dropped when that key is
///   gone), since the other shell may have edited the list.
/// - A provider added on either side is kept. A provider removed on one side is
///   removed, unless the other side changed it, which is a conflict on
///   `providers.<id>` (theirs kept: removed when they removed it, their version when
///   mine removed it). Two sides adding the same id are merged field by field.
/// - Order: theirs' order (the file's), then the providers only mine added, in
///   mine's order. cherry has no command that reorders providers, so the only order
///   changes are additions, and the file's order is the one other shells show.
/// - `selected` is only the default selection of shells yet to start: each running
///   shell has its own. It never conflicts: the last shell that changed it wins
///   (mine when mine changed it, else theirs), falling back to theirs, then to none,
///   when the provider it names is gone from the result.
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

  /// A merged session and the conflicts resolved in theirs' favour.
  public struct Result: Equatable, Sendable {
    /// The merged session, at ``Session/currentVersion``, as the file should hold it.
    public var session: Session
    /// The fields both sides changed differently, in file order; ``session`` has
    /// theirs' value for each.
    public var conflicts: [SessionConflict]
  }

  /// Merges two changed versions of a session against their common ancestor.
  ///
  /// - Parameters:
  ///   - base: The session both sides started from.
  ///   - mine: This shell's session.
  ///   - theirs: The session on disk now.
  /// - Returns: The merged session and the conflicts (theirs kept for each).
  public static func merge(base: Session, mine: Session, theirs: Session) -> Result {
    var conflicts: [SessionConflict] = []
    var providers: [Provider] = []
    // Theirs' order first, then mine's additions.
    var order = theirs.providers.map(\.id)
    let inTheirs = Set(order)
    for provider in mine.providers where !inTheirs.contains(provider.id) {
      order.append(provider.id)
    }
    for id in order {
      let merged = mergeProvider(
        id: id, base: base.provider(id), mine: mine.provider(id), theirs: theirs.provider(id),
        conflicts: &conflicts)
      if let merged {
        providers.append(merged)
      }
    }
    let present = Set(providers.map(\.id))
    let selected: String?
    if mine.selected != base.selected, mine.selected.map(present.contains) ?? true {
      selected = mine.selected
    } else {
      selected = theirs.selected.flatMap { present.contains($0) ? $0 : nil }
    }
    var result = Session(providers: providers, selected: selected)
    result.version = Session.currentVersion
    return Result(session: result, conflicts: conflicts)
  }

  /// One provider's merge; `nil` when the provider is gone from the result.
  private static func mergeProvider(
    id: String, base: Provider?, mine: Provider?, theirs: Provider?,
    conflicts: inout [SessionConflict]
  ) -> Provider? {
    switch (mine, theirs) {
    case (nil, nil):
      return nil
    case (let mine?, nil):
      // Theirs removed it (when base had it) or mine added it (when base did not).
      guard let base else { return mine }
      if mine != base {
        conflicts.append(SessionConflict(providerID: id, field: nil, mine: mine, theirs: nil))
      }
      return nil
    case (nil, let theirs?):
      guard let base else { return theirs }
      if theirs == base { return nil }
      conflicts.append(SessionConflict(providerID: id, field: nil, mine: nil, theirs: theirs))
      return theirs
    case (let mine?, let theirs?):
      return mergeFields(id: id, base: base, mine: mine, theirs: theirs, conflicts: &conflicts)
    }
  }

  /// The field-by-field merge of a provider both sides have; `base` is `nil` when
  /// both added it, and then every field that differs is a conflict.
  private static func mergeFields(
    id: String, base: Provider?, mine: Provider, theirs: Provider,
    conflicts: inout [SessionConflict]
  ) -> Provider {
    if mine == theirs { return mine }
    if let base, mine == base { return theirs }
    if let base, theirs == base { return mine }
    var merged = theirs
    var refused: [String] = []
    func field<Value: Equatable>(_ keyPath: WritableKeyPath<Provider, Value>, _ name: String) {
      let value = pick(
        base: base.map { $0[keyPath: keyPath] }, mine: mine[keyPath: keyPath],
        theirs: theirs[keyPath: keyPath])
      if let value {
        merged[keyPath: keyPath] = value
      } else {
        refused.append(name)
      }
    }
    field(\.name, "name")
    field(\.style, "style")
    field(\.isBuiltIn, "isBuiltIn")
    field(\.needsKey, "needsKey")
    field(\.keys, "keys")
    field(\.url, "url")
    field(\.modelsURL, "modelsURL")
    field(\.apiVersion, "apiVersion")
    field(\.models, "models")
    field(\.enabled, "enabled")
    field(\.headers, "headers")
    field(\.proxy, "proxy")
    field(\.timeout, "timeout")
    field(\.anthropicURL, "anthropicURL")
    field(\.newAPI, "newAPI")
    field(\.notes, "notes")
    merged.rotationCursor = mergeCursor(
      base: base, mine: mine, theirs: theirs, mergedKeys: merged.keys)
    for name in refused {
      conflicts.append(SessionConflict(providerID: id, field: name, mine: mine, theirs: merged))
    }
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
    return KeyRotation.remap(cursor: source.rotationCursor, from: source.keys, to: mergedKeys)
  }

  /// The three-way rule for one value; `nil` when both sides changed it differently.
  private static func pick<Value: Equatable>(base: Value?, mine: Value, theirs: Value) -> Value? {
    if mine == theirs { return mine }
    if let base {
      if mine == base { return theirs }
      if theirs == base { return mine }
    }
    return nil
  }
}
