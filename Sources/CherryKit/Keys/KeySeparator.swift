/// The characters that a key list refuses (DESIGN §1.1): everything that is not the
/// ASCII comma but is typed, pasted or shown as if it were one, or hides in a paste.
///
/// They are refused, not accepted, because the seed insists on the English comma,
/// and because silently splitting on them would hide a paste that went wrong.
/// Three classes, each tested on Unicode scalars (never on `Character`, whose
/// canonical equivalence makes U+037E GREEK QUESTION MARK equal to `;`):
/// - comma and semicolon look-alikes, from a list, since Unicode has no property
///   for "looks like a comma";
/// - every separator by Unicode's general category (Zs, Zl, Zp) except the ASCII
///   space, which is trimmed around keys;
/// - every invisible character: the format category (Cf) and every
///   default-ignorable code point (U+034F, U+115F, variation selectors, …).
enum KeySeparator {
  /// How a refused scalar is corrected.
  enum Refusal: Equatable {
    /// A comma or semicolon look-alike: it becomes `,`.
    case lookAlike
    /// A Unicode separator (an unusual space, a line or paragraph separator): it
    /// becomes `,` between two keys, a plain space next to a comma or an end.
    case separator
    /// An invisible character: it is removed.
    case invisible
  }

  /// The look-alikes with the names people know them by.
  static let lookAlikes: [UInt32: String] = [
    0x003B: "semicolon",
    0x037E: "Greek question mark",
    0x055D: "Armenian comma",
    0x060C: "Arabic comma",
    0x060D: "Arabic date separator",
    0x061B: "Arabic semicolon",
    0x066B: "Arabic decimal separator",
    0x066C: "Arabic thousands separator",
    0x07F8: "NKo comma",
    0x1363: "Ethiopic comma",
    0x1364: "Ethiopic semicolon",
    0x1802: "Mongolian comma",
    0x1808: "Mongolian Manchu comma",
    0x201A: "single low-9 quotation mark",
    0x204F: "reversed semicolon",
    0x2E32: "turned comma",
    0x2E34: "raised comma",
    0x2E41: "reversed comma",
    0x2E4C: "medieval comma",
    0x3001: "ideographic comma",
    0x3002: "ideographic full stop",
    0xA4FE: "Lisu punctuation comma",
    0xA60D: "Vai comma",
    0xFE10: "vertical comma",
    0xFE11: "vertical ideographic comma",
    0xFE14: "vertical semicolon",
    0xFE50: "small comma",
    0xFE51: "small ideographic comma",
    0xFE52: "small full stop",
    0xFE54: "small semicolon",
    0xFF0C: "full-width comma",
    0xFF1B: "full-width semicolon",
    0xFF61: "halfwidth ideographic full stop",
    0xFF64: "halfwidth ideographic comma",
  ]

  /// Whether a scalar is refused in a key list, and how it is corrected.
  ///
  /// - Parameter scalar: One scalar of the list text.
  /// - Returns: The class, or `nil` for a scalar keys may hold (or whitespace).
  static func refusal(of scalar: Unicode.Scalar) -> Refusal? {
    // ASCII other than ";" is never refused, which keeps the common case to one test.
    if scalar.isASCII { return scalar == ";" ? .lookAlike : nil }
    if lookAlikes[scalar.value] != nil { return .lookAlike }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .separator
    case .format: return .invisible
    default: return properties.isDefaultIgnorableCodePoint ? .invisible : nil
    }
  }

  /// The name and code point shown to the user.
  ///
  /// For example `full-width comma U+FF0C`, `no-break space U+00A0`.
  ///
  /// - Parameter scalar: A refused scalar.
  /// - Returns: The look-alike's usual name, else Unicode's name in lower case.
  static func name(of scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let name =
      lookAlikes[scalar.value] ?? scalar.properties.name?.lowercased()
      ?? scalar.properties.nameAlias?.lowercased() ?? "unnamed character"
    return name + " " + code
  }

  /// Whether a scalar ends an element of a comma list when lines are masked:
  /// `,` and every look-alike.
  ///
  /// Used by ``KeyScanner`` to split comma lists without decoding more than the
  /// rare non-ASCII scalar.
  ///
  /// - Parameter scalar: A Unicode scalar.
  /// - Returns: `true` for `,`, `;` and every look-alike.
  static func isListSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "," || scalar == ";" || lookAlikes[scalar.value] != nil
  }
}
