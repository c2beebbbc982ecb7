/// Reads a split command line by walking down the command table: the command,
/// its subcommands, options and arguments, each checked against its declaration
/// (DESIGN §3: the table owns every level).
///
/// Every argument error is built here from the table, so it names what the table
/// declares and shows the synopsis the table generates.
enum CommandParser {
  /// Reads one command line.
  ///
  /// - Parameters:
  ///   - words: The line's words (quotes removed, `$VAR` expanded); not empty.
  ///   - line: The line as written, for messages.
  /// - Returns: The invocation.
  /// - Throws: ``ShellError`` for an unknown command, subcommand or option, a
  ///   missing or extra argument, or a value of the wrong kind.
  static func parse(_ words: [String], line: String) throws(ShellError) -> Invocation {
    var words = words
    // `+gpt-4o` and `-gpt-4o` work without the space.
    if CommandTable.command(named: words[0]) == nil, words[0].count > 1,
      let first = words[0].first, first == "+" || (first == "-" && !words[0].hasPrefix("--"))
    {
      words.insert(String(words[0].dropFirst()), at: 1)
      words[0] = String(first)
    }
    guard let command = CommandTable.command(named: words[0]) else {
      throw ErrorMessage.unknownCommand(
        words[0], suggestion: Suggestion.closestCommand(to: words[0]))
    }
    var walk = Walk(command: command, word: words[0])
    var optionsDone = false
    var index = 1
    while index < words.count {
      let word = words[index]
      index += 1
      if !optionsDone, word == "--" {
        optionsDone = true
        continue
      }
      if !optionsDone, word.hasPrefix("--") && word.count > 2 || walk.isShortOption(word) {
        try walk.readOption(word, next: index < words.count ? words[index] : nil) {
          index += 1
        }
        continue
      }
      try walk.readPositional(word)
      if walk.current.optionsEndAtFirstArgument && !walk.arguments.isEmpty { optionsDone = true }
    }
    return try walk.finish(line: line)
  }

  /// The state of one walk down the table.
  private struct Walk {
    var path: [CommandSpec]
    var names: [String]
    var leading: [String] = []
    /// How many of the current command's leading arguments are filled.
    var leadingFilled = 0
    var arguments: [String] = []
    var options: [String: String] = [:]

    init(command: CommandSpec, word: String) {
      path = [command]
      names = [word]
    }

    var current: CommandSpec { path[path.count - 1] }

    /// Whether `word` is a one-letter option (`-o`) of the commands walked: only
    /// then is a word with one dash an option (`- gpt-4o`, `-tools` are words).
    func isShortOption(_ word: String) -> Bool {
      word.count == 2 && word.hasPrefix("-") && word != "--"
        && path.contains { $0.options.contains { $0.shortName == word } }
    }

    mutating func readOption(
      _ word: String, next: String?, consumeNext: () -> Void
    ) throws(ShellError) {
      var name = word
      var inline: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inline = String(word[word.index(after: equals)...])
      }
      guard let option = path.reversed().lazy.compactMap({ $0.option(named: name) }).first else {
        throw ErrorMessage.unknownOption(path, names, name)
      }
      // A one-letter form is stored under the option's name: handlers read that.
      guard option.takesValue else {
        if inline != nil { throw ErrorMessage.flagTakesNoValue(path, names, option) }
        options[option.name] = ""
        return
      }
      let value: String
      if let inline {
        value = inline
      } else if let next {
        value = next
        consumeNext()
      } else {
        throw ErrorMessage.optionNeedsValue(path, names, option)
      }
      if let expected = option.problem(value) {
        throw ErrorMessage.badOptionValue(path, names, option, value, expected: expected)
      }
      options[option.name] = value
    }

    mutating func readPositional(_ word: String) throws(ShellError) {
      if leadingFilled < current.leading.count {
        leading.append(word)
        leadingFilled += 1
        return
      }
      if arguments.isEmpty, !current.subcommands.isEmpty {
        if let sub = current.subcommand(named: word) {
          path.append(sub)
          names.append(word)
          leadingFilled = 0
          return
        }
        // A near miss of a subcommand is a typo, unless the command takes a value
        // of that shape itself (`key sk-…` is a key, `key lsit` a typo).
        let takesValue = current.arguments.first.map {
          $0.kind.looksLikeValue(word) || $0.isChoice(word)
        }
        if takesValue != true {
          let choices = current.subcommands.map(\.name)
          let suggestion = Suggestion.closest(to: word, among: choices)
          if current.handler == nil || (suggestion != nil && takesValue == false) {
            throw ErrorMessage.unknownSubcommand(path, names, word, suggestion: suggestion)
          }
        }
      }
      arguments.append(word)
    }

    func finish(line: String) throws(ShellError) -> Invocation {
      let spec = current
      guard spec.handler != nil else { throw ErrorMessage.missingSubcommand(path, names) }
      if leadingFilled < spec.leading.count {
        throw ErrorMessage.missingArgument(path, names, spec.leading[leadingFilled])
      }
      if let option = spec.options.first(where: { $0.isRequired && options[$0.name] == nil }) {
        throw ErrorMessage.missingOption(path, names, option)
      }
      try Self.check(arguments, against: spec.arguments, path: path, names: names)
      return Invocation(
        path: path, words: names, leading: leading, arguments: arguments, options: options,
        line: line)
    }

    /// Checks the words against the declared arguments: count and kind.
    private static func check(
      _ words: [String], against specs: [ArgumentSpec], path: [CommandSpec], names: [String]
    ) throws(ShellError) {
      var index = 0
      for spec in specs {
        if index >= words.count {
          guard spec.arity.isOptional else {
            throw ErrorMessage.missingArgument(path, names, spec)
          }
          return
        }
        let taken = spec.arity.isRepeating ? words[index...] : words[index...index]
        for word in taken where !spec.isChoice(word) {
          if spec.kind == .word {
            throw ErrorMessage.badArgument(
              path, names, spec, word,
              expected: spec.choices.map(\.word).joined(separator: " or "))
          }
          if let expected = spec.kind.problem(with: word) {
            let orChoices = spec.choices.map { " or \($0.word)" }.joined()
            throw ErrorMessage.badArgument(path, names, spec, word, expected: expected + orChoices)
          }
        }
        index += taken.count
      }
      if index < words.count {
        throw ErrorMessage.tooManyArguments(path, names, words[index])
      }
    }
  }
}
