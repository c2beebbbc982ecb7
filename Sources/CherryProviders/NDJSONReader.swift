/// Reads newline-delimited JSON (Ollama's `/api/chat` stream) as the bytes arrive:
/// one JSON document per non-empty line.
struct NDJSONReader: Sendable {
  private var lines: LineSplitter

  /// Creates a reader.
  ///
  /// - Parameter maxLineBytes: The longest line accepted.
  init(maxLineBytes: Int) {
    lines = LineSplitter(maxLineBytes: maxLineBytes)
  }

  /// Adds bytes and returns the complete, non-empty lines.
  ///
  /// - Parameter bytes: The next chunk of the body.
  /// - Returns: The JSON lines completed, in order.
  /// - Throws: ``ResponseTooLargeError`` when a line is too long.
  mutating func feed(_ bytes: some Collection<UInt8>) throws -> [String] {
    try lines.feed(bytes).filter { !$0.trimmingWhitespace.isEmpty }
  }

  /// Returns the last line when the stream ended without a line break.
  ///
  /// - Returns: The last line, or `nil`.
  mutating func finish() -> String? {
    guard let line = lines.finish(), !line.trimmingWhitespace.isEmpty else { return nil }
    return line
  }
}
