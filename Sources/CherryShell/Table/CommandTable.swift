/// Every command of the shell, in the order `help` lists them (DESIGN §2.2).
///
/// This one table, down to the last subcommand, option and fixed word, drives
/// dispatch (``CommandParser``), usage lines (``Synopsis``), `help`, Tab
/// completion and "did you mean"; nothing else switches on their names
/// (DESIGN §3). The declarations are grouped by family in the
/// `CommandTable+<Family>.swift` files; the handlers are in `Commands/`.
enum CommandTable {
  /// The commands.
  static let all: [CommandSpec] =
    providers + keys + urls + providerExtras + teaching + models + requestSettings + checks
    + sessionCommands + interop + scripts + teachers + usual

  /// Every name and alias → its index in ``all``.
  private static let index: [String: Int] = {
    var index: [String: Int] = [:]
    for (position, spec) in all.enumerated() {
      for name in spec.allNames { index[name] = position }
    }
    return index
  }()

  /// The command with this name or alias.
  ///
  /// - Parameter name: The word typed.
  /// - Returns: The command, or `nil`.
  static func command(named name: String) -> CommandSpec? {
    index[name].map { all[$0] }
  }
}
