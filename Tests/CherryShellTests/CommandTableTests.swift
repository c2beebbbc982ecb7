import Testing

@testable import CherryShell

struct CommandTableTests {
  /// Every command of DESIGN §2.2's table.
  static let designCommands = [
    "providers", "use", "show", "provider", "key", "token", "url", "models-url", "api-version",
    "explain", "manage", "+", "-", "models", "model", "header", "proxy", "timeout", "test", "check",
    "enable", "disable", "ask", "save", "session", "dump", "source", "set", "pause", "help",
    "history",
    "quit", "exit",
  ]

  @Test(arguments: designCommands)
  func everyDesignCommandIsInTheTable(_ name: String) {
    #expect(CommandTable.spec(named: name) != nil)
  }

  @Test func namesAndAliasesAreUnique() {
    let names = CommandTable.all.flatMap(\.allNames)
    #expect(Set(names).count == names.count)
  }

  @Test func helpListsEveryCommand() {
    let text = HelpText.overview().joined(separator: "\n")
    for spec in CommandTable.all {
      #expect(text.contains("  " + spec.name), "help does not list \(spec.name)")
    }
  }

  @Test func everyCommandHasItsText() {
    for spec in CommandTable.all {
      #expect(!spec.synopsis.isEmpty && !spec.abstract.isEmpty, "\(spec.name) lacks text")
      #expect(
        spec.synopsis.hasPrefix(spec.name), "\(spec.name)'s synopsis starts with another word")
    }
  }

  @Test func argumentKindsFollowSubcommands() {
    let set = CommandTable.spec(named: "set")
    #expect(set?.argumentKind(at: 0, positionals: []) != nil)
    #expect(set?.argumentKind(at: 1, positionals: ["echo"]) == .values(["on", "off"]))
    #expect(set?.argumentKind(at: 1, positionals: ["on_error"]) == .values(["stop", "continue"]))
    let model = CommandTable.spec(named: "model")
    #expect(model?.argumentKind(at: 0, positionals: []) == .addedModelID)
    #expect(model?.argumentKind(at: 2, positionals: ["m", "kinds"]) == .kindChange)
    #expect(model?.argumentKind(at: 3, positionals: ["m", "kinds", "+vision"]) == .kindChange)
  }
}
