/// Prepares a prompt for libedit.
enum PromptText {
  /// Brackets each ANSI escape sequence (a coloured provider name) with
  /// RL_PROMPT_START_IGNORE / RL_PROMPT_END_IGNORE (\u{1}, \u{2}), so libedit does
  /// not count its bytes as columns and the cursor lands where the text ends.
  ///
  /// - Parameter prompt: The prompt as the shell built it.
  /// - Returns: The prompt with its escape sequences marked.
  static func marked(_ prompt: String) -> String {
    guard prompt.unicodeScalars.contains("\u{1B}") else { return prompt }
    var result = String.UnicodeScalarView()
    var scalars = prompt.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      guard scalar == "\u{1B}" else {
        result.append(scalar)
        continue
      }
      result.append("\u{1}")
      result.append(scalar)
      // A CSI sequence runs to its final byte (@ to ~); anything else is ESC + one.
      if scalars.first == "[" {
        while let next = scalars.popFirst() {
          result.append(next)
          if next != "[", (0x40...0x7E).contains(next.value) { break }
        }
      } else if let next = scalars.popFirst() {
        result.append(next)
      }
      result.append("\u{2}")
    }
    return String(result)
  }
}
