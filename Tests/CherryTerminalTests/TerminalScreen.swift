/// One capture of a tmux pane, scrollback included, read as cherry's prompts and
/// the lines between them.
struct TerminalScreen: CustomStringConvertible {
  /// A prompt line: `cherry> typed` or `cherry(provider)> typed`.
  struct Prompt: Equatable {
    /// The line's index in ``lines``.
    var line: Int
    /// The provider shown in the prompt, or `nil`.
    var provider: String?
    /// What follows the prompt, trailing spaces kept.
    var typed: String
  }

  /// The pane's lines, wrapped lines joined, trailing blank lines dropped.
  let lines: [String]

  /// Splits a capture into lines.
  init(capture: String) {
    var lines = capture.components(separatedBy: "\n")
    while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty {
      lines.removeLast()
    }
    self.lines = lines
  }

  var description: String { lines.joined(separator: "\n") }

  /// Every prompt line, oldest first.
  var prompts: [Prompt] {
    lines.enumerated().compactMap { index, line in Self.prompt(in: line, at: index) }
  }

  /// The newest prompt line, or `nil`.
  var lastPrompt: Prompt? { prompts.last }

  /// The lines after the newest prompt (a command's output, or what a reader printed).
  var afterLastPrompt: [String] {
    guard let last = lastPrompt else { return lines }
    return Array(lines[(last.line + 1)...])
  }

  /// Whether any line holds `text`.
  func contains(_ text: String) -> Bool {
    lines.contains { $0.contains(text) }
  }

  /// Reads a prompt line: "cherry", an optional "(provider)", then "> ".
  private static func prompt(in line: String, at index: Int) -> Prompt? {
    guard line.hasPrefix("cherry") else { return nil }
    var rest = Substring(line).dropFirst("cherry".count)
    var provider: String?
    if rest.first == "(" {
      guard let close = rest.firstIndex(of: ")") else { return nil }
      provider = String(rest[rest.index(after: rest.startIndex)..<close])
      rest = rest[rest.index(after: close)...]
    }
    guard rest.hasPrefix(">") else { return nil }
    rest = rest.dropFirst()
    if rest.isEmpty { return Prompt(line: index, provider: provider, typed: "") }
    guard rest.hasPrefix(" ") else { return nil }
    return Prompt(line: index, provider: provider, typed: String(rest.dropFirst()))
  }
}
