/// A script line that is narration: a comment, shown as prose by `--echo`.
enum Narration {
  /// The text of a comment line (`# Add the keys`), or `nil` for any other line.
  ///
  /// - Parameter line: The line as written.
  /// - Returns: The comment without its `#` and the space after it.
  static func text(of line: String) -> String? {
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    guard trimmed.first == "#" else { return nil }
    var text = trimmed.dropFirst()
    if text.first == " " { text = text.dropFirst() }
    return String(text)
  }
}

extension Shell {
  /// Shows a comment as narration (DESIGN §2.1 lessons): prose, visibly apart
  /// from the commands — italic when colours are on, behind `»` when they are not.
  func narrate(_ text: String) {
    if out.color {
      out.errorLine(out.paint(text, .italic))
    } else {
      out.errorLine("» " + text)
    }
  }

  /// Echoes a script line after the prompt, its secrets masked; with `--typing`
  /// on a terminal it is typed out a character at a time.
  func echo(_ line: String) {
    let shown = maskedLine(line)
    guard let speed = options.typingSpeed, speed > 0, let typeOut = options.typeOut else {
      out.errorLine(out.paint(prompt, .dim) + shown)
      return
    }
    out.sink.flush()
    typeOut(out.paint(prompt, .dim), 0)
    for character in shown { typeOut(String(character), 1 / speed) }
    typeOut("\n", 0)
  }

  /// `--step`: waits for Enter before a command; `false` when Ctrl-C (or the end
  /// of input) came instead.
  func waitForStep() -> Bool {
    guard options.isTerminal, let wait = options.waitForEnter else { return true }
    out.sink.write(out.paint("[Enter] runs it, Ctrl-C stops", .dim), to: .standardError)
    return wait()
  }
}
