/// A `--name [value]` option as the table declares it: the single place its name,
/// value, default and help are written.
///
/// Handlers read options through an ``OptionKey`` or ``FlagKey`` that owns the
/// spec, never by their name.
struct OptionSpec: Sendable {
  /// The option with its dashes: `--kind`.
  let name: String
  /// The value's name in the synopsis (`<kind>`), or `nil` for a flag.
  let valueName: String?
  /// What the value is (completion and checks); ``ValueKind/text`` for a flag.
  let kind: ValueKind
  /// What it does, for `help`.
  let help: String
  /// What applies when it is not given, for `help`; `nil` when nothing to say.
  let defaultText: String?
  /// Whether a value converts; `nil` when it does, else what was expected.
  let problem: @Sendable (String) -> String?
  /// Whether the command refuses to run without it (`provider add --type`).
  var isRequired = false
  /// A one-letter form (`-o`), or `nil`.
  var shortName: String?
  /// The fixed words its value may be (`--for openai|anthropic`), for Tab and
  /// help; empty when the value is of ``kind``.
  var choices: [Choice] = []

  /// Whether the option takes a value.
  var takesValue: Bool { valueName != nil }

  /// The option as the synopsis writes it: `--kind <kind>`, `--for openai|anthropic`
  /// or `--json`.
  var synopsis: String {
    guard let valueName else { return name }
    if !choices.isEmpty { return name + " " + choices.map(\.word).joined(separator: "|") }
    return "\(name) <\(valueName)>"
  }

  /// The option in `help`, with its one-letter form: `-o, --output <file>`.
  var helpName: String {
    shortName.map { $0 + ", " + synopsis } ?? synopsis
  }

  /// The option in a usage line: bracketed unless required.
  var usage: String { isRequired ? synopsis : "[\(synopsis)]" }
}

/// A typed handle on an option that takes a value: the table lists its
/// ``spec``, and a handler reads the converted value with
/// `invocation[key]` — so an option's name is written once.
struct OptionKey<Value: Sendable>: Sendable {
  /// The option.
  var spec: OptionSpec
  /// Converts the typed word; `nil` when it does not convert (the parser has
  /// already refused such words, so handlers never see `nil` for a given option).
  let convert: @Sendable (String) -> Value?

  /// Declares an option.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - valueName: The value's name in the synopsis.
  ///   - kind: What the value is.
  ///   - help: What it does.
  ///   - defaultText: What applies without it.
  ///   - expected: What a value must be, for the error when it does not convert.
  ///   - required: Whether the command refuses to run without it.
  ///   - convert: Converts the typed word.
  init(
    _ name: String, value valueName: String, kind: ValueKind, help: String,
    default defaultText: String? = nil, expected: String, required: Bool = false,
    convert: @escaping @Sendable (String) -> Value?
  ) {
    self.convert = convert
    self.spec = OptionSpec(
      name: name, valueName: valueName, kind: kind, help: help, defaultText: defaultText,
      problem: { convert($0) == nil ? expected : nil }, isRequired: required)
  }
}

extension OptionKey where Value == String {
  /// Declares an option whose value is one of fixed words.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - valueName: The value's name for messages.
  ///   - choices: The words it takes.
  ///   - help: What it does.
  ///   - defaultText: What applies without it.
  init(
    _ name: String, value valueName: String, choices: [Choice], help: String,
    default defaultText: String? = nil
  ) {
    let words = choices.map(\.word)
    self.init(
      name, value: valueName, kind: .word, help: help, default: defaultText,
      expected: words.joined(separator: " or "), convert: { words.contains($0) ? $0 : nil })
    spec.choices = choices
  }

  /// Declares an option with a one-letter form (`-o`) whose value is any word of a kind.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - short: The one-letter form with its dash.
  ///   - valueName: The value's name in the synopsis.
  ///   - kind: What the value is.
  ///   - help: What it does.
  init(_ name: String, short: String, value valueName: String, kind: ValueKind, help: String) {
    self.init(name, value: valueName, kind: kind, help: help)
    spec.shortName = short
  }

  /// Declares an option whose value is any word of a kind.
  ///
  /// - Parameters:
  ///   - name: The option with its dashes.
  ///   - valueName: The value's name in the synopsis.
  ///   - kind: What the value is.
  ///   - help: What it does.
  ///   - defaultText: What applies without it.
  init(
    _ name: String, value valueName: String, kind: ValueKind, help: String,
    default defaultText: String? = nil
  ) {
    self.init(
      name, value: valueName, kind: kind, help: help, default: defaultText,
      expected: kind.problem(with: "") ?? valueName,
      convert: { kind.problem(with: $0) == nil ? $0 : nil })
  }
}

/// A typed handle on a flag (an option without a value).
struct FlagKey: Sendable {
  /// The flag.
  let spec: OptionSpec

  /// Declares a flag.
  ///
  /// - Parameters:
  ///   - name: The flag with its dashes.
  ///   - help: What it does.
  init(_ name: String, help: String) {
    spec = OptionSpec(
      name: name, valueName: nil, kind: .text, help: help, defaultText: nil, problem: { _ in nil })
  }
}
