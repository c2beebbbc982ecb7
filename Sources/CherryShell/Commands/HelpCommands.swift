import CherryKit

/// `help`, `history`, `quit` / `exit`.
enum HelpCommands {
  static func help(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let word = invocation.argument(0) else {
      return Report.text(HelpText.overview(width: shell.out.width))
    }
    guard var spec = CommandTable.command(named: word) else {
      throw ErrorMessage.noHelp(word, suggestion: Suggestion.closestCommand(to: word))
    }
    var path = [spec]
    for sub in invocation.arguments.dropFirst() {
      guard let next = spec.subcommand(named: sub) else {
        throw ErrorMessage.unknownSubcommand(
          path, path.map(\.name), sub,
          suggestion: Suggestion.closest(to: sub, among: spec.subcommands.map(\.name)))
      }
      spec = next
      path.append(next)
    }
    return Report.text(HelpText.detail(path, width: shell.out.width))
  }

  static func history(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    // At the prompt, the line editor's history (earlier runs too, keys masked);
    // elsewhere the lines of this run. The `history` line itself was recorded last.
    let lines = (shell.historyProvider?() ?? shell.lineHistory.map(KeyMask.maskLine)).dropLast()
    let width = String(lines.count).count
    return Report.text(
      lines.enumerated().map { offset, line in
        let number = String(offset + 1)
        return String(repeating: " ", count: width - number.count) + number + "  " + line
      })
  }

  static func quit(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    shell.quitRequested = true
    return Report.none
  }
}
