/// A JSON body checked once, cheaply, and then read lazily through ``JSONCursor``s
/// (issue 8, bounded work): a model list is never decoded whole into memory.
///
/// The check is one pass over the bytes with no allocation per value: it validates the
/// syntax (RFC 8259), limits the nesting, counts the entries of the arrays at the top
/// of the document (a bare list, or a list member of the top object, where every style
/// keeps its models) against a cap, and stops at once when the task is cancelled
/// (Ctrl-C). A 31 MB body of ten million `{}` is refused after its first 200,001
/// entries.
struct JSONDocument: Sendable {
  /// The deepest nesting accepted.
  static let maxDepth = 512

  /// The document's root value.
  let root: JSONCursor

  /// Checks a body and makes its root readable.
  ///
  /// - Parameters:
  ///   - bytes: The body.
  ///   - what: What the body should be, for the message ("a model list").
  ///   - maxEntries: The most entries an array at the top of the document may have.
  /// - Throws: ``MalformedResponseError`` when the body is not JSON,
  ///   ``TooManyModelsError`` past `maxEntries`, `CancellationError` when cancelled.
  init(_ bytes: [UInt8], what: String, maxEntries: Int = .max) throws {
    guard let start = try Self.check(bytes, what: what, maxEntries: maxEntries) else {
      throw MalformedResponseError(reason: "empty body where \(what) was expected")
    }
    root = JSONCursor(bytes: bytes, start: start)
  }

  /// Validates the whole body; returns where the root value starts, or `nil` for a
  /// body of only whitespace.
  private static func check(_ bytes: [UInt8], what: String, maxEntries: Int) throws -> Int? {
    var scanner = Scanner(bytes: bytes)
    scanner.skipSpaces()
    guard scanner.index < bytes.count else { return nil }
    let start = scanner.index
    do {
      try scanner.document(maxEntries: maxEntries)
    } catch let problem as Scanner.Problem {
      throw MalformedResponseError(
        reason: "not JSON (\(problem.reason) at byte \(problem.offset)) where \(what) was expected",
        excerpt: MalformedResponseError.excerpt(of: bytes))
    }
    return start
  }
}

/// The one-pass validator behind ``JSONDocument``.
private struct Scanner {
  /// Why the bytes are not JSON, and where.
  struct Problem: Error {
    var reason: String
    var offset: Int
  }

  let bytes: [UInt8]
  var index = 0

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func skipSpaces() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      index += 1
    }
  }

  private func problem(_ reason: String) -> Problem {
    Problem(reason: reason, offset: index)
  }

  /// Reads one value and checks that only whitespace follows.
  mutating func document(maxEntries: Int) throws {
    // Each open container: `{` or `[`, whether a member or element was read, and for
    // the top arrays, how many entries they hold.
    var stack: [(open: UInt8, count: Int)] = []
    var nextCancellationCheck = 1 << 16
    while true {
      if index >= nextCancellationCheck {
        try Task.checkCancellation()
        nextCancellationCheck = index + (1 << 16)
      }
      skipSpaces()
      // A value is expected here (or the end of an empty container).
      if let top = stack.last, top.open == UInt8(ascii: "["), top.count == 0,
        current == UInt8(ascii: "]")
      {
        index += 1
        stack.removeLast()
      } else if let top = stack.last, top.open == UInt8(ascii: "{"), top.count == 0,
        current == UInt8(ascii: "}")
      {
        index += 1
        stack.removeLast()
      } else {
        if let top = stack.last {
          stack[stack.count - 1].count += 1
          if top.open == UInt8(ascii: "["), stack.count <= 2, top.count + 1 > maxEntries {
            throw TooManyModelsError(limit: maxEntries)
          }
          if top.open == UInt8(ascii: "{") {
            try string()
            skipSpaces()
            guard current == UInt8(ascii: ":") else { throw problem("expected ':'") }
            index += 1
            skipSpaces()
          }
        }
        guard let byte = current else { throw problem("unexpected end") }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          guard stack.count < JSONDocument.maxDepth else { throw problem("nested too deep") }
          stack.append((byte, 0))
          index += 1
          continue
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
      }
      // After a value: a separator, the end of containers, or the end of the document.
      while true {
        skipSpaces()
        guard let top = stack.last else {
          guard index == bytes.count else { throw problem("more after the value") }
          return
        }
        let close = top.open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        if current == UInt8(ascii: ",") {
          index += 1
          break
        }
        guard current == close else {
          throw problem("expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
        index += 1
        stack.removeLast()
      }
    }
  }

  private mutating func literal(_ word: StaticString) throws {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard index + expected.count <= bytes.count,
      bytes[index..<(index + expected.count)].elementsEqual(expected)
    else { throw problem("unexpected character") }
    index += expected.count
  }

  private mutating func number() throws {
    if current == UInt8(ascii: "-") { index += 1 }
    guard let first = current, isDigit(first) else { throw problem("unexpected character") }
    index += 1
    if first != UInt8(ascii: "0") { digits() }
    if current == UInt8(ascii: ".") {
      index += 1
      guard let byte = current, isDigit(byte) else { throw problem("bad number") }
      digits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard let byte = current, isDigit(byte) else { throw problem("bad number") }
      digits()
    }
  }

  private mutating func digits() {
    while let byte = current, isDigit(byte) { index += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private mutating func string() throws {
    guard current == UInt8(ascii: "\"") else { throw problem("expected a string") }
    index += 1
    while let byte = current {
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return
      case UInt8(ascii: "\\"):
        guard let escaped = current else { throw problem("unexpected end") }
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          continue
        case UInt8(ascii: "u"):
          for _ in 0..<4 {
            guard let hex = current, hex.isASCIIHexDigit else { throw problem("bad \\u escape") }
            index += 1
          }
        default:
          throw problem("bad escape")
        }
      case 0..<0x20:
        throw problem("control character in a string")
      default:
        continue
      }
    }
    throw problem("unterminated string")
  }
}

extension UInt8 {
  /// Whether the byte is an ASCII hexadecimal digit.
  var isASCIIHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}
