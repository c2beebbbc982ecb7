/// Percent-decoding of URL parts (`%40` → `@`), for the user and password of a proxy
/// URL and for the secret values of a URL, which must be known in both forms to be
/// masked wherever they show.
enum PercentDecoding {
  /// Decodes `%XX` escapes as UTF-8.
  ///
  /// - Parameter text: The text as it appears in a URL.
  /// - Returns: The decoded text, or `nil` when an escape is not two hexadecimal digits
  ///   or the bytes are not UTF-8.
  static func decode(_ text: some StringProtocol) -> String? {
    guard text.contains("%") else { return String(text) }
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "%") {
        guard index + 2 < bytes.count,
          let high = IPv4Literal.asciiHexDigit(bytes[index + 1]),
          let low = IPv4Literal.asciiHexDigit(bytes[index + 2])
        else { return nil }
        out.append(UInt8(high * 16 + low))
        index += 3
      } else {
        out.append(bytes[index])
        index += 1
      }
    }
    return String(validating: out, as: UTF8.self)
  }

  /// Encodes everything but unreserved characters (`A–Z a–z 0–9 - . _ ~`), as a query
  /// value is sent.
  ///
  /// - Parameter text: The text.
  /// - Returns: The encoded text.
  static func encode(_ text: some StringProtocol) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let digits = Array("0123456789ABCDEF".utf8)
        out.unicodeScalars.append("%")
        out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
        out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0xF)]))
      }
    }
    return out
  }
}
