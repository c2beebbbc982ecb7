import CherrySystem
import Glibc

/// Reads one line with echo off, for keys typed at a bare `key`.
///
/// Only ECHO (and its variants) is switched off: the line discipline stays
/// canonical, so Backspace still works, and ISIG stays on, so Ctrl-C still sends
/// SIGINT, which ends the read. The saved settings are put back on every path out.
enum SecretReader {
  /// Prints `prompt`, reads a line without echoing it, prints the newline the
  /// user's Enter did not show.
  ///
  /// - Parameter prompt: Shown before reading.
  /// - Returns: The line without its newline; `nil` on Ctrl-C or end of input.
  static func read(prompt: String) -> String? {
    TerminalOutput.write(prompt)
    var saved = termios()
    let onTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if onTerminal {
      var silent = saved
      silent.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL)
      // TCSANOW, not TCSAFLUSH: a key pasted right after the command must not be lost.
      _ = tcsetattr(STDIN_FILENO, TCSANOW, &silent)
    }
    defer {
      if onTerminal {
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        TerminalOutput.write("\n")
      }
    }
    let (line, interrupted) = InterruptSignal.catching { readRawLine() }
    return interrupted ? nil : line
  }

  /// Reads bytes from standard input up to a newline, unbuffered, so nothing is
  /// left in a stdio buffer that libedit would not see.
  ///
  /// - Returns: The line; `nil` at end of input with nothing read, or on Ctrl-C.
  private static func readRawLine() -> String? {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      // Another signal (a window resize) is retried; Ctrl-C ends the read.
      let count = try? withUnsafeMutableBytes(of: &byte) { buffer in
        try SystemCall.read(STDIN_FILENO, into: buffer) { InterruptSignal.pending }
      }
      guard let count else { return nil }
      if count == 0 {
        if bytes.isEmpty { return nil }
        break
      }
      if byte == UInt8(ascii: "\n") { break }
      bytes.append(byte)
    }
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
