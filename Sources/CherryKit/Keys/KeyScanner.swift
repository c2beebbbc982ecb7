/// Finds the secrets in a line, working on its UTF-8 bytes: ``KeyMask`` runs it on
/// every echoed line, so it decodes nothing but the rare non-ASCII separator, and
/// allocates nothing.
///
/// A line is cut into elements at whitespace, `,` and the other list separators
/// (``KeySeparator``); quotes and brackets around an element are not part of it.
/// In an element, the values of `NAME=value` and of URL query items are looked at
/// first, so the name stays readable; then the element itself; then the value
/// after a `:` (`api-key:sk-…`).
enum KeyScanner {
  /// Calls `body` with the byte range of each secret, in order.
  ///
  /// - Parameters:
  ///   - bytes: The text's UTF-8 bytes.
  ///   - body: Called once per secret, with ranges that never overlap.
  static func forEachSecret(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
    var index = 0
    while index < bytes.count {
      let width = breakWidth(bytes, at: index)
      if width > 0 {
        index += width
        continue
      }
      var end = index + scalarLength(bytes[index])
      while end < bytes.count, breakWidth(bytes, at: end) == 0 {
        end += scalarLength(bytes[end])
      }
      element(bytes, min(end, bytes.count), from: index, body)
      index = end
    }
  }

  // MARK: - Elements

  private static func element(
    _ bytes: UnsafeBufferPointer<UInt8>, _ end: Int, from start: Int,
    _ body: (Range<Int>) -> Void
  ) {
    let core = unwrapped(bytes, start..<end)
    guard !core.isEmpty else { return }
    if assignments(bytes, core, body) { return }
    if KeyHeuristics.isKeyToken(bytes, core) {
      body(core)
      return
    }
    // name:value, but not the "://" of a URL.
    guard let colon = firstIndex(of: 0x3A, in: bytes, core) else { return }
    if colon + 2 < core.upperBound, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F { return }
    let value = unwrapped(bytes, (colon + 1)..<core.upperBound)
    if !value.isEmpty, KeyHeuristics.isKeyToken(bytes, value) { body(value) }
  }

  /// Reports the key-looking values of `NAME=value` pieces (split at `?` and `&`).
  ///
  /// - Returns: Whether one was found.
  private static func assignments(
    _ bytes: UnsafeBufferPointer<UInt8>, _ core: Range<Int>, _ body: (Range<Int>) -> Void
  ) -> Bool {
    guard firstIndex(of: 0x3D, in: bytes, core) != nil else { return false }
    var found = false
    var pieceStart = core.lowerBound
    var index = core.lowerBound
    while index <= core.upperBound {
      if index == core.upperBound || bytes[index] == 0x3F || bytes[index] == 0x26 {
        // A base64 key's padding (`…==`) is not an assignment: its name would be
        // the key and its value only more `=`.
        if let equals = firstIndex(of: 0x3D, in: bytes, pieceStart..<index), equals > pieceStart {
          let value = unwrapped(bytes, (equals + 1)..<index)
          if !value.isEmpty, KeyHeuristics.isKeyToken(bytes, value) {
            body(value)
            found = true
          }
        }
        pieceStart = index + 1
      }
      index += 1
    }
    return found
  }

  private static func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> Int? {
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// The range without the quotes, brackets and `#` that commonly wrap a word:
  /// `"…"`, `'…'`, `` `…` ``, `(…)`, `[…]`, `{…}`, `<…>`, and the `#` of an exact URL.
  private static func unwrapped(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Range<Int>
  {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isWrapper(bytes[lower]) { lower += 1 }
    while upper > lower, isWrapper(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  private static func isWrapper(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x22, 0x27, 0x60, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3C, 0x3E, 0x23: return true
    default: return false
    }
  }

  // MARK: - Breaks

  /// The byte length of the whitespace or list separator at `index`, or 0.
  private static func breakWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 {
      switch byte {
      case 0x20, 0x09...0x0D, 0x2C, 0x3B: return 1
      default: return 0
      }
    }
    let length = scalarLength(byte)
    guard index + length <= bytes.count, length > 1 else { return 0 }
    var value = UInt32(byte) & (0xFF >> (length + 1))
    for offset in 1..<length {
      value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    let isBreak = KeySeparator.isListSeparator(scalar) || scalar.properties.isWhitespace
    return isBreak ? length : 0
  }

  /// The length of the UTF-8 sequence that `lead` starts (1 for a stray byte).
  private static func scalarLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: return 4
    case 0xE0...: return 3
    case 0xC0...: return 2
    default: return 1
    }
  }
}
