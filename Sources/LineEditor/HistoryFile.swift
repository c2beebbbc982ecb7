import CEditLine
import CLibEdit
import FoundationEssentials
import Glibc

/// The persistent history: libedit's in-memory list, loaded from and written back
/// to one file.
///
/// The file is libedit's own format (`_HiStOrY_V2_`, then one vis(3)-encoded entry
/// a line). It is rewritten whole after every accepted line, so a crash loses
/// nothing, through a temporary file renamed into place, so a crash during the
/// write cannot truncate it, and it is only ever created with mode 0600: lines may
/// hold masked keys and provider names that are nobody else's business.
struct HistoryFile {
  /// Where the history lives; `nil` keeps it in memory only.
  let path: String?
  /// The most entries kept; older ones are dropped.
  let limit: Int

  /// Caps the in-memory list, then loads the file when there is one.
  ///
  /// A missing or unreadable file starts an empty history: losing recall is not worth failing
  /// the shell over.
  func load() {
    stifle_history(Int32(clamping: max(limit, 1)))
    guard let path, access(path, R_OK) == 0 else { return }
    _ = read_history(path)
  }

  /// Adds one accepted line.
  ///
  /// Trailing whitespace is trimmed (a Tab completion leaves a space, which would
  /// be stored as `\040`), and empty lines or a repeat of the newest entry are
  /// skipped.
  ///
  /// - Parameter line: The line, already masked by the caller.
  /// - Returns: Whether an entry was added.
  func add(_ line: String) -> Bool {
    let trimmed = String(line.reversed().drop(while: \.isWhitespace).reversed())
    guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else { return false }
    if let last = cel_last_history_line(), String(cString: last) == trimmed {
      return false
    }
    return add_history(trimmed) == 0
  }

  /// Writes the whole history to the file, mode 0600.
  ///
  /// - Throws: ``LineEditorError/cannotWriteHistory(path:reason:)``.
  func save() throws(LineEditorError) {
    guard let path else { return }
    let directory = Self.directory(of: path)
    if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        throw .cannotWriteHistory(path: path, reason: "cannot create \(directory): \(error)")
      }
    }
    let temporary = "\(path).tmp-\(getpid())"
    // Create the temporary file 0600 first: write_history's fopen("w") keeps the
    // mode of an existing file, so the entries are never readable by others.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotWriteHistory(path: path, reason: Self.describe(errno))
    }
    _ = fchmod(descriptor, 0o600)
    close(descriptor)
    let status = write_history(temporary)
    guard status == 0 else {
      unlink(temporary)
      throw .cannotWriteHistory(path: path, reason: Self.describe(status > 0 ? status : EIO))
    }
    guard rename(temporary, path) == 0 else {
      let reason = Self.describe(errno)
      unlink(temporary)
      throw .cannotWriteHistory(path: path, reason: reason)
    }
  }

  /// The text of an errno value.
  private static func describe(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// Everything before the last `/`: "" when there is none, "/" for a file at the root.
  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }
}
