import CherryKit

extension DemoFault {
  /// The first word of every fault a user can type, in help order; `off` clears.
  ///
  /// For Tab completion and help of `demo fault <provider> <fault>`.
  public static let words: [String] = DemoFaultWord.allCases.map(\.word)

  /// Each fault's synopsis, in help order: `401`, `429 [retry-after seconds]`,
  /// `slow <milliseconds>`, …, `off`.
  public static let synopses: [String] = DemoFaultWord.allCases.map(\.synopsis)

  /// Parses the words a user types after `demo fault <provider>`.
  ///
  /// `401`, `404`, `429 [seconds]`, `500`, `stall`, `drop`, `slow <ms>`,
  /// `wrong-model`, `malformed`, `oversized [bytes]`, or `off` (also `none`);
  /// names are compared without case, and the longer spellings of
  /// ``named(_:retryAfterSeconds:bytes:)`` are accepted too.
  ///
  /// ```swift
  /// try DemoFault.parse(["slow", "800"])  // .slow(milliseconds: 800)
  /// try DemoFault.parse(["off"])          // nil
  /// ```
  ///
  /// - Parameter words: The words, already split.
  /// - Returns: The fault, or `nil` for `off`.
  /// - Throws: ``DemoFaultError`` when no fault is named, the name is unknown,
  ///   a value is missing, not a number or out of range, or a word is left over.
  public static func parse(_ words: [String]) throws(DemoFaultError) -> DemoFault? {
    guard let first = words.first else { throw .missingFault }
    guard let kind = DemoFaultWord.named(first) else {
      throw .unknownFault(KeyMask.maskLine(first))
    }
    var number: Int?
    let rest = words.dropFirst()
    if let value = kind.value {
      if let text = rest.first {
        guard let parsed = Int(text), value.range.contains(parsed) else {
          throw .badValue(
            fault: kind.word, value: KeyMask.maskLine(text), name: value.name, range: value.range)
        }
        number = parsed
      } else if value.required {
        throw .missingValue(fault: kind.word, name: value.name, example: value.example)
      }
    }
    let used = number == nil ? 1 : 2
    if words.count > used {
      throw .unexpectedWord(fault: kind.word, word: KeyMask.maskLine(words[used]))
    }
    return kind.fault(
      retryAfterSeconds: number ?? 1, bytes: number ?? defaultOversizedBytes,
      milliseconds: number ?? 0)
  }

  /// Parses a fault written as one string (`"slow 800"`): the words are split on spaces.
  ///
  /// - Parameter text: The fault, as in `demo fault <provider> <text>`.
  /// - Returns: The fault, or `nil` for `off`.
  /// - Throws: ``DemoFaultError``, as ``parse(_:)-([String])`` does.
  public static func parse(_ text: String) throws(DemoFaultError) -> DemoFault? {
    try parse(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
  }

  /// The words that set this fault again: `401`, `429 7`, `slow 800`, `wrong-model`.
  public var word: String {
    switch self {
    case .rateLimited(let seconds): return seconds == 1 ? name : "\(name) \(seconds)"
    case .oversizedBody(let bytes):
      return bytes == Self.defaultOversizedBytes ? name : "\(name) \(bytes)"
    case .slow(let milliseconds): return "\(name) \(milliseconds)"
    default: return name
    }
  }
}

extension DemoFault: CustomStringConvertible {
  /// What the fault does, in one line, for `demo status`: its words, a colon, and
  /// what the provider's requests now get.
  public var description: String {
    switch self {
    case .unauthorized:
      return "401: every request is refused as if its key were wrong"
    case .notFound:
      return "404: every request gets \"not found\", as with a wrong URL"
    case .rateLimited(let seconds):
      return "\(word): every request is rate-limited (retry after \(seconds) s)"
    case .serverError:
      return "500: every request gets a server error"
    case .malformedJSON:
      return "malformed: answers are 200 with a body that is not valid JSON"
    case .stalledBody:
      return "stall: answers start and never finish, until the client's timeout"
    case .droppedConnection:
      return "drop: the connection is closed without an answer"
    case .oversizedBody(let bytes):
      return "\(word): every answer is a model list of \(bytes) bytes"
    case .slow(let milliseconds):
      return "\(word): answers wait \(milliseconds) ms, and \(milliseconds) ms between "
        + "streamed chunks"
    case .unknownModel:
      return "wrong-model: chat and embeddings are answered as for a model the provider "
        + "does not have"
    }
  }
}
