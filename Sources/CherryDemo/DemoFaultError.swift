/// Why a fault was refused (`demo fault …`, `POST /_demo/fault`); nothing changed.
///
/// ``what`` says what was wrong and ``fix`` how to write it; ``description`` is
/// both, on two lines, as the CherryKit errors are.
public enum DemoFaultError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No fault was named.
  case missingFault
  /// The word names no fault; the value is the word, masked if it looks like a key.
  case unknownFault(String)
  /// A fault that needs a value (`slow`) was given none.
  case missingValue(fault: String, name: String, example: Int)
  /// A value is not a whole number in range.
  case badValue(fault: String, value: String, name: String, range: ClosedRange<Int>)
  /// A word is left after the fault and its value.
  case unexpectedWord(fault: String, word: String)
  /// Faults are set on demo providers only; the value is the id given.
  case notADemoProvider(String)

  /// What was wrong, in one line.
  public var what: String {
    switch self {
    case .missingFault:
      return "no fault given"
    case .unknownFault(let word):
      return "unknown fault \"\(word)\""
    case .missingValue(let fault, let name, _):
      return "\(fault) needs a value: the \(name)"
    case .badValue(let fault, let value, let name, let range):
      return "\(fault) takes \(name) as a whole number from \(range.lowerBound) to "
        + "\(range.upperBound), not \"\(value)\""
    case .unexpectedWord(let fault, let word):
      return "unexpected \"\(word)\" after \(fault)"
    case .notADemoProvider(let id):
      return "\(id) is not a demo provider: its requests go to its real host, "
        + "which the demo cannot make fail"
    }
  }

  /// How to fix it, in one line.
  public var fix: String {
    switch self {
    case .missingFault, .unknownFault, .unexpectedWord:
      return "name one of: " + DemoFault.synopses.joined(separator: ", ")
    case .missingValue(let fault, _, let example):
      return "for example: \(fault) \(example)"
    case .badValue(let fault, _, _, _):
      let example = DemoFaultWord.named(fault)?.value?.example ?? 1
      return "for example: \(fault) \(example)"
    case .notADemoProvider:
      return "faults apply to: " + DemoSession.providers.map(\.id).joined(separator: ", ")
    }
  }

  /// ``what`` and ``fix`` on two lines.
  public var description: String {
    what + "\n" + fix
  }
}
