import CherrySystem
import Glibc

/// Writes straight to the terminal, after flushing what Swift's `print` buffered,
/// so prompts and newlines come out in order.
enum TerminalOutput {
  /// The terminal the editor draws on: standard output when it is one, else
  /// standard error, else `/dev/tty` — so with stdout piped (`cherry | tee log`)
  /// the prompt and editing stay on the screen and the pipe gets only data
  /// (sqlite3's rule); `-1` when there is no terminal.
  static let descriptor: Int32 = {
    if isatty(STDOUT_FILENO) != 0 { return STDOUT_FILENO }
    if isatty(STDERR_FILENO) != 0 { return STDERR_FILENO }
    return open("/dev/tty", O_WRONLY | O_CLOEXEC)
  }()

  /// Writes `text` to the terminal.
  ///
  /// - Parameter text: The text, written as UTF-8.
  static func write(_ text: String) {
    fflush(nil)
    try? SystemCall.writeAll(descriptor, text)
  }
}
