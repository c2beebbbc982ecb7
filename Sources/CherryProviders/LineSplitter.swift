/// Splits a byte stream into lines as the bytes arrive (LF or CRLF), keeping the
/// unfinished tail for the next chunk; the base of ``SSEReader`` and ``NDJSONReader``.
struct LineSplitter: Sendable {
  /// Bytes after the last line break seen.
  private var pending: [UInt8] = []
  /// The longest line accepted, so a stream without line breaks cannot grow forever.
  let maxLineBytes: Int

  /// Creates a splitter.
  ///
  /// - Parameter maxLineBytes: The longest line accepted.
  init(maxLineBytes: Int) {
    self.maxLineBytes = maxLineBytes
  }

  /// Adds bytes and returns the lines they complete, without their line breaks.
  ///
  /// - Parameter bytes: The next chunk.
  /// - Returns: The completed lines, in order.
  /// - Throws: ``ResponseTooLargeError`` when a line exceeds the limit.
  mutating func feed(_ bytes: some Collection<UInt8>) throws -> [String] {
    var lines: [String] = []
    for byte in bytes {
      if byte == UInt8(ascii: "\n") {
        if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
        lines.append(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
      } else {
        pending.append(byte)
      }
    }
    if pending.count > maxLineBytes { throw ResponseTooLargeError(limit: maxLineBytes) }
    return lines
  }

  /// Returns the last line when the stream ended without a final line break.
  ///
  /// - Returns: The unfinished line, or `nil` when there is none.
  mutating func finish() -> String? {
    defer { pending.removeAll() }
    if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
    return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
  }
}
