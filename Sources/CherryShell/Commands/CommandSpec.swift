/// What a command needs before it can run (aichat's `AssertState`).
enum StateRequirement: Sendable {
  /// Runs in any state.
  case none
  /// Acts on the selected provider: refused when none is selected.
  case selectedProvider
}

/// What a command's argument is, for Tab completion (argument-parser's `CompletionKind`).
indirect enum ArgumentKind: Equatable, Sendable {
  /// A command name (`help <command>`).
  case command
  /// One of fixed subcommands, each with its own arguments.
  case subcommands([Subcommand])
  /// A provider id or name.
  case providerID
  /// A model id from the last listing or the added models.
  case modelID
  /// An added model of the selected provider.
  case addedModelID
  /// An API style.
  case style
  /// A kind change: `+vision`, `-tools`.
  case kindChange
  /// A kind name.
  case kind
  /// A file path.
  case file
  /// One of fixed words.
  case values([String])
  /// Free text: nothing to complete.
  case text
}

/// A subcommand and the arguments that follow it.
struct Subcommand: Equatable, Sendable {
  /// The word.
  let name: String
  /// Its arguments; the last one repeats.
  let arguments: [ArgumentKind]

  init(_ name: String, _ arguments: [ArgumentKind] = []) {
    self.name = name
    self.arguments = arguments
  }
}

/// A `--name [value]` option of a command.
struct OptionSpec: Equatable, Sendable {
  /// The option, with its dashes.
  let name: String
  /// The kind of its value, or `nil` for a flag.
  let value: ArgumentKind?

  init(_ name: String, _ value: ArgumentKind? = nil) {
    self.name = name
    self.value = value
  }
}

/// One command as the table declares it: the single source for dispatch, help,
/// completion and "did you mean" (notes/style.md rule 7).
struct CommandSpec: Sendable {
  /// Runs the command.
  typealias Handler = @Sendable (Shell, Invocation) async throws -> Void

  /// The name users type.
  let name: String
  /// Other names (`token` for `key`).
  let aliases: [String]
  /// `name <arg> [--opt V]`.
  let synopsis: String
  /// One imperative line for `help`.
  let abstract: String
  /// What `help <name>` adds below the synopsis.
  let help: String
  /// The state it needs.
  let requirement: StateRequirement
  /// Positional argument kinds; the last one repeats.
  let arguments: [ArgumentKind]
  /// The options it takes.
  let options: [OptionSpec]
  /// Stop reading options at the first positional word (`ask` takes free text).
  let optionsBeforeText: Bool
  /// What it does.
  let handler: Handler

  init(
    _ name: String, aliases: [String] = [], synopsis: String, abstract: String, help: String = "",
    requirement: StateRequirement = .none, arguments: [ArgumentKind] = [],
    options: [OptionSpec] = [], optionsBeforeText: Bool = false, handler: @escaping Handler
  ) {
    self.name = name
    self.aliases = aliases
    self.synopsis = synopsis
    self.abstract = abstract
    self.help = help
    self.requirement = requirement
    self.arguments = arguments
    self.options = options
    self.optionsBeforeText = optionsBeforeText
    self.handler = handler
  }

  /// The name and the aliases.
  var allNames: [String] { [name] + aliases }

  /// The kind of the positional argument at `index` (0-based), following
  /// subcommands given by the earlier positionals.
  func argumentKind(at index: Int, positionals: [String]) -> ArgumentKind? {
    var kinds = arguments
    var start = 0  // where `kinds` begins among the positionals
    descend: while !kinds.isEmpty {
      let local = index - start
      for j in 0..<min(local, kinds.count) {
        guard case .subcommands(let subs) = kinds[j], start + j < positionals.count else {
          continue
        }
        guard let sub = subs.first(where: { $0.name == positionals[start + j] }) else { return nil }
        kinds = sub.arguments
        start += j + 1
        continue descend
      }
      return kinds[min(local, kinds.count - 1)]
    }
    return nil
  }
}

/// A parsed command line: the spec, its positionals and options.
struct Invocation: Sendable {
  /// The command word as typed (maybe an alias).
  let word: String
  /// The command.
  let spec: CommandSpec
  /// The positional arguments.
  var positionals: [String]
  /// Option values by name (`""` for a flag).
  var options: [String: String]
  /// The line as written (before expansion), for messages.
  let line: String

  /// Whether a flag was given.
  func flag(_ name: String) -> Bool { options[name] != nil }
}
