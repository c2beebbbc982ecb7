extension ManPage {
  /// The COMMANDS section: every command of the table, down to the last
  /// subcommand, with its forms, what it does, its arguments, fixed words,
  /// options and defaults, examples, and the schema of its `--json` document.
  static var commands: Section {
    var blocks: [Block] = [
      .paragraph([
        .text(
          "At the prompt, in a script and after -c, each line is one command. This list is made from the command table cherry reads its commands from, as help <command> at the prompt is. Every command also takes these options:"
        )
      ])
    ]
    blocks += Options.global.map(optionItem)
    blocks += CommandTable.all.map { part($0, prefix: []) }
    return Section(title: "COMMANDS", blocks: blocks)
  }

  /// One command or subcommand and, nested, its subcommands.
  ///
  /// - Parameters:
  ///   - spec: The command.
  ///   - prefix: The words before it (its parents' names and leading arguments).
  ///   - inherited: Its parents' options, which it accepts too.
  /// - Returns: A part titled with its names (a command) or its form (a subcommand).
  private static func part(
    _ spec: CommandSpec, prefix: [String], inherited: [OptionSpec] = []
  ) -> Block {
    let head = prefix + [spec.name] + spec.leading.map(\.synopsis)
    let forms = Synopsis.forms(of: spec, after: prefix, inheriting: inherited)
    var blocks: [Block] = []
    let title: [String]
    if prefix.isEmpty {
      title = spec.allNames
      blocks.append(.lines(forms))
    } else {
      title = [spec.handler == nil ? head.joined(separator: " ") : forms.first ?? spec.name]
    }
    blocks.append(.paragraph([.text(sentence(spec.abstract))]))
    if !spec.discussion.isEmpty { blocks.append(.paragraph([.text(spec.discussion)])) }
    if prefix.isEmpty {
      switch spec.requirement {
      case .none:
        break
      case .selectedProvider:
        blocks.append(
          .paragraph([
            .text("Acts on the selected provider ("), .literal("use <provider>"), .text(")."),
          ]))
      case .demo:
        blocks.append(.paragraph([.text("Only in "), .literal("cherry --demo"), .text(".")]))
      }
    }
    blocks += (spec.leading + spec.arguments).flatMap(argumentItems)
    blocks += spec.options.map(optionItem)
    if spec.handler != nil, spec.json != "empty" {
      blocks.append(
        .paragraph([
          .text("With "), .literal("--json"), .text(": "),
          .file("docs/json/\(spec.json).schema.json"), .text("."),
        ]))
    }
    if !spec.examples.isEmpty {
      blocks.append(.paragraph([.text("Examples:")]))
      blocks.append(.lines(spec.examples))
    }
    blocks += spec.subcommands.map { part($0, prefix: head, inherited: inherited + spec.options) }
    return .part(title: title, blocks: blocks)
  }

  /// An argument's items: what it is and what values it takes, then each fixed
  /// word that has something to say.
  private static func argumentItems(_ argument: ArgumentSpec) -> [Block] {
    var text: [String] = []
    // A word argument's values are its choices, already in the synopsis.
    if argument.kind != .word, argument.help != "<\(argument.name)>" {
      text.append(sentence(argument.help))
    }
    if argument.kind != .word, let values = argument.kind.problem(with: "") {
      text.append("Takes \(values).")
    }
    var items: [Block] = []
    if !text.isEmpty {
      items.append(.item(term: "<\(argument.name)>", text: [.text(text.joined(separator: " "))]))
    }
    for choice in argument.choices where !choice.help.isEmpty {
      items.append(.item(term: choice.word, text: [.text(sentence(choice.help))]))
    }
    return items
  }

  /// An option's item: what it does, the values it takes, its default.
  private static func optionItem(_ option: OptionSpec) -> Block {
    var text = [sentence(option.help)]
    if option.takesValue, let values = option.problem("") { text.append("Takes \(values).") }
    if let defaultText = option.defaultText { text.append("Default: \(defaultText).") }
    if option.isRequired { text.append("Required.") }
    return .item(term: option.synopsis, text: [.text(text.joined(separator: " "))])
  }

  /// A phrase as a sentence: capitalised, with a full stop.
  static func sentence(_ phrase: String) -> String {
    guard let first = phrase.first else { return phrase }
    let body = first.uppercased() + phrase.dropFirst()
    return body.hasSuffix(".") ? body : body + "."
  }
}
