import Glibc

/// A failed system call's error number, with the system's words for it.
///
/// The primitives of ``SystemCall`` throw it instead of leaving the caller to read
/// `errno`, which any later call (even a `String` allocation) may overwrite.
package struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The `errno` value, such as `EACCES`.
  package var code: Int32

  /// Wraps an error number.
  ///
  /// - Parameter code: An `errno` value.
  package init(code: Int32) {
    self.code = code
  }

  /// The error of the system call that just failed: `errno`, read at once.
  package static var current: SystemError {
    SystemError(code: errno)
  }

  /// The system's text for the error, such as "Permission denied".
  package var description: String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
