import Glibc

/// Writes straight to the terminal, after flushing what Swift's `print` buffered,
/// so prompts and newlines come out in order.
enum TerminalOutput {
  /// Writes `text` to standard output.
  ///
  /// - Parameter text: The text, written as UTF-8.
  static func write(_ text: String) {
    fflush(nil)
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if written > 0 {
        bytes = bytes.dropFirst(written)
      } else if written < 0, errno == EINTR {
        continue
      } else {
        return
      }
    }
  }
}
