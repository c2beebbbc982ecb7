import CherrySystem
import Glibc

/// Reads script files whole (one `read` loop, no Foundation), with errors that name
/// the file and the reason.
///
/// Bounded (DESIGN §2.4): a script is a regular file or a pipe of at most
/// ``maximumScript`` bytes, each line at most ``maximumLine``, so `source /dev/zero`
/// is an error, not 4 GB of memory.
enum FileText {
  /// The most a script may hold.
  static let maximumScript = 64 << 20
  /// The longest line a script may hold.
  static let maximumLine = 1 << 20

  /// Reads a file as UTF-8 text.
  ///
  /// - Parameters:
  ///   - path: The path (`~/` expanded).
  ///   - environment: Where `HOME` comes from.
  /// - Returns: The text.
  /// - Throws: ``ShellError`` naming the file and the system's reason.
  static func read(_ path: String, environment: [String: String]) throws(ShellError) -> String {
    let expanded = expandTilde(path, environment: environment)
    let fd = open(expanded, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw ErrorMessage.cannotRead(path, reason: reason(errno)) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      throw ErrorMessage.cannotRead(path, reason: reason(errno))
    }
    let type = status.st_mode & S_IFMT
    guard type == S_IFREG || type == S_IFIFO else { throw ErrorMessage.notAScriptFile(path) }
    // Opened without blocking so a FIFO with no writer cannot hang the open; reads block.
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    let read: [UInt8]?
    do {
      read = try SystemCall.readAll(fd, limit: maximumScript)
    } catch {
      throw ErrorMessage.cannotRead(path, reason: error.description.lowercased())
    }
    guard let bytes = read else { throw ErrorMessage.scriptTooLarge(path, limit: maximumScript) }
    try checkLines(bytes, path: path)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Refuses a line longer than ``maximumLine``, naming it.
  private static func checkLines(_ bytes: [UInt8], path: String) throws(ShellError) {
    guard bytes.count > maximumLine else { return }
    var start = 0
    var number = 1
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      if index - start > maximumLine {
        throw ErrorMessage.lineTooLong("\(path):\(number)", limit: maximumLine)
      }
      start = index + 1
      number += 1
    }
    if bytes.count - start > maximumLine {
      throw ErrorMessage.lineTooLong("\(path):\(number)", limit: maximumLine)
    }
  }

  /// Whether a file exists.
  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// `~/x` → `$HOME/x`.
  static func expandTilde(_ path: String, environment: [String: String]) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else {
      return path
    }
    return home + path.dropFirst()
  }

  /// The system's text for an `errno`.
  static func reason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text).lowercased()
  }
}

extension FileText {
  /// The entries of a folder, sub-folders with a trailing `/`; empty when unreadable.
  static func list(_ folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      let isFolder = entry.pointee.d_type == UInt8(DT_DIR)
      names.append(isFolder ? name + "/" : name)
    }
    return names
  }
}
