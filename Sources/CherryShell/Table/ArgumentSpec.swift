/// A positional argument as the table declares it: its name in the synopsis, its
/// kind, how many words it takes, and the fixed words it also accepts (`off`).
struct ArgumentSpec: Sendable, Equatable {
  /// How many words an argument takes.
  enum Arity: Sendable, Equatable {
    /// Exactly one.
    case one
    /// None or one.
    case optional
    /// One or more (the rest of the words).
    case many
    /// None or more (the rest of the words).
    case optionalMany

    /// Whether the argument may be left out.
    var isOptional: Bool { self == .optional || self == .optionalMany }
    /// Whether it takes the rest of the words.
    var isRepeating: Bool { self == .many || self == .optionalMany }
  }

  /// The name shown in the synopsis: `<name>`.
  let name: String
  /// What the word is.
  let kind: ValueKind
  /// How many words it takes.
  let arity: Arity
  /// Fixed words accepted instead of a value of the kind (`off`), each with what
  /// it means.
  let choices: [Choice]
  /// What it is, as a phrase for messages: "the provider to use".
  let help: String
  /// Whether the value is a secret (a header value), masked wherever the line is
  /// shown or kept; words of kind ``ValueKind/keys`` always are.
  let isSecret: Bool

  /// Declares an argument.
  ///
  /// - Parameters:
  ///   - name: Its name in the synopsis.
  ///   - kind: What the word is.
  ///   - arity: How many words.
  ///   - choices: Fixed words accepted too.
  ///   - help: What it is, as a phrase for messages; `<name>` when empty.
  ///   - secret: Whether the value is a secret.
  init(
    _ name: String, _ kind: ValueKind, _ arity: Arity = .one, choices: [Choice] = [],
    help: String = "", secret: Bool = false
  ) {
    self.isSecret = secret || kind == .keys
    self.name = name
    self.kind = kind
    self.arity = arity
    self.choices = choices
    self.help = help.isEmpty ? "<\(name)>" : help
  }

  /// The argument as the synopsis writes it: `<url>|off`, `[<model>]`, `<keys>…`.
  var synopsis: String {
    var text: String
    if kind == .word {
      text = choices.map(\.word).joined(separator: "|")
    } else {
      text = "<\(name)>" + choices.map { "|" + $0.word }.joined()
    }
    if arity.isRepeating { text += "…" }
    return arity.isOptional ? "[\(text)]" : text
  }

  /// Whether `word` is one of the fixed words.
  func isChoice(_ word: String) -> Bool {
    choices.contains { $0.word == word }
  }
}

/// A fixed word an argument accepts, such as `off` or `on`.
struct Choice: Sendable, Equatable {
  /// The word.
  let word: String
  /// What it does, for `help`.
  let help: String

  /// Declares a word.
  ///
  /// - Parameters:
  ///   - word: The word.
  ///   - help: What it does.
  init(_ word: String, _ help: String = "") {
    self.word = word
    self.help = help
  }
}
