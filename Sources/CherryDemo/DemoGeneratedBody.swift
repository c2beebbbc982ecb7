/// A body made while it is written, never held whole in memory: the huge and
/// degenerate model lists (tens of megabytes, millions of entries).
struct DemoGeneratedBody: Sendable {
  /// The status of the answer.
  var status: Int = 200
  /// The `content-type` of the answer.
  var contentType = "application/json"
  /// The pieces of the body, in order.
  var segments: [DemoBodySegment]

  /// The size of each write: large enough to be fast, small enough to bound memory.
  static let blockBytes = 64 << 10

  /// Writes the body in blocks of about ``blockBytes``.
  ///
  /// - Parameter send: Writes one block to the connection.
  /// - Throws: What `send` throws (the client went away).
  func write(_ send: (String) async throws -> Void) async throws {
    var block = ""
    block.reserveCapacity(Self.blockBytes + 1_024)
    func add(_ text: String) async throws {
      block += text
      if block.utf8.count >= Self.blockBytes {
        try await send(block)
        block.removeAll(keepingCapacity: true)
      }
    }
    for segment in segments {
      switch segment {
      case .text(let text):
        try await add(text)
      case .repeated(let unit, let count):
        // Whole blocks of the unit are made once and sent again and again.
        let perBlock = max(1, Self.blockBytes / max(1, unit.utf8.count))
        let whole = String(repeating: unit, count: min(perBlock, count))
        var left = count
        while left >= perBlock {
          try await add(whole)
          left -= perBlock
        }
        if left > 0 { try await add(String(repeating: unit, count: left)) }
      case .numbered(let count, let separator, let element):
        for index in 0..<max(0, count) {
          try await add(index == 0 ? element(index) : separator + element(index))
        }
      }
    }
    if !block.isEmpty { try await send(block) }
  }
}

/// One piece of a ``DemoGeneratedBody``.
enum DemoBodySegment: Sendable {
  /// Text as it is.
  case text(String)
  /// The same text `count` times.
  case repeated(String, count: Int)
  /// `count` elements made from their index, with a separator between them.
  case numbered(count: Int, separator: String, element: @Sendable (Int) -> String)
}
