/// A failure of the line editor that the shell may report.
public enum LineEditorError: Error, Equatable, Sendable {
  /// The history file could not be written.
  case cannotWriteHistory(path: String, reason: String)
}
