/// An IPv4 address read the way a browser reads a URL's host (the WHATWG URL
/// standard's IPv4 parser): one to four parts, each decimal, octal (a leading `0`) or
/// hexadecimal (`0x`), the last part filling the bytes left — so `2130706433`,
/// `0x7f000001`, `0177.1` and `127.1` are all 127.0.0.1.
///
/// The loopback classifier needs every form a browser accepts, and the URL rules refuse
/// any form but the plain dotted quad, so that what cherry connects to is never in
/// doubt (DESIGN §1.2).
public struct IPv4Literal: Equatable, Hashable, Sendable {
  /// The address as a 32-bit number, most significant byte first.
  public var value: UInt32

  /// Creates an address from its number.
  ///
  /// - Parameter value: The address, most significant byte first.
  public init(value: UInt32) {
    self.value = value
  }

  /// Reads a host as an IPv4 address, in any form a browser accepts; fails when the
  /// host is not one (a name, or a number a browser refuses, such as `256.0.0.1`).
  ///
  /// - Parameter host: A host name, without brackets or port.
  public init?(parsing host: some StringProtocol) {
    var parts = host.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
    guard (1...4).contains(parts.count) else { return nil }
    var numbers: [UInt64] = []
    for part in parts {
      guard let number = Self.number(part) else { return nil }
      numbers.append(number)
    }
    guard let last = numbers.popLast() else { return nil }
    guard numbers.allSatisfy({ $0 <= 255 }) else { return nil }
    let lastBytes = 4 - numbers.count
    guard last < (UInt64(1) << (8 * UInt64(lastBytes))) else { return nil }
    var result = last
    for (index, number) in numbers.enumerated() {
      result += number << (8 * UInt64(3 - index))
    }
    value = UInt32(truncatingIfNeeded: result)
  }

  /// The four bytes, most significant first.
  public var bytes: [UInt8] {
    [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
  }

  /// The plain dotted form, `a.b.c.d`.
  public var dotted: String {
    bytes.map(String.init).joined(separator: ".")
  }

  /// Whether a browser would read the host as an IPv4 address (the standard's "ends in a number"
  /// test): its last label is a number in any form.
  ///
  /// Such a host is an address or an error to a browser, never a name to look up.
  ///
  /// - Parameter host: A host name, without brackets or port.
  /// - Returns: `true` when the last label is numeric.
  public static func endsInNumber(_ host: some StringProtocol) -> Bool {
    var parts = host.split(separator: ".", omittingEmptySubsequences: false)
    if parts.last?.isEmpty == true {
      guard parts.count > 1 else { return false }
      parts.removeLast()
    }
    guard let last = parts.last, !last.isEmpty else { return false }
    if last.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
    return number(last) != nil
  }

  /// One part: decimal, `0`-prefixed octal or `0x`-prefixed hexadecimal.
  ///
  /// `nil` when it is none of these. Capped well above 2^32 so that no input overflows.
  private static func number(_ part: some StringProtocol) -> UInt64? {
    var digits = Substring(part)
    var radix: UInt64 = 10
    if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
      digits = digits.dropFirst(2)
      radix = 16
    } else if digits.count > 1, digits.hasPrefix("0") {
      digits = digits.dropFirst()
      radix = 8
    } else if digits.isEmpty {
      return nil
    }
    var value: UInt64 = 0
    for byte in digits.utf8 {
      guard let digit = asciiHexDigit(byte), digit < radix else { return nil }
      value = value * radix + digit
      if value > UInt64(UInt32.max) * 2 { return nil }
    }
    return value
  }

  /// The value of an ASCII hexadecimal digit (never a full-width one).
  static func asciiHexDigit(_ byte: UInt8) -> UInt64? {
    switch byte {
    case 0x30...0x39: UInt64(byte - 0x30)
    case 0x41...0x46: UInt64(byte - 0x41 + 10)
    case 0x61...0x66: UInt64(byte - 0x61 + 10)
    default: nil
    }
  }
}
