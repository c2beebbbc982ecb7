/// Why the session file could not be loaded or saved.
///
/// The shell exits with status 3 for every case but ``invalidPath(path:reason:)``,
/// a bad `--session` argument, which is status 2 (DESIGN §2.1). Every case names the
/// file, so that the message alone tells the user which file is in trouble; none of
/// them is ever raised after the file was changed.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The path cannot name a session file (it is empty, or names a folder); nothing
  /// was read or created.
  case invalidPath(path: String, reason: String)
  /// The file exists but cannot be read (permissions, a directory in its place…).
  case unreadable(path: String, reason: String)
  /// The file was read but is not a session at all (not JSON, not an object);
  /// `reason` names the place (line and column) and the fault.
  case corrupt(path: String, reason: String)
  /// A value in the file cannot be used: the wrong type, a missing field, or out
  /// of range (`"timeout": 1e300`). `field` is where it is, as
  /// `providers.<id>.<field>`, `version` or `selected`.
  case invalidValue(path: String, field: String, problem: String)
  /// The file was written by a newer cherry, whose format this one does not know.
  case newerVersion(path: String, found: Int, supported: Int)
  /// Another cherry changed these fields (`providers.<id>.<field>` or
  /// `providers.<id>`) of the file while this one changed them too; nothing was
  /// written (see ``ConflictPolicy/refuse``).
  case conflict(path: String, fields: [String])
  /// The new file could not be written; the old one is untouched.
  case cannotWrite(path: String, reason: String)
  /// The lock next to the file could not be taken in time.
  case cannotLock(path: String, reason: String)

  /// The file the error is about.
  public var path: String {
    switch self {
    case .invalidPath(let path, _), .unreadable(let path, _), .corrupt(let path, _),
      .invalidValue(let path, _, _), .newerVersion(let path, _, _), .conflict(let path, _),
      .cannotWrite(let path, _), .cannotLock(let path, _):
      return path
    }
  }

  /// What went wrong, in one line that names the file.
  public var what: String {
    switch self {
    case .invalidPath(let path, let reason):
      return "\"\(path)\" cannot be a session file: \(reason)"
    case .unreadable(let path, let reason):
      return "cannot read the session file \(path): \(reason)"
    case .corrupt(let path, let reason):
      return "the session file \(path) is damaged: \(reason)"
    case .invalidValue(let path, let field, let problem):
      return "the session file \(path) has an unusable value at \(field): \(problem)"
    case .newerVersion(let path, let found, let supported):
      return "the session file \(path) was written by a newer cherry "
        + "(version \(found); this one reads up to \(supported))"
    case .conflict(let path, let fields):
      return "not saved: another cherry changed \(fields.joined(separator: ", ")) "
        + "in \(path) meanwhile"
    case .cannotWrite(let path, let reason):
      return "cannot write the session file \(path): \(reason)"
    case .cannotLock(let path, let reason):
      return "cannot lock the session file \(path): \(reason)"
    }
  }

  /// How to get past it, in one line.
  public var fix: String {
    switch self {
    case .invalidPath:
      return "give a file name with --session FILE, or leave --session out to use "
        + "$CHERRY_HOME/session.json"
    case .unreadable:
      return "it was left as it is; fix it or pick another file with --session FILE"
    case .corrupt:
      return "it was left as it is; repair it or move it away to start afresh"
    case .invalidValue(_, let field, _):
      return "it was left as it is; correct or remove \(field) in the file, "
        + "or pick another file with --session FILE"
    case .newerVersion:
      return "upgrade cherry, or pick another file with --session FILE"
    case .conflict:
      return "nothing was written: the file keeps the other cherry's value"
    case .cannotWrite:
      return "the file on disk was left as it was"
    case .cannotLock:
      return "another cherry may be saving it; try again"
    }
  }

  /// ``what`` and ``fix`` on two lines.
  public var description: String {
    what + "\n" + fix
  }
}
