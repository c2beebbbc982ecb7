/// What a command needs before it can run (aichat's `AssertState`).
enum StateRequirement: Sendable {
  /// Runs in any state.
  case none
  /// Acts on the selected provider: refused when none is selected.
  case selectedProvider
  /// Drives the demo server: only in `cherry --demo`.
  case demo
}

/// When a subcommand is offered by Tab: some only make sense in some states
/// (`url reset` on a built-in provider).
enum Availability: Sendable {
  /// Always.
  case always
  /// When the selected provider has a built-in URL to go back to.
  case providerWithDefaultURL
  /// In `cherry --demo`.
  case demo
}

/// One command, or one subcommand, as the table declares it: the single source
/// for dispatch, synopsis, `help`, Tab completion, "did you mean" and argument
/// errors (DESIGN §3; notes/style.md rule 7).
///
/// A command's words are, in order: its ``leading`` arguments, then either one of
/// its ``subcommands`` (which goes on the same way) or its own ``arguments``.
/// Options may come anywhere after the command word, up to `--`.
struct CommandSpec: Sendable {
  /// Runs the command and returns what it produced.
  typealias Handler = @Sendable (Shell, Invocation) async throws -> any CommandReport

  /// The name users type.
  let name: String
  /// Other names (`token` for `key`).
  let aliases: [String]
  /// One imperative line for `help`.
  let abstract: String
  /// What `help <name>` adds below the synopsis.
  let discussion: String
  /// The state it needs.
  let requirement: StateRequirement
  /// When Tab offers it.
  let availability: Availability
  /// Arguments before a subcommand (`model <id> kinds …`).
  let leading: [ArgumentSpec]
  /// Its subcommands.
  let subcommands: [CommandSpec]
  /// Its own arguments, when no subcommand is given.
  let arguments: [ArgumentSpec]
  /// The options it takes (besides the global ones).
  let options: [OptionSpec]
  /// Options end at the first argument (`ask` takes free text, dashes and all).
  let optionsEndAtFirstArgument: Bool
  /// Examples for `help`, each a whole line.
  let examples: [String]
  /// The schema of its `--json` document: `docs/json/<json>.schema.json`.
  let json: String
  /// What it does; `nil` when a subcommand must be given.
  let handler: Handler?

  /// Declares a command.
  init(
    _ name: String, aliases: [String] = [], abstract: String, discussion: String = "",
    requirement: StateRequirement = .none, availability: Availability = .always,
    leading: [ArgumentSpec] = [], subcommands: [CommandSpec] = [], arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [], optionsEndAtFirstArgument: Bool = false, examples: [String] = [],
    json: String = "empty", handler: Handler?
  ) {
    self.name = name
    self.aliases = aliases
    self.abstract = abstract
    self.discussion = discussion
    self.requirement = requirement
    self.availability = availability
    self.leading = leading
    self.subcommands = subcommands
    self.arguments = arguments
    self.options = options
    self.optionsEndAtFirstArgument = optionsEndAtFirstArgument
    self.examples = examples
    self.json = json
    self.handler = handler
  }

  /// The name and the aliases.
  var allNames: [String] { [name] + aliases }

  /// The subcommand with this name or alias.
  func subcommand(named word: String) -> CommandSpec? {
    subcommands.first { $0.allNames.contains(word) }
  }

  /// The option with this name, among its own and the global ones.
  func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name } ?? Options.global.first { $0.name == name }
  }
}
