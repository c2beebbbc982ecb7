/// What ``SessionStore/load()`` found: the session, and what the user should be told
/// about the file it came from.
public struct LoadedSession: Sendable {
  /// The session read (or migrated), or a fresh one when there was no file.
  public var session: Session
  /// Whether the file existed; `false` means ``session`` is the catalogue's fresh session.
  public var existed: Bool
  /// Things to tell the user that do not stop loading, one line each (for example a
  /// file that others can read, since it holds API keys).
  public var warnings: [String]
  /// The older schema version the file was migrated from, or `nil`.
  ///
  /// Set when the file's version was below ``Session/currentVersion`` and the session
  /// was migrated in memory; the file itself is only rewritten by the next save.
  public var migratedFrom: Int?

  /// Creates a load result.
  ///
  /// - Parameters:
  ///   - session: The session.
  ///   - existed: Whether the file existed.
  ///   - warnings: Lines to show the user.
  ///   - migratedFrom: The older version the file was migrated from, if any.
  public init(session: Session, existed: Bool, warnings: [String] = [], migratedFrom: Int? = nil) {
    self.session = session
    self.existed = existed
    self.warnings = warnings
    self.migratedFrom = migratedFrom
  }
}
