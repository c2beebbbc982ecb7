/// What one call to ``LineEditor/readLine(prompt:)`` produced.
public enum LineEditorInput: Equatable, Sendable {
  /// The user pressed Enter; the text without its newline.
  case line(String)
  /// The user pressed Ctrl-C: the line was dropped and the shell goes on.
  case interrupted
  /// The user pressed Ctrl-D on an empty line, or the input ended.
  case endOfFile
}
