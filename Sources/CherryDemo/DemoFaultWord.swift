/// The kinds of fault a user can name, with the words that name them and the
/// value each takes: one table for the parser, `named`, completion and help.
enum DemoFaultWord: CaseIterable, Sendable {
  case unauthorized
  case notFound
  case rateLimited
  case serverError
  case stall
  case drop
  case slow
  case wrongModel
  case malformed
  case oversized
  case off

  /// The word users type first (`401`, `slow`, `wrong-model`).
  var word: String {
    switch self {
    case .unauthorized: return "401"
    case .notFound: return "404"
    case .rateLimited: return "429"
    case .serverError: return "500"
    case .stall: return "stall"
    case .drop: return "drop"
    case .slow: return "slow"
    case .wrongModel: return "wrong-model"
    case .malformed: return "malformed"
    case .oversized: return "oversized"
    case .off: return "off"
    }
  }

  /// Other accepted spellings, compared without case.
  var aliases: [String] {
    switch self {
    case .unauthorized: return ["unauthorized", "auth"]
    case .notFound: return ["notfound", "not-found"]
    case .rateLimited: return ["ratelimited", "rate-limit", "ratelimit"]
    case .serverError: return ["servererror", "server-error"]
    case .stall: return ["stalled", "stalledbody", "stalled-body"]
    case .drop: return ["dropped", "droppedconnection", "dropped-connection"]
    case .slow: return ["latency"]
    case .wrongModel: return ["unknown-model", "unknownmodel", "wrongmodel"]
    case .malformed: return ["malformedjson", "malformed-json"]
    case .oversized: return ["oversizedbody", "oversized-body"]
    case .off: return ["none", "clear"]
    }
  }

  /// The value the word takes: its name, whether it is required, its range and an example.
  var value: (name: String, required: Bool, range: ClosedRange<Int>, example: Int)? {
    switch self {
    case .rateLimited: return ("retry-after seconds", false, 1...3_600, 7)
    case .slow: return ("milliseconds", true, 1...600_000, 800)
    case .oversized: return ("bytes", false, 1...(1 << 30), 1 << 20)
    default: return nil
    }
  }

  /// The kind a word names, or `nil`.
  static func named(_ text: String) -> DemoFaultWord? {
    let lowered = text.lowercased()
    return allCases.first { $0.word == lowered || $0.aliases.contains(lowered) }
  }

  /// The fault of this kind, or `nil` for `off`.
  func fault(retryAfterSeconds: Int, bytes: Int, milliseconds: Int) -> DemoFault? {
    switch self {
    case .unauthorized: return .unauthorized
    case .notFound: return .notFound
    case .rateLimited: return .rateLimited(retryAfterSeconds: retryAfterSeconds)
    case .serverError: return .serverError
    case .stall: return .stalledBody
    case .drop: return .droppedConnection
    case .slow: return .slow(milliseconds: milliseconds)
    case .wrongModel: return .unknownModel
    case .malformed: return .malformedJSON
    case .oversized: return .oversizedBody(bytes: bytes)
    case .off: return nil
    }
  }

  /// The synopsis of the word: `slow <milliseconds>`, `429 [retry-after seconds]`.
  var synopsis: String {
    guard let value else { return word }
    return value.required ? "\(word) <\(value.name)>" : "\(word) [\(value.name)]"
  }
}
