/// What one word of a line is, as the table reads it.
enum WordRole: Sendable {
  /// The command word.
  case command
  /// A subcommand's name.
  case subcommand
  /// An option's name (with its value after `=`, when written so).
  case option(OptionSpec)
  /// An option's value, in the word after the option.
  case optionValue(OptionSpec)
  /// An argument of the command walked so far (leading or its own).
  case argument(ArgumentSpec)
  /// A word the table has no place for (one argument too many), or `--`.
  case other
}

/// Where the words of a line leave the walk down the table: the one walk that
/// completion (where the cursor is) and masking (which words are secrets) share
/// with what the parser does.
struct TablePosition {
  /// The commands walked.
  var path: [CommandSpec]
  /// How many leading arguments of the last command are filled.
  var leadingCount = 0
  /// The arguments given to the last command.
  var arguments: [String] = []
  /// An option still waiting for its value (the last finished word).
  var pendingOption: OptionSpec?
  /// Whether options have ended (`--`, or free text began).
  var optionsDone = false
  /// What each word after the command word was, in order.
  var roles: [WordRole] = []

  var spec: CommandSpec { path[path.count - 1] }

  /// Every option the walked commands take.
  var options: [OptionSpec] {
    path.reversed().flatMap(\.options) + Options.global
  }

  func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name || $0.shortName == name }
  }

  /// The argument a word at `index` of the last command's arguments fills.
  func argument(at index: Int) -> ArgumentSpec? {
    var slot = 0
    for argument in spec.arguments {
      if argument.arity.isRepeating || slot == index { return argument }
      slot += 1
    }
    return nil
  }

  /// Walks the words after the command word, as the parser would.
  static func walk(_ command: CommandSpec, words: [String]) -> TablePosition {
    var position = TablePosition(path: [command])
    for word in words {
      if let pending = position.pendingOption {
        position.pendingOption = nil
        position.roles.append(.optionValue(pending))
        continue
      }
      if !position.optionsDone, word == "--" {
        position.optionsDone = true
        position.roles.append(.other)
        continue
      }
      let isShort =
        word.count == 2 && word.hasPrefix("-") && word != "--"
        && position.path.contains { $0.options.contains { $0.shortName == word } }
      if !position.optionsDone, word.hasPrefix("--") || isShort {
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        let option = position.option(named: name)
        if let option, option.takesValue, !word.contains("=") {
          position.pendingOption = option
        }
        position.roles.append(option.map(WordRole.option) ?? .other)
        continue
      }
      let spec = position.spec
      if position.leadingCount < spec.leading.count {
        position.roles.append(.argument(spec.leading[position.leadingCount]))
        position.leadingCount += 1
      } else if position.arguments.isEmpty, let sub = spec.subcommand(named: word) {
        position.path.append(sub)
        position.leadingCount = 0
        position.roles.append(.subcommand)
      } else {
        position.roles.append(
          position.argument(at: position.arguments.count).map(WordRole.argument) ?? .other)
        position.arguments.append(word)
        if spec.optionsEndAtFirstArgument { position.optionsDone = true }
      }
    }
    return position
  }
}
