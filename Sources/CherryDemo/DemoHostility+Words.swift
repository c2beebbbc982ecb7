extension DemoHostility {
  /// The forms ``parse(_:)`` accepts, for usage texts.
  public static let synopses: [String] = [
    "redirect <301|302|303|307|308> other-host [<127.x.y.z> [<port>]]",
    "redirect <status> other-port <port>",
    "redirect <status> same-origin",
    "redirect <status> https",
    "escapes",
    "echo-key [<offset>]",
    "list empty-objects [<count>]",
    "list entries [<count>]",
    "list not-array [<json>]",
    "list nested [<depth>]",
    "stop-midway",
  ]

  /// The defaults of the values ``parse(_:)`` makes optional.
  static let defaultEchoOffset = 290
  static let defaultEmptyObjects = 10_000_000
  static let defaultEntries = 200_001
  static let defaultNesting = 100_000

  /// Parses a hostile behaviour from words, for `POST /_demo/hostile` and
  /// `cherry-demo --hostile` (``synopses`` lists the forms).
  ///
  /// ```swift
  /// DemoHostility.parse("redirect 307 other-host")  // to 127.0.0.2, same port
  /// DemoHostility.parse("list empty-objects")        // ten million {}
  /// ```
  ///
  /// - Parameter text: The words, separated by spaces.
  /// - Returns: The behaviour, or `nil` when the words name none.
  public static func parse(_ text: String) -> DemoHostility? {
    let words = text.split(separator: " ").map(String.init)
    guard let first = words.first?.lowercased() else { return nil }
    let rest = Array(words.dropFirst())
    func number(_ index: Int, default value: Int) -> Int? {
      guard index < rest.count else { return value }
      guard let parsed = Int(rest[index]), parsed >= 0 else { return nil }
      return parsed
    }
    switch first {
    case "escapes" where rest.isEmpty: return .escapes
    case "stop-midway" where rest.isEmpty: return .stopMidway
    case "echo-key" where rest.count <= 1:
      return number(0, default: defaultEchoOffset).map { .echoKey(offset: $0) }
    case "redirect": return redirect(rest)
    case "list": return list(rest)
    default: return nil
    }
  }

  /// `redirect <status> <target> …`.
  private static func redirect(_ words: [String]) -> DemoHostility? {
    guard words.count >= 2, let status = Int(words[0]), [301, 302, 303, 307, 308].contains(status)
    else { return nil }
    let values = Array(words.dropFirst(2))
    let target: DemoRedirectTarget
    switch words[1].lowercased() {
    case "other-host" where values.count <= 2:
      let port = values.count == 2 ? Int(values[1]) : nil
      if values.count == 2, port == nil { return nil }
      target = .otherHost(values.first ?? "127.0.0.2", port: port)
    case "other-port" where values.count == 1:
      guard let port = Int(values[0]) else { return nil }
      target = .otherPort(port)
    case "same-origin" where values.isEmpty: target = .sameOrigin
    case "https" where values.isEmpty: target = .otherScheme
    default: return nil
    }
    return .redirect(status: status, to: target)
  }

  /// `list <kind> [value]`.
  private static func list(_ words: [String]) -> DemoHostility? {
    guard let kind = words.first?.lowercased(), words.count <= 2 else { return nil }
    let value = words.count == 2 ? words[1] : nil
    func count(default fallback: Int) -> Int? {
      guard let value else { return fallback }
      guard let parsed = Int(value), parsed >= 0 else { return nil }
      return parsed
    }
    switch kind {
    case "empty-objects":
      return count(default: defaultEmptyObjects).map { .list(.emptyObjects(count: $0)) }
    case "entries": return count(default: defaultEntries).map { .list(.entries(count: $0)) }
    case "not-array": return .list(.notArray(value ?? "{}"))
    case "nested": return count(default: defaultNesting).map { .list(.nested(depth: $0)) }
    default: return nil
    }
  }
}
