import CherrySystem
import Glibc

/// Writes straight to the terminal, after flushing what Swift's `print` buffered,
/// so prompts and newlines come out in order.
enum TerminalOutput {
  /// Writes `text` to standard output.
  ///
  /// - Parameter text: The text, written as UTF-8.
  static func write(_ text: String) {
    fflush(nil)
    try? SystemCall.writeAll(STDOUT_FILENO, text)
  }
}
