/// The text of `help`, made from the command table and wrapped to the width.
enum HelpText {
  /// Every command: its name, then its abstract, wrapped.
  static func overview(width: Int) -> [String] {
    var lines = ["commands (help <command> for more):"]
    let names = CommandTable.all.map { $0.allNames.joined(separator: ", ") }
    let column = min(16, names.map(TextTable.width).max() ?? 0) + 4
    for (spec, name) in zip(CommandTable.all, names) {
      lines += TextWrap.hanging(
        name, spec.abstract, column: column, width: width, indent: "  ")
    }
    lines.append("")
    lines += TextWrap.wrap(
      "words: 'single' and \"double\" quotes; $VAR from the environment; # starts a comment;"
        + " every command takes --json and --help",
      width: width)
    return lines
  }

  /// One command or subcommand: usage, abstract, discussion, subcommands,
  /// arguments' fixed words, options, aliases, examples.
  static func detail(_ path: [CommandSpec], width: Int) -> [String] {
    guard let spec = path.last else { return [] }
    let names = path.map(\.name)
    let forms = Synopsis.forms(path, names: names)
    var lines = forms.enumerated().map { ($0.offset == 0 ? "usage: " : "       ") + $0.element }
    lines.append("")
    lines += TextWrap.wrap(spec.abstract + ".", width: width)
    if !spec.discussion.isEmpty {
      lines.append("")
      lines += TextWrap.wrap(spec.discussion, width: width)
    }
    if !spec.subcommands.isEmpty {
      lines += ["", "subcommands:"]
      for sub in spec.subcommands {
        lines += TextWrap.hanging(sub.name, sub.abstract, column: 14, width: width, indent: "  ")
      }
    }
    let choices = (spec.leading + spec.arguments).flatMap(\.choices).filter { !$0.help.isEmpty }
    if !choices.isEmpty {
      lines += ["", "words:"]
      for choice in choices {
        lines += TextWrap.hanging(
          choice.word, choice.help, column: 14, width: width, indent: "  ")
      }
    }
    let options = path.flatMap(\.options)
    if !options.isEmpty {
      lines += ["", "options:"]
      for option in options {
        let help = option.help + (option.defaultText.map { " (default: \($0))" } ?? "")
        lines += TextWrap.hanging(
          option.helpName, help, column: 22, width: width, indent: "  ")
      }
    }
    if !spec.aliases.isEmpty { lines += ["", "also: " + spec.aliases.joined(separator: ", ")] }
    if path.contains(where: { $0.requirement == .selectedProvider }) {
      lines += ["", "acts on the selected provider (use <provider>)."]
    }
    if !spec.examples.isEmpty {
      lines += ["", "examples:"] + spec.examples.map { "  " + $0 }
    }
    return lines
  }
}
