/// One value inside a checked ``JSONDocument``, read only as far as asked: a member of an object,
/// the elements of an array, a string.
///
/// Nothing else is decoded, so reading the ids of a 200,000-entry list costs one pass over the
/// bytes.
struct JSONCursor: Sendable {
  /// The whole document.
  let bytes: [UInt8]
  /// Where this value starts (its first byte, after any whitespace).
  let start: Int

  /// Whether the value is an object.
  var isObject: Bool { bytes[start] == UInt8(ascii: "{") }
  /// Whether the value is an array.
  var isArray: Bool { bytes[start] == UInt8(ascii: "[") }
  /// Whether the value is `null`.
  var isNull: Bool { bytes[start] == UInt8(ascii: "n") }

  /// The value's bytes, as they are in the document.
  var slice: ArraySlice<UInt8> { bytes[start..<end(of: start)] }

  /// The member with this name, when the value is an object that has it (the first one
  /// when the name repeats).
  ///
  /// - Parameter name: The member's name.
  /// - Returns: A cursor on its value, or `nil`.
  func member(_ name: String) -> JSONCursor? {
    guard isObject else { return nil }
    let wanted = Array(name.utf8)
    var index = spaces(after: start + 1)
    while bytes[index] == UInt8(ascii: "\"") {
      let keyEnd = end(of: index)
      let key = bytes[(index + 1)..<(keyEnd - 1)]
      let matches =
        key.contains(UInt8(ascii: "\\"))
        ? JSONCursor(bytes: bytes, start: index).string == name : key.elementsEqual(wanted)
      // The key, optional spaces, ':', optional spaces, then the value.
      let valueStart = spaces(after: spaces(after: keyEnd) + 1)
      if matches { return JSONCursor(bytes: bytes, start: valueStart) }
      index = spaces(after: end(of: valueStart))
      guard bytes[index] == UInt8(ascii: ",") else { return nil }
      index = spaces(after: index + 1)
    }
    return nil
  }

  /// The elements, when the value is an array; `nil` otherwise.
  ///
  /// - Returns: A cursor on each element, in order.
  /// - Throws: `CancellationError` when the task is cancelled while it reads.
  func elements() throws -> [JSONCursor]? {
    guard isArray else { return nil }
    var result: [JSONCursor] = []
    var index = spaces(after: start + 1)
    guard bytes[index] != UInt8(ascii: "]") else { return result }
    while true {
      if result.count % 4096 == 4095 { try Task.checkCancellation() }
      result.append(JSONCursor(bytes: bytes, start: index))
      index = spaces(after: end(of: index))
      guard bytes[index] == UInt8(ascii: ",") else { return result }
      index = spaces(after: index + 1)
    }
  }

  /// The string, when the value is one (escapes decoded).
  var string: String? {
    guard bytes[start] == UInt8(ascii: "\"") else { return nil }
    let close = end(of: start) - 1
    let content = bytes[(start + 1)..<close]
    guard content.contains(UInt8(ascii: "\\")) else {
      return String(decoding: content, as: UTF8.self)
    }
    return Self.unescape(content)
  }

  /// The boolean, when the value is one.
  var bool: Bool? {
    switch bytes[start] {
    case UInt8(ascii: "t"): true
    case UInt8(ascii: "f"): false
    default: nil
    }
  }

  // MARK: - Skipping (the document is valid, so this only counts)

  /// The index just past the value that starts at `index`.
  private func end(of index: Int) -> Int {
    var position = index
    switch bytes[position] {
    case UInt8(ascii: "\""):
      position += 1
      while bytes[position] != UInt8(ascii: "\"") {
        position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
      }
      return position + 1
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      var depth = 0
      repeat {
        switch bytes[position] {
        case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
        case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
        case UInt8(ascii: "\""):
          position = end(of: position) - 1
        default: break
        }
        position += 1
      } while depth > 0
      return position
    default:
      while position < bytes.count, !Self.endsScalar(bytes[position]) { position += 1 }
      return position
    }
  }

  /// Whether a byte ends a number or literal.
  private static func endsScalar(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x0A, 0x0D, 0x09: true
    default: false
    }
  }

  /// The first index at or after `index` that is not whitespace.
  private func spaces(after index: Int) -> Int {
    var position = index
    while position < bytes.count,
      bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
        || bytes[position] == 0x09
    {
      position += 1
    }
    return position
  }

  /// Decodes a string's escapes; a lone surrogate becomes U+FFFD.
  private static func unescape(_ content: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(content.count)
    var index = content.startIndex
    var pendingHigh: UInt32?
    func append(scalar value: UInt32) {
      let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
      out.append(contentsOf: String(Character(scalar)).utf8)
    }
    func flushHigh() {
      if pendingHigh != nil { append(scalar: 0xFFFD) }
      pendingHigh = nil
    }
    while index < content.endIndex {
      let byte = content[index]
      guard byte == UInt8(ascii: "\\") else {
        flushHigh()
        out.append(byte)
        index += 1
        continue
      }
      let escaped = content[index + 1]
      index += 2
      guard escaped == UInt8(ascii: "u") else {
        flushHigh()
        switch escaped {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        default: out.append(escaped)
        }
        continue
      }
      let hex = String(decoding: content[index..<(index + 4)], as: UTF8.self)
      index += 4
      let unit = UInt32(hex, radix: 16) ?? 0xFFFD
      if (0xD800...0xDBFF).contains(unit) {
        flushHigh()
        pendingHigh = unit
      } else if (0xDC00...0xDFFF).contains(unit), let high = pendingHigh {
        pendingHigh = nil
        append(scalar: 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
      } else {
        flushHigh()
        append(scalar: unit)
      }
    }
    flushHigh()
    return String(decoding: out, as: UTF8.self)
  }
}
