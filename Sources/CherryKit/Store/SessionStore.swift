public import FoundationEssentials

/// Loads and saves the session file (DESIGN §2.4).
///
/// A shell loads once, keeps the loaded session as its *base*, and passes both its
/// current session and that base to every ``save(_:base:onConflict:)``; the
/// session a save hands back is what the shell goes on with and the next base.
/// Saving takes a lock, re-reads the file, merges field by field (``SessionMerge``)
/// and replaces the file atomically (``AtomicFile``), so two shells on one file
/// never lose each other's changes, and a field both changed is never silently
/// overwritten. Fields this cherry does not know are kept (``UnknownFields``).
///
/// A file that cannot be read or decoded is never written over: every save re-reads
/// it first and stops at the same error.
public struct SessionStore: Sendable {
  /// The session file, as the user named it (errors name this path).
  public var path: String
  /// How long a save waits for another process's lock, in seconds.
  public var lockTimeout: Double
  /// Test-only observer of a save's stages; see ``SaveStage``.
  @_spi(Testing) public var observer: (@Sendable (SaveStage) -> Void)?

  /// Points of a save that the store's tests stop a probe process at.
  @_spi(Testing) public enum SaveStage: Sendable {
    /// The lock is held and nothing has been read yet.
    case locked
    /// Half of the new file's bytes are written (and flushed) to this temporary file;
    /// the session file itself is not touched yet.
    case halfWritten(temporaryPath: String)
  }

  /// Creates a store for a file; nothing is read until ``load()``.
  ///
  /// - Parameters:
  ///   - path: The session file.
  ///   - lockTimeout: The longest wait for the lock, in seconds; 5 by default.
  public init(path: String, lockTimeout: Double = 5) {
    self.path = path
    self.lockTimeout = lockTimeout
    self.observer = nil
  }

  /// Reads the session file.
  ///
  /// - Returns: The session (migrated when older); for a missing file, the
  ///   catalogue's fresh session with ``LoadedSession/existed`` `false`. Warnings say
  ///   when others can read or write the file, and name each value only a newer
  ///   rule refuses.
  /// - Throws: ``StoreError/invalidPath(path:reason:)`` (nothing is touched),
  ///   ``StoreError/unreadable(path:reason:)``, ``StoreError/corrupt(path:reason:)``,
  ///   ``StoreError/invalidValue(path:field:problem:)`` or
  ///   ``StoreError/newerVersion(path:found:supported:)``; the file is left as it is.
  public func load() throws(StoreError) -> LoadedSession {
    try SessionPath.check(path)
    guard let file = try read(SessionPath.target(of: path)) else {
      return LoadedSession(session: ProviderCatalogue.freshSession(), existed: false)
    }
    var loaded = try SessionMigration.decode(file.data, path: path)
    loaded.warnings = permissionWarnings(mode: file.mode) + loaded.warnings
    return loaded
  }

