/// Why a key list, or one key of it, was refused (DESIGN §1.1); nothing is changed.
///
/// Entries and positions are 1-based, as the user counts them. No case holds a key
/// in clear: ``wrongSeparator(character:name:position:corrected:)`` holds the
/// corrected list text, which ``description`` masks with ``KeyMask/maskLine(_:)``.
public enum KeyListError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The list has no key at all.
  case empty
  /// A separator other than the ASCII comma was used. `character` is the first one
  /// found, `name` its Unicode name and code point (`full-width comma U+FF0C`),
  /// `position` its 1-based character index in the list text, and `corrected` the
  /// list text with every such separator replaced by `,` (unmasked: mask it to show).
  case wrongSeparator(character: Character, name: String, position: Int, corrected: String)
  /// Entry `entry` has whitespace inside the key.
  case innerWhitespace(entry: Int)
  /// Entry `entry` holds a control or invisible formatting character.
  case controlCharacter(entry: Int)
  /// Entry `entry` contains `****`: a masked key copied from the screen or history.
  case maskedKey(entry: Int)
  /// Entry `entry` is `env:NAME` where `NAME` is not `[A-Za-z_][A-Za-z0-9_]*`.
  case badReference(entry: Int, name: String)
  /// An `env:NAME` key names a variable that is unset or empty at request time.
  case unsetVariable(name: String)

  /// The message for the user: what went wrong, then (when there is one) the fix.
  public var description: String {
    switch self {
    case .empty:
      return "no key given\nwrite keys separated by commas: key sk-a,sk-b"
    case .wrongSeparator(let character, let name, let position, let corrected):
      return "keys must be separated by the ASCII comma \",\", not the \(name) "
        + "\"\(character)\" at position \(position); nothing was changed\n"
        + "use: key \(KeyMask.maskLine(corrected))"
    case .innerWhitespace(let entry):
      return "key \(entry) has a space inside it; nothing was changed\n"
        + "separate keys with \",\"; a key itself has no spaces"
    case .controlCharacter(let entry):
      return "key \(entry) holds a control or invisible character; nothing was changed\n"
        + "paste the key again from its source"
    case .maskedKey(let entry):
      return "key \(entry) contains \"****\": it is a masked key, not the key itself; "
        + "nothing was changed\npaste the whole key from the provider's console"
    case .badReference(let entry, let name):
      return "key \(entry): \"\(name)\" is not a variable name; nothing was changed\n"
        + "write env:NAME with NAME made of letters, digits and _ (not starting with a digit)"
    case .unsetVariable(let name):
      return "the environment variable \(name) is not set (or is empty)\n"
        + "export \(name)=<key> before starting cherry, or enter the key itself"
    }
  }
}
