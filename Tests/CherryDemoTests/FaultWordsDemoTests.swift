import CherryDemo
import Testing

/// The words of `demo fault <provider> <fault>`: parsing, errors, and the text
/// `demo status` shows.
@Suite struct FaultWordsDemoTests {
  struct Parsed: Sendable, CustomTestStringConvertible {
    var words: [String]
    var fault: DemoFault?
    var testDescription: String { words.joined(separator: " ") }
  }

  static let parsed: [Parsed] = [
    Parsed(words: ["401"], fault: .unauthorized),
    Parsed(words: ["404"], fault: .notFound),
    Parsed(words: ["429"], fault: .rateLimited(retryAfterSeconds: 1)),
    Parsed(words: ["429", "7"], fault: .rateLimited(retryAfterSeconds: 7)),
    Parsed(words: ["500"], fault: .serverError),
    Parsed(words: ["stall"], fault: .stalledBody),
    Parsed(words: ["drop"], fault: .droppedConnection),
    Parsed(words: ["slow", "800"], fault: .slow(milliseconds: 800)),
    Parsed(words: ["SLOW", "1"], fault: .slow(milliseconds: 1)),
    Parsed(words: ["wrong-model"], fault: .unknownModel),
    Parsed(words: ["unknown-model"], fault: .unknownModel),
    Parsed(words: ["malformed"], fault: .malformedJSON),
    Parsed(words: ["oversized"], fault: .oversizedBody(bytes: DemoFault.defaultOversizedBytes)),
    Parsed(words: ["oversized", "1024"], fault: .oversizedBody(bytes: 1_024)),
    Parsed(words: ["off"], fault: nil),
    Parsed(words: ["none"], fault: nil),
  ]

  @Test(arguments: parsed)
  func wordsParse(_ row: Parsed) throws {
    #expect(try DemoFault.parse(row.words) == row.fault)
    #expect(try DemoFault.parse(row.words.joined(separator: " ")) == row.fault)
    if let fault = row.fault {
      // `word` gives back words that set the same fault, and `demo status` starts with them.
      #expect(try DemoFault.parse(fault.word) == fault)
      #expect(fault.description.hasPrefix(fault.word + ": "))
    }
  }

  struct Refused: Sendable, CustomTestStringConvertible {
    var words: [String]
    var error: DemoFaultError
    var testDescription: String { words.joined(separator: " ") }
  }

  static let refused: [Refused] = [
    Refused(words: [], error: .missingFault),
    Refused(words: ["teapot"], error: .unknownFault("teapot")),
    Refused(
      words: ["slow"], error: .missingValue(fault: "slow", name: "milliseconds", example: 800)),
    Refused(
      words: ["slow", "fast"],
      error: .badValue(fault: "slow", value: "fast", name: "milliseconds", range: 1...600_000)),
    Refused(
      words: ["slow", "0"],
      error: .badValue(fault: "slow", value: "0", name: "milliseconds", range: 1...600_000)),
    Refused(
      words: ["429", "-1"],
      error: .badValue(fault: "429", value: "-1", name: "retry-after seconds", range: 1...3_600)),
    Refused(words: ["401", "now"], error: .unexpectedWord(fault: "401", word: "now")),
    Refused(words: ["slow", "5", "6"], error: .unexpectedWord(fault: "slow", word: "6")),
  ]

  @Test(arguments: refused)
  func badWordsAreRefusedWithTheFix(_ row: Refused) {
    #expect(throws: row.error) { try DemoFault.parse(row.words) }
    #expect(row.error.description == row.error.what + "\n" + row.error.fix)
    #expect(!row.error.fix.isEmpty)
  }

  @Test func errorsSayWhatAndHow() {
    let unknown = DemoFaultError.unknownFault("teapot")
    #expect(unknown.what == #"unknown fault "teapot""#)
    for word in ["401", "429", "500", "stall", "drop", "slow <milliseconds>", "wrong-model", "off"]
    {
      #expect(unknown.fix.contains(word))
    }
    #expect(
      DemoFaultError.missingValue(fault: "slow", name: "milliseconds", example: 800).fix
        == "for example: slow 800")
    let provider = DemoFaultError.notADemoProvider("deepseek")
    #expect(provider.what.hasPrefix("deepseek is not a demo provider"))
    #expect(provider.fix.contains("demo-openai"))
    #expect(provider.fix.contains("demo-gateway"))
  }

  @Test func aWordThatLooksLikeAKeyIsMaskedInTheError() {
    let key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"
    #expect(throws: DemoFaultError.self) { try DemoFault.parse([key]) }
    do {
      _ = try DemoFault.parse([key])
    } catch {
      #expect(!error.description.contains(key))
    }
  }

  @Test func theWordListCoversWhatATeacherTypes() throws {
    for word in ["401", "429", "500", "stall", "drop", "slow", "wrong-model", "off"] {
      #expect(DemoFault.words.contains(word))
    }
    // Every listed word parses (with a value where one is needed).
    for (word, synopsis) in zip(DemoFault.words, DemoFault.synopses) {
      _ = try DemoFault.parse(synopsis.contains("<") ? word + " 10" : word)
    }
  }
}
