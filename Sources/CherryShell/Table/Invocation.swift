/// A command line after the table has read it: the commands walked, the
/// arguments, and the options by their keys.
struct Invocation: Sendable {
  /// The command, then each subcommand walked (never empty).
  let path: [CommandSpec]
  /// The words that named them, as typed (`token` for `key`).
  let words: [String]
  /// The leading arguments of each command of the path, flattened (`model <id>`).
  let leading: [String]
  /// The arguments of the last command of the path.
  let arguments: [String]
  /// The line as written (before `$VAR` expansion), for messages.
  let line: String
  /// Option values by name; read through ``subscript(_:)`` and ``has(_:)``.
  private let options: [String: String]

  init(
    path: [CommandSpec], words: [String], leading: [String], arguments: [String],
    options: [String: String], line: String
  ) {
    self.path = path
    self.words = words
    self.leading = leading
    self.arguments = arguments
    self.options = options
    self.line = line
  }

  /// The command that runs.
  var spec: CommandSpec { path[path.count - 1] }

  /// How the command was named, as typed: `key add`, `token rm`.
  var name: String { words.joined(separator: " ") }

  /// An option's value, converted; `nil` when it was not given.
  subscript<Value>(_ key: OptionKey<Value>) -> Value? {
    options[key.spec.name].flatMap(key.convert)
  }

  /// Whether a flag was given.
  func has(_ flag: FlagKey) -> Bool {
    options[flag.spec.name] != nil
  }

  /// The argument at `index`, or `nil`.
  func argument(_ index: Int) -> String? {
    index < arguments.count ? arguments[index] : nil
  }

  /// The arguments from `index` on, joined with a space (free text, key lists).
  func text(from index: Int = 0) -> String {
    arguments.dropFirst(index).joined(separator: " ")
  }
}
