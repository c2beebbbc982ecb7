/// The ASCII bytes that cut a URL into its parts.
///
/// The URL parser (``URLParts``) and the secret finder (``URLSecrets``) look for them
/// in the UTF-8 bytes, as a browser looks for them among code points: one pass over
/// the text, and a delimiter followed by a combining mark is still a delimiter.
enum URLByte {
  static let slash = UInt8(ascii: "/")
  static let backslash = UInt8(ascii: "\\")
  static let question = UInt8(ascii: "?")
  static let hash = UInt8(ascii: "#")
  static let at = UInt8(ascii: "@")
  static let colon = UInt8(ascii: ":")
  static let ampersand = UInt8(ascii: "&")
  static let equals = UInt8(ascii: "=")

  /// Whether some text is a URL scheme: an ASCII letter, then ASCII letters, digits,
  /// `+`, `-` or `.`.
  static func isScheme(_ text: some Collection<UInt8>) -> Bool {
    func isLetter(_ byte: UInt8) -> Bool {
      (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    guard let first = text.first, isLetter(first) else { return false }
    return text.allSatisfy { byte in
      isLetter(byte) || (0x30...0x39).contains(byte) || "+-.".utf8.contains(byte)
    }
  }
}
