import CherrySystem
import Glibc

/// The files `import` and `export` write themselves: the copy of the session made
/// before an import changes it, and an export's `--output` file.
enum InteropFiles {
  /// Copies the session file to `<file>.bak` (mode 0600: it holds keys), replacing
  /// an older copy.
  ///
  /// - Parameter path: The session file.
  /// - Returns: The copy's path, or `nil` when there is no session file yet.
  /// - Throws: ``ShellError`` when it cannot be read or the copy written.
  static func backUp(_ path: String) throws(ShellError) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { return nil }
      throw ErrorMessage.cannotRead(path, reason: FileText.reason(errno))
    }
    let bytes: [UInt8]
    do throws(SystemError) {
      // No limit of its own: the store refused a larger session when it loaded it.
      bytes = try SystemCall.readAll(fd, limit: .max) ?? []
    } catch {
      close(fd)
      throw ErrorMessage.cannotRead(path, reason: FileText.reason(error.code))
    }
    close(fd)
    let copy = path + ".bak"
    try write(bytes, to: copy, mode: 0o600, purpose: "the copy of the session")
    return copy
  }

  /// Writes a file, creating or truncating it, with exactly the given mode (set
  /// before any byte is written, so a key is never readable by others).
  ///
  /// - Parameters:
  ///   - bytes: The contents.
  ///   - path: The file.
  ///   - mode: Its permissions.
  ///   - purpose: What the file is, for the error.
  /// - Throws: ``ShellError`` naming the file and the system's reason.
  static func write(_ bytes: [UInt8], to path: String, mode: mode_t, purpose: String)
    throws(ShellError)
  {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0, fchmod(fd, mode) == 0 else {
      let reason = FileText.reason(errno)
      if fd >= 0 { close(fd) }
      throw ShellError(
        "cannot write \(purpose) \(path): \(reason)", fix: ["check the folder and its permissions"])
    }
    do throws(SystemError) {
      try SystemCall.writeAll(fd, bytes)
    } catch {
      close(fd)
      throw ShellError("cannot write \(purpose) \(path): \(FileText.reason(error.code))")
    }
    guard fsync(fd) == 0 || errno == EINVAL, close(fd) == 0 else {
      throw ShellError("cannot write \(purpose) \(path): \(FileText.reason(errno))")
    }
  }
}
