/// Why the session file could not be loaded or saved (DESIGN §2.1: the shell exits
/// with status 3 for every case).
///
/// Every case names the file, so that the message alone tells the user which file
/// is in trouble; none of them is ever raised after the file was changed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file exists but cannot be read (permissions, a directory in its place…).
  case unreadable(path: String, reason: String)
  /// The file was read but is not a session (bad JSON, a missing or mistyped field);
  /// `reason` names the place (line and column, or the field path) and the fault.
  case corrupt(path: String, reason: String)
  /// The file was written by a newer cherry, whose format this one does not know.
  case newerVersion(path: String, found: Int, supported: Int)
  /// Another cherry changed `field` (`providers.<id>.<field>` or `selected`) of the
  /// file while this one changed it too; nothing was written.
  case conflict(path: String, field: String)
  /// The new file could not be written; the old one is untouched.
  case cannotWrite(path: String, reason: String)
  /// The lock next to the file could not be taken in time.
  case cannotLock(path: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .unreadable(let path, _), .corrupt(let path, _), .newerVersion(let path, _, _),
      .conflict(let path, _), .cannotWrite(let path, _), .cannotLock(let path, _):
      return path
    }
  }

  /// The message for the user: the first line says what went wrong, the second
  /// (when there is one) what to do about it.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read the session file \(path): \(reason)\n"
        + "it was left as it is; fix it or pick another file with --session FILE"
    case .corrupt(let path, let reason):
      return "the session file \(path) is damaged: \(reason)\n"
        + "it was left as it is; repair it or move it away to start afresh"
    case .newerVersion(let path, let found, let supported):
      return "the session file \(path) was written by a newer cherry "
        + "(version \(found); this one reads up to \(supported))\n"
        + "upgrade cherry, or pick another file with --session FILE"
    case .conflict(let path, let field):
      return "not saved: another cherry changed \(field) in \(path) meanwhile\n"
        + "nothing was written: the file keeps the other cherry's value"
    case .cannotWrite(let path, let reason):
      return "cannot write the session file \(path): \(reason)\n"
        + "the file on disk was left as it was"
    case .cannotLock(let path, let reason):
      return "cannot lock the session file \(path): \(reason)\n"
        + "another cherry may be saving it; try again"
    }
  }
}
