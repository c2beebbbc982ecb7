/// The characters people type between keys instead of the ASCII comma (DESIGN §1.1):
/// the commas of CJK and Arabic keyboards, and the semicolon.
///
/// They are refused, not accepted, because the seed insists on the English comma,
/// and because silently splitting on them would hide a paste that went wrong.
enum KeySeparator {
  /// The refused separators, each with its Unicode name and code point as shown
  /// to the user.
  static let wrong: [(character: Character, name: String)] = [
    ("\u{FF0C}", "full-width comma U+FF0C"),
    ("\u{3001}", "ideographic comma U+3001"),
    ("\u{FF64}", "halfwidth ideographic comma U+FF64"),
    ("\u{FE50}", "small comma U+FE50"),
    ("\u{060C}", "Arabic comma U+060C"),
    (";", "semicolon U+003B"),
    // A Chinese keyboard's semicolon; not in the design's list, but a key can no
    // more contain it than the others, and it is typed the same way.
    ("\u{FF1B}", "full-width semicolon U+FF1B"),
  ]

  /// The name of a refused separator, or `nil` when `character` is not one.
  ///
  /// - Parameter character: Any character of a key list.
  /// - Returns: Its name and code point, e.g. `full-width comma U+FF0C`.
  static func name(of character: Character) -> String? {
    // Every refused separator is one scalar; ASCII other than ";" is never one,
    // which keeps the common case to one comparison.
    guard let scalar = character.unicodeScalars.first,
      character.unicodeScalars.count == 1
    else { return nil }
    if scalar.isASCII && scalar != ";" { return nil }
    for entry in wrong where entry.character == character {
      return entry.name
    }
    return nil
  }

  /// Whether `byte` can start the UTF-8 encoding of a refused separator or is `;`.
  ///
  /// Used by ``KeyMask/maskLine(_:)`` to split comma lists without decoding.
  ///
  /// - Parameter scalar: A Unicode scalar.
  /// - Returns: `true` for `,` and every refused separator.
  static func isListSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2C, 0x3B, 0xFF0C, 0x3001, 0xFF64, 0xFE50, 0x060C, 0xFF1B: return true
    default: return false
    }
  }
}
