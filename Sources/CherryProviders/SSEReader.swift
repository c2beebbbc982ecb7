/// One server-sent event: its `event:` name and its `data:` lines joined with "\n".
struct SSEEvent: Equatable, Sendable {
  /// The event name, or `nil` for the default `message`.
  var name: String?
  /// The data.
  var data: String
}

/// Reads server-sent events as the bytes arrive (the chat streams of every style but
/// Ollama), so the test can stop at the first event.
struct SSEReader: Sendable {
  private var lines: LineSplitter
  private var name: String?
  private var data: [String] = []

  /// Creates a reader.
  ///
  /// - Parameter maxLineBytes: The longest line accepted.
  init(maxLineBytes: Int) {
    lines = LineSplitter(maxLineBytes: maxLineBytes)
  }

  /// Adds bytes and returns the events they complete.
  ///
  /// - Parameter bytes: The next chunk of the body.
  /// - Returns: The completed events, in order.
  /// - Throws: ``ResponseTooLargeError`` when a line is too long.
  mutating func feed(_ bytes: some Collection<UInt8>) throws -> [SSEEvent] {
    var events: [SSEEvent] = []
    for line in try lines.feed(bytes) {
      if let event = take(line) { events.append(event) }
    }
    return events
  }

  /// Returns the event left when the stream ended without a blank line after it.
  ///
  /// - Returns: The last event, or `nil`.
  mutating func finish() -> SSEEvent? {
    if let line = lines.finish(), let event = take(line) { return event }
    return take("")
  }

  /// Processes one line; a blank line ends the event being built.
  private mutating func take(_ line: String) -> SSEEvent? {
    if line.isEmpty {
      defer {
        name = nil
        data = []
      }
      guard !data.isEmpty else { return nil }
      return SSEEvent(name: name, data: data.joined(separator: "\n"))
    }
    if line.hasPrefix(":") { return nil }
    let field: Substring
    var value: Substring
    if let colon = line.firstIndex(of: ":") {
      field = line[..<colon]
      value = line[line.index(after: colon)...]
      if value.hasPrefix(" ") { value = value.dropFirst() }
    } else {
      field = line[...]
      value = ""
    }
    switch field {
    case "data": data.append(String(value))
    case "event": name = String(value)
    default: break
    }
    return nil
  }
}
