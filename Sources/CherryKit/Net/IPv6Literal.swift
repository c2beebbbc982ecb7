/// An IPv6 address as written between a URL's brackets (`[::1]`,
/// `[0:0:0:0:0:0:0:1]`, `[::ffff:127.0.0.1]`), read as the WHATWG URL standard reads
/// it: eight 16-bit pieces, one `::` run of zeros, and an optional dotted IPv4 tail.
///
/// A zone (`%eth0`) is not accepted: browsers refuse it in URLs.
public struct IPv6Literal: Equatable, Hashable, Sendable {
  /// The eight pieces, most significant first.
  public var pieces: [UInt16]

  /// Reads the text between a URL's brackets; fails when the text is not an IPv6
  /// address.
  ///
  /// - Parameter text: The address without brackets.
  public init?(parsing text: some StringProtocol) {
    let input = Array(text.utf8)
    var pieces = [UInt16](repeating: 0, count: 8)
    var pieceIndex = 0
    var compress: Int?
    var pointer = 0
    if input.first == UInt8(ascii: ":") {
      guard input.count > 1, input[1] == UInt8(ascii: ":") else { return nil }
      pointer = 2
      pieceIndex = 1
      compress = 1
    }
    while pointer < input.count {
      guard pieceIndex < 8 else { return nil }
      if input[pointer] == UInt8(ascii: ":") {
        guard compress == nil else { return nil }
        pointer += 1
        pieceIndex += 1
        compress = pieceIndex
        continue
      }
      var value: UInt64 = 0
      var length = 0
      while length < 4, pointer < input.count,
        let digit = IPv4Literal.asciiHexDigit(input[pointer])
      {
        value = value * 16 + digit
        pointer += 1
        length += 1
      }
      if pointer < input.count, input[pointer] == UInt8(ascii: ".") {
        guard length > 0, pieceIndex <= 6 else { return nil }
        pointer -= length
        guard let tail = Self.ipv4Tail(input[pointer...]) else { return nil }
        pieces[pieceIndex] = UInt16(tail >> 16)
        pieces[pieceIndex + 1] = UInt16(tail & 0xFFFF)
        pieceIndex += 2
        pointer = input.count
        break
      }
      if pointer < input.count {
        guard input[pointer] == UInt8(ascii: ":") else { return nil }
        pointer += 1
        guard pointer < input.count else { return nil }
      } else if length == 0 {
        return nil
      }
      guard length > 0 else { return nil }
      pieces[pieceIndex] = UInt16(value)
      pieceIndex += 1
    }
    if let compress {
      var swaps = pieceIndex - compress
      pieceIndex = 7
      while pieceIndex != 0, swaps > 0 {
        pieces.swapAt(pieceIndex, compress + swaps - 1)
        pieceIndex -= 1
        swaps -= 1
      }
    } else if pieceIndex != 8 {
      return nil
    }
    self.pieces = pieces
  }

  /// The embedded IPv4 address of an IPv4-mapped address (`::ffff:a.b.c.d`), or `nil`.
  public var mappedIPv4: IPv4Literal? {
    guard pieces[0..<5].allSatisfy({ $0 == 0 }), pieces[5] == 0xFFFF else { return nil }
    return IPv4Literal(value: UInt32(pieces[6]) << 16 | UInt32(pieces[7]))
  }

  /// A dotted IPv4 tail: four decimal parts 0–255 without leading zeros.
  private static func ipv4Tail(_ bytes: ArraySlice<UInt8>) -> UInt32? {
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var result: UInt32 = 0
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        part.count == 1 || part.first != UInt8(ascii: "0")
      else { return nil }
      let value = part.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 0x30) }
      guard value <= 255 else { return nil }
      result = result << 8 | value
    }
    return result
  }
}
