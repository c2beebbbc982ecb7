/// Usage lines generated from the table, so they can never disagree with what
/// the parser accepts.
enum Synopsis {
  /// Every form of the last command of a path, one per line: its own form (when
  /// it runs without a subcommand), then each subcommand's forms.
  ///
  /// - Parameters:
  ///   - path: The commands walked, from the command word.
  ///   - names: The words that named them.
  /// - Returns: Lines such as `key rm <N>` and `key list`.
  static func forms(_ path: [CommandSpec], names: [String]) -> [String] {
    var prefix: [String] = []
    for (spec, name) in zip(path.dropLast(), names) {
      prefix.append(name)
      prefix += spec.leading.map(\.synopsis)
    }
    guard let last = path.last else { return [] }
    return forms(
      of: last, named: names.last ?? last.name, after: prefix,
      inheriting: path.dropLast().flatMap(\.options))
  }

  /// Every form of one command, each prefixed with the words before it.
  ///
  /// - Parameters:
  ///   - spec: The command.
  ///   - name: The word that named it, when not its own name (an alias).
  ///   - prefix: The words before it.
  ///   - inherited: The options of the commands above it, which the parser
  ///     accepts after any of their subcommands (`import cherry-studio <path>
  ///     --dry-run`).
  /// - Returns: Its own form (when it runs), then each subcommand's forms.
  static func forms(
    of spec: CommandSpec, named name: String? = nil, after prefix: [String] = [],
    inheriting inherited: [OptionSpec] = []
  ) -> [String] {
    let head = prefix + [name ?? spec.name] + spec.leading.map(\.synopsis)
    let accepted = inherited + spec.options
    var lines: [String] = []
    if spec.handler != nil {
      let options = accepted.map(\.usage)
      let arguments = spec.arguments.map(\.synopsis)
      // Options go where they may be typed: before free text that ends them.
      let words =
        spec.optionsEndAtFirstArgument ? head + options + arguments : head + arguments + options
      lines.append(words.joined(separator: " "))
    }
    for sub in spec.subcommands {
      lines += forms(of: sub, after: head, inheriting: accepted)
    }
    return lines
  }

  /// All forms on one line, separated by ` | ` (the `help` overview).
  static func line(of spec: CommandSpec) -> String {
    forms(of: spec).joined(separator: " | ")
  }
}
