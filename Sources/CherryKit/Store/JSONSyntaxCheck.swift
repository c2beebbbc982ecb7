import FoundationEssentials

/// Finds where a JSON text first goes wrong, as `line L, column C: what`.
///
/// `JSONDecoder` without full Foundation only says "the given data was not valid
/// JSON"; a user repairing a hand-edited session file needs the place. This scanner
/// runs only after the decoder refused the bytes, so it never decides what is valid
/// by itself: where it finds nothing, the decoder's own words are used.
enum JSONSyntaxCheck {
  /// The first syntax error in `data`, or `nil` when the scanner finds none.
  ///
  /// - Parameter data: A JSON text.
  /// - Returns: `line L, column C: <what was expected>` (both 1-based, columns in
  ///   characters), or `nil`.
  static func firstError(in data: Data) -> String? {
    var scanner = Scanner(bytes: Array(data))
    do throws(SyntaxError) {
      scanner.skipSpace()
      try scanner.value(depth: 0)
      scanner.skipSpace()
      if scanner.index < scanner.bytes.count {
        throw scanner.failure("unexpected text after the end of the JSON value")
      }
      return nil
    } catch {
      return error.message
    }
  }

  private struct SyntaxError: Error {
    var message: String
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
      self.bytes = bytes
    }

    /// The 1-based line and column of `index`.
    func position() -> (line: Int, column: Int) {
      var line = 1
      var column = 1
      for byte in bytes[..<min(index, bytes.count)] {
        if byte == 0x0A {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
          column += 1
        }
      }
      return (line, column)
    }

    func failure(_ what: String) -> SyntaxError {
      let (line, column) = position()
      return SyntaxError(message: "line \(line), column \(column): \(what)")
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
      while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
        index += 1
      }
    }

    mutating func value(depth: Int) throws(SyntaxError) {
      guard depth < 512 else { throw failure("nested too deeply") }
      switch current {
      case UInt8(ascii: "{")?: try object(depth: depth)
      case UInt8(ascii: "[")?: try array(depth: depth)
      case UInt8(ascii: "\"")?: try string()
      case UInt8(ascii: "t")?: try literal("true")
      case UInt8(ascii: "f")?: try literal("false")
      case UInt8(ascii: "n")?: try literal("null")
      case let byte? where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte):
        try number()
      case nil: throw failure("the text ends where a value was expected")
      default:
        throw failure("expected a value (a string, number, object, list, true, false or null)")
      }
    }

    mutating func object(depth: Int) throws(SyntaxError) {
      index += 1
      skipSpace()
      if current == UInt8(ascii: "}") {
        index += 1
        return
      }
      while true {
        guard current == UInt8(ascii: "\"") else {
          throw failure("expected a field name in quotes")
        }
        try string()
        skipSpace()
        guard current == UInt8(ascii: ":") else {
          throw failure("expected ':' after the field name")
        }
        index += 1
        skipSpace()
        try value(depth: depth + 1)
        skipSpace()
        if current == UInt8(ascii: ",") {
          index += 1
          skipSpace()
          if current == UInt8(ascii: "}") {  // a trailing comma, which JSONDecoder accepts
            index += 1
            return
          }
          continue
        }
        guard current == UInt8(ascii: "}") else {
          throw failure(
            current == nil
              ? "the text ends before '}' closes the object" : "expected ',' or '}' after a field")
        }
        index += 1
        return
      }
    }

    mutating func array(depth: Int) throws(SyntaxError) {
      index += 1
      skipSpace()
      if current == UInt8(ascii: "]") {
        index += 1
        return
      }
      while true {
        try value(depth: depth + 1)
        skipSpace()
        if current == UInt8(ascii: ",") {
          index += 1
          skipSpace()
          if current == UInt8(ascii: "]") {
            index += 1
            return
          }
          continue
        }
        guard current == UInt8(ascii: "]") else {
          throw failure(
            current == nil
              ? "the text ends before ']' closes the list" : "expected ',' or ']' in a list")
        }
        index += 1
        return
      }
    }

    mutating func string() throws(SyntaxError) {
      let start = index
      index += 1
      while let byte = current {
        switch byte {
        case UInt8(ascii: "\""):
          index += 1
          return
        case UInt8(ascii: "\\"):
          index += 2
        case 0x00..<0x20:
          throw failure("a control character (such as a line break) inside a string")
        default:
          index += 1
        }
      }
      index = start
      throw failure("a string that is never closed")
    }

    mutating func literal(_ word: String) throws(SyntaxError) {
      let start = index
      for expected in word.utf8 {
        guard current == expected else {
          index = start  // point at the word, not at the letter that differs
          throw failure("expected \(word)")
        }
        index += 1
      }
    }

    mutating func number() throws(SyntaxError) {
      if current == UInt8(ascii: "-") { index += 1 }
      var digits = 0
      while let byte = current,
        (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".")
          || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
          || byte == UInt8(ascii: "-")
      {
        digits += 1
        index += 1
      }
      if digits == 0 { throw failure("expected digits") }
    }
  }
}
