/// Why a key list, or one key of it, was refused (DESIGN §1.1); nothing is changed.
///
/// Entries and positions are 1-based, as the user counts them; positions count
/// Unicode scalars, so that an invisible character has a place of its own. No case
/// holds a key in clear: the cases with a `corrected` list hold the list text, which
/// ``fix`` masks with ``KeyMask/maskLine(_:)``.
public enum KeyListError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The list has no key at all.
  case empty
  /// A separator other than the ASCII comma was used: a comma or semicolon
  /// look-alike, or a character Unicode classes as a separator (other than the
  /// ASCII space). `character` is the first one found, `name` its name and code
  /// point (`full-width comma U+FF0C`), `position` its 1-based scalar index in the
  /// list text, and `corrected` the list with every refused character fixed
  /// (unmasked: mask it to show).
  case wrongSeparator(character: Unicode.Scalar, name: String, position: Int, corrected: String)
  /// The list holds an invisible character (a format character such as U+200B, or
  /// any default-ignorable one such as U+034F), named and placed as in
  /// ``wrongSeparator(character:name:position:corrected:)``; `corrected` is the
  /// list without it.
  case invisibleCharacter(
    character: Unicode.Scalar, name: String, position: Int, corrected: String)
  /// Entry `entry` has whitespace inside the key.
  case innerWhitespace(entry: Int)
  /// Entry `entry` holds a control character (an escape sequence, a NUL).
  case controlCharacter(entry: Int)
  /// Entry `entry` contains `****`: a masked key copied from the screen or history.
  case maskedKey(entry: Int)
  /// Entry `entry` ends with `\`, which only escapes a comma after it (`\,`); a key
  /// ending in a backslash is refused rather than silently kept.
  case trailingBackslash(entry: Int)
  /// Entry `entry` is `env:NAME` where `NAME` is not `[A-Za-z_][A-Za-z0-9_]*`.
  case badReference(entry: Int, name: String)
  /// An `env:NAME` key names a variable that is unset or empty at request time.
  case unsetVariable(name: String)

  /// What went wrong, in one line.
  public var what: String {
    switch self {
    case .empty:
      return "no key given"
    case .wrongSeparator(let character, let name, let position, _):
      return "keys must be separated by the ASCII comma \",\", not the \(name) "
        + "\"\(character)\" at position \(position); nothing was changed"
    case .invisibleCharacter(_, let name, let position, _):
      return "the list holds an invisible character, \(name), at position \(position); "
        + "nothing was changed"
    case .innerWhitespace(let entry):
      return "key \(entry) has a space inside it; nothing was changed"
    case .controlCharacter(let entry):
      return "key \(entry) holds a control character; nothing was changed"
    case .maskedKey(let entry):
      return "key \(entry) contains \"****\": it is a masked key, not the key itself; "
        + "nothing was changed"
    case .trailingBackslash(let entry):
      return "key \(entry) ends with \"\\\": a backslash only escapes a comma inside a "
        + "key (\"\\,\"); nothing was changed"
    case .badReference(let entry, let name):
      return "key \(entry): \"\(name)\" is not a variable name; nothing was changed"
    case .unsetVariable(let name):
      return "the environment variable \(name) is not set (or is empty)"
    }
  }

  /// How to fix it, in one line; for a refused character, the corrected command.
  public var fix: String {
    switch self {
    case .empty:
      return "write keys separated by commas: key sk-a,sk-b"
    case .wrongSeparator(_, _, _, let corrected), .invisibleCharacter(_, _, _, let corrected):
      return "use: key \(APIKeyList.masked(corrected))"
    case .innerWhitespace:
      return "separate keys with \",\"; a key itself has no spaces"
    case .controlCharacter:
      return "paste the key again from its source"
    case .maskedKey:
      return "paste the whole key from the provider's console"
    case .trailingBackslash:
      return "remove the final \"\\\" (write \"\\,\" for a comma that belongs to the key)"
    case .badReference:
      return "write env:NAME with NAME made of letters, digits and _ (not starting with a digit)"
    case .unsetVariable(let name):
      return "export \(name)=<key> before starting cherry, or enter the key itself"
    }
  }

  /// The message for the user: ``what``, a line break, then ``fix``.
  public var description: String { what + "\n" + fix }
}
