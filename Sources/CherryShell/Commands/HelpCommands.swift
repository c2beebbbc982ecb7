import CherryKit

/// `help`, `history`, `quit` / `exit`.
enum HelpCommands {
  static func help(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(1)
    guard let word = invocation.positionals.first else {
      for line in HelpText.overview() { shell.out.line(line) }
      return
    }
    guard let spec = CommandTable.spec(named: word) else {
      throw ErrorMessage.noHelp(word, suggestion: Suggestion.closestCommand(to: word))
    }
    for line in HelpText.detail(spec) { shell.out.line(line) }
  }

  static func history(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    // At the prompt, the line editor's history (earlier runs too, keys masked);
    // elsewhere the lines of this run. The `history` line itself was recorded last.
    let lines = (shell.historyProvider?() ?? shell.lineHistory.map(KeyMask.maskLine)).dropLast()
    let width = String(lines.count).count
    for (offset, line) in lines.enumerated() {
      let number = String(offset + 1)
      shell.out.line(String(repeating: " ", count: width - number.count) + number + "  " + line)
    }
  }

  static func quit(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    shell.quitRequested = true
  }
}

/// The text of `help`, built from the command table.
enum HelpText {
  /// Every command: its synopsis padded, then its abstract.
  static func overview() -> [String] {
    var lines = ["commands (help <command> for more):"]
    let width = min(40, CommandTable.all.map { TextTable.width(overviewName($0)) }.max() ?? 0)
    for spec in CommandTable.all {
      lines.append("  " + overviewName(spec).padding(width + 2) + spec.abstract)
    }
    lines.append("")
    lines.append(
      "words: 'single' and \"double\" quotes; $VAR from the environment; # starts a comment")
    return lines
  }

  private static func overviewName(_ spec: CommandSpec) -> String {
    ([spec.name] + spec.aliases).joined(separator: ", ")
  }

  /// One command: synopsis, abstract, help, aliases.
  static func detail(_ spec: CommandSpec) -> [String] {
    var lines = ["usage: " + spec.synopsis, "", spec.abstract + "."]
    if !spec.help.isEmpty { lines += ["", spec.help] }
    if !spec.aliases.isEmpty { lines += ["", "also: " + spec.aliases.joined(separator: ", ")] }
    if spec.requirement == .selectedProvider {
      lines += ["", "acts on the selected provider (use <provider>)."]
    }
    return lines
  }
}
