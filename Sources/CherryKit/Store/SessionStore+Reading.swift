import CherrySystem
import FoundationEssentials
import Glibc

extension SessionStore {
  /// The largest session file read: a session is a few kilobytes, and reading a
  /// huge file whole would only exhaust memory.
  static let largestFile = 64 << 20

  /// The file's bytes and mode, or `nil` when it does not exist.
  ///
  /// - Parameter target: The file, links already followed.
  /// - Returns: The bytes and the `st_mode`, or `nil` for a missing file.
  /// - Throws: ``StoreError/unreadable(path:reason:)`` or ``StoreError/corrupt(path:reason:)``
  ///   for a file too large to be a session.
  func read(_ target: String) throws(StoreError) -> (data: Data, mode: mode_t)? {
    let fd: Int32
    do throws(SystemError) {
      // O_NONBLOCK: a FIFO in the file's place must not hang the shell.
      fd = try SystemCall.open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    } catch {
      if error.code == ENOENT { return nil }
      throw .unreadable(path: path, reason: SessionPath.reason(error))
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      throw .unreadable(path: path, reason: SystemError.current.description)
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder, not a file")
    default: throw .unreadable(path: path, reason: "it is not a regular file")
    }
    guard status.st_size <= Self.largestFile else {
      throw .corrupt(path: path, reason: "it is \(status.st_size) bytes, too large for a session")
    }
    let bytes: [UInt8]?
    do throws(SystemError) {
      bytes = try SystemCall.readAll(fd, limit: Self.largestFile)
    } catch {
      throw .unreadable(path: path, reason: error.description)
    }
    guard let bytes else { throw .corrupt(path: path, reason: "it is too large for a session") }
    return (Data(bytes), status.st_mode)
  }

  /// The session holds API keys: others being able to read (or change) it is
  /// worth a line, though not a refusal.
  func permissionWarnings(mode: mode_t) -> [String] {
    let shown = Self.octal(mode & 0o777)
    let fix = "run chmod 600 \(Self.shellQuoted(path))"
    if mode & 0o044 != 0 {
      return ["\(path) is readable by others (mode \(shown)); \(fix)"]
    }
    if mode & 0o022 != 0 {
      return ["\(path) is writable by others (mode \(shown)); \(fix)"]
    }
    return []
  }

  /// A mode as `ls` users know it, such as `0644`.
  private static func octal(_ mode: mode_t) -> String {
    let digits = String(UInt32(mode & 0o7777), radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// `path` as a shell word: quoted only when it needs it.
  private static func shellQuoted(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@%,~".contains($0) }
    if plain, !text.isEmpty { return text }
    return "'"
      + text.split(separator: "'", omittingEmptySubsequences: false)
      .joined(separator: "'\\''") + "'"
  }
}