  /// Saves `session`, keeping what other processes saved since `base` was loaded.
  ///
  /// Under the lock: re-reads the file (a missing file counts as `base`), merges
  /// `base`, `session` and the file's session, and writes the result to a temporary
  /// file that is flushed and renamed into place with mode 0600. A symbolic link is
  /// written through to its target. Missing folders are created with mode 0700.
  /// When the merged session equals the file's, nothing is written (a file others
  /// can read is still rewritten with mode 0600).
  ///
  /// ``Session/selected`` is saved as the default selection for shells yet to
  /// start, and only when this shell changed it since `base`; the last shell that
  /// changed it wins, and it never conflicts.
  ///
  /// - Parameters:
  ///   - session: This process's session.
  ///   - base: The session this process last loaded or saved.
  ///   - onConflict: What to do with a field both changed: ``ConflictPolicy/refuse``
  ///     (a script) or ``ConflictPolicy/keepTheirs`` (the prompt).
  /// - Returns: The session to go on with (use it as the next `base` too), and the
  ///   fields where the other cherry's value was kept.
  /// - Throws: ``StoreError/conflict(path:fields:)`` under ``ConflictPolicy/refuse``
  ///   when another process changed a field this one changed too;
  ///   ``StoreError/cannotLock(path:reason:)``, ``StoreError/cannotWrite(path:reason:)``,
  ///   or any error of ``load()`` for the file on disk. The file on disk is unchanged
  ///   whenever an error is thrown.
  public func save(
    _ session: Session, base: Session, onConflict: ConflictPolicy
  ) throws(StoreError) -> SaveOutcome {
    try SessionPath.check(path)
    let target = try SessionPath.target(of: path)
    try AtomicFile.createParentDirectories(of: target, reportedPath: path)
    let lock = try FileLock.acquire(path: target, reportedPath: path, timeout: lockTimeout)
    defer { lock.release() }
    observer?(.locked)
    AtomicFile.removeLeftovers(of: target)

    let existing = try read(target)
    let theirs = try existing.map { file throws(StoreError) in
      try SessionMigration.decode(file.data, path: path)
    }
    let merge = SessionMerge.merge(
      base: base, mine: session, theirs: theirs?.session ?? base)
    if onConflict == .refuse, !merge.conflicts.isEmpty {
      throw .conflict(path: path, fields: merge.conflicts.map(\.place))
    }
    // Nothing to change leaves a hand-formatted file in its form; a file others
    // can read is still rewritten, with mode 0600.
    let unchanged = theirs.map { $0.migratedFrom == nil && $0.session == merge.session } ?? false
    if !unchanged || existing.map({ $0.mode & 0o777 != 0o600 }) == true {
      var data = try Self.encode(merge.session, path: path)
      if let existing, let theirs, theirs.migratedFrom == nil {
        data = try Self.keepingUnknownFields(
          of: existing.data, decoded: theirs.session, in: data, path: path)
      }
      try write(data, to: target)
    }
    var next = merge.session
    // The selection is this shell's own: another shell's `use` never changes it.
    next.selected = session.selected.flatMap { next.provider($0) == nil ? nil : $0 }
    return SaveOutcome(session: next, conflicts: merge.conflicts)
  }

  /// Replaces the (link-resolved) file, telling the test observer half-way.
  private func write(_ data: Data, to target: String) throws(StoreError) {
    let observer = self.observer
    try AtomicFile.write(
      data, to: target, reportedPath: path,
      halfWritten: observer.map { observe in { observe(.halfWritten(temporaryPath: $0)) } })
  }

  /// Saves `session`, refusing any field another process changed too; the form
  /// ``save(_:base:onConflict:)`` takes with ``ConflictPolicy/refuse``.
  ///
  /// - Parameters:
  ///   - session: This process's session.
  ///   - base: The session this process last loaded or saved.
  /// - Returns: ``SaveOutcome/session``.
  /// - Throws: What ``save(_:base:onConflict:)`` throws.
  public func save(_ session: Session, base: Session) throws(StoreError) -> Session {
    try save(session, base: base, onConflict: .refuse).session
  }

  /// The bytes a session is stored as: pretty-printed JSON with sorted keys (so a
  /// change shows as a small diff) and a final newline.
  ///
  /// - Parameters:
  ///   - session: The session.
  ///   - path: The file, named in errors.
  /// - Returns: The file's contents.
  /// - Throws: ``StoreError/cannotWrite(path:reason:)`` when a value has no JSON form
  ///   (such as a timeout that is not a number).
  public static func encode(_ session: Session, path: String) throws(StoreError) -> Data {
    try encode(value: session, path: path)
  }

  /// `data` (an encoded session) with the fields of the file's bytes `file` that
  /// this cherry does not know added back; `decoded` is `file`'s session.
  private static func keepingUnknownFields(
    of file: Data, decoded: Session, in data: Data, path: String
  ) throws(StoreError) -> Data {
    guard let fileTree = JSONValue.parse(file),
      let knownTree = JSONValue.parse(try encode(decoded, path: path)),
      let mergedTree = JSONValue.parse(data)
    else { return data }
    let kept = UnknownFields.keep(from: fileTree, known: knownTree, into: mergedTree)
    return kept == mergedTree ? data : try encode(value: kept, path: path)
  }

  private static func encode(value: some Encodable, path: String) throws(StoreError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(value)
      data.append(0x0A)
      return data
    } catch {
      throw .cannotWrite(path: path, reason: "the session cannot be encoded: \(error)")
    }
  }
}
