import CherrySystem
import Glibc

/// What a ``LineSource`` gives back for one read.
public enum LineSourceInput: Equatable, Sendable {
  /// A line, without its line terminator.
  case line(String)
  /// The user pressed Ctrl-C: drop the line and read again.
  case interrupted
  /// No more input (end of file, or Ctrl-D at the prompt).
  case endOfFile
  /// The input breaks a limit (a line over 1 MiB, a script over 64 MiB): the reason.
  case refused(String)
}

/// Where the shell reads its lines from: the line editor at the prompt, a script
/// file, piped stdin, or a string in a test (DESIGN §3: CherryShell never imports
/// libedit, so a test can drive it with strings).
public protocol LineSource: AnyObject {
  /// Reads the next line.
  ///
  /// - Parameter prompt: The prompt to show; sources that are not a terminal ignore it.
  /// - Returns: The line, an interruption, or the end of the input.
  func nextLine(prompt: String) -> LineSourceInput
}

/// A ``LineSource`` over text held in memory: a script file read whole, piped
/// stdin, or a test's string.
///
/// Reading a whole file at once and splitting it is what keeps a 10,000-line
/// replay fast (DESIGN §5).
public final class StringLineSource: LineSource {
  private var lines: [Substring.UnicodeScalarView]
  private var index = 0

  /// Creates a source over the lines of `text` (`\n` or `\r\n` separated).
  ///
  /// - Parameter text: The whole input.
  public init(_ text: String) {
    // Split on scalars: "\r\n" is one Character, so a Character split would miss it.
    var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    // A final newline does not start one more (empty) line.
    if let last = lines.last, last.isEmpty { lines.removeLast() }
    self.lines = lines
  }

  /// Returns the next line, with a trailing `\r` removed, or the end of the input.
  ///
  /// - Parameter prompt: Ignored.
  /// - Returns: The next line or ``LineSourceInput/endOfFile``.
  public func nextLine(prompt: String) -> LineSourceInput {
    guard index < lines.count else { return .endOfFile }
    var line = lines[index]
    index += 1
    if line.last == "\r" { line = line.dropLast() }
    return .line(String(Substring(line)))
  }
}

/// A ``LineSource`` over a file descriptor (piped stdin): read in 64 KiB chunks
/// and split into lines as they arrive, so a long script streams and a `pause`
/// or an interactive pipe still works.
public final class FileDescriptorLineSource: LineSource {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private var total = 0
  private var lineNumber = 0

  /// Creates a source reading `fd` until end of file.
  ///
  /// - Parameter fd: The descriptor, e.g. `STDIN_FILENO`.
  public init(fd: Int32) {
    self.fd = fd
  }

  /// Returns the next line (without `\n` or `\r\n`), or the end of the input.
  ///
  /// - Parameter prompt: Ignored.
  /// - Returns: The next line or ``LineSourceInput/endOfFile``.
  public func nextLine(prompt: String) -> LineSourceInput {
    lineNumber += 1
    while true {
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")),
        newline - start <= FileText.maximumLine
      {
        var end = newline
        if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = newline + 1
        return .line(line)
      }
      if buffer.count - start > FileText.maximumLine {
        return .refused("line \(lineNumber) is longer than \(FileText.maximumLine >> 20) MiB")
      }
      if total > FileText.maximumScript {
        return .refused("the input holds more than \(FileText.maximumScript >> 20) MiB")
      }
      if atEnd {
        guard start < buffer.count else { return .endOfFile }
        var end = buffer.count
        if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = buffer.count
        return .line(line)
      }
      fill()
    }
  }

  private func fill() {
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let count = (try? chunk.withUnsafeMutableBytes { try SystemCall.read(fd, into: $0) }) ?? 0
    guard count > 0 else {
      atEnd = true
      return
    }
    buffer.append(contentsOf: chunk[0..<count])
    total += count
  }
}
