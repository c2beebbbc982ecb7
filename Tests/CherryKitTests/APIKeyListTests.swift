import CherryKit
import Testing

/// Parsing and writing key lists (DESIGN §1.1).
struct APIKeyListTests {
  // MARK: - Valid lists

  @Test func seedExampleGivesFourKeys() throws {
    let list = try APIKeyList.parse("sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4")
    #expect(list.keys == ["sk-xxxx1", "sk-xxxx2", "sk-xxxx3", "sk-xxxx4"])
    #expect(list.warnings.isEmpty)
  }

  /// One valid list and what it parses to.
  struct Valid: CustomTestStringConvertible, Sendable {
    let text: String
    let keys: [String]
    let warnings: [KeyListWarning]
    var testDescription: String { text.debugDescription }
  }

  static let valid: [Valid] = [
    Valid(text: "sk-a", keys: ["sk-a"], warnings: []),
    // `key sk-a, sk-b`: the shell joins the words with a space.
    Valid(text: "sk-a, sk-b", keys: ["sk-a", "sk-b"], warnings: []),
    Valid(text: "  sk-a ,\tsk-b  ", keys: ["sk-a", "sk-b"], warnings: []),
    Valid(
      text: "sk-a,,sk-b,", keys: ["sk-a", "sk-b"],
      warnings: [.emptyEntryDropped(position: 2), .emptyEntryDropped(position: 4)]),
    Valid(text: ",sk-a", keys: ["sk-a"], warnings: [.emptyEntryDropped(position: 1)]),
    Valid(
      text: "sk-a, ,sk-b", keys: ["sk-a", "sk-b"], warnings: [.emptyEntryDropped(position: 2)]),
    Valid(
      text: "sk-a,sk-b,sk-a", keys: ["sk-a", "sk-b"],
      warnings: [.duplicateDropped(position: 3, masked: "****")]),
    Valid(
      text: "sk-proj-abcdefghijklmnopqrstuvwxyz012345, sk-proj-abcdefghijklmnopqrstuvwxyz012345",
      keys: ["sk-proj-abcdefghijklmnopqrstuvwxyz012345"],
      warnings: [.duplicateDropped(position: 2, masked: "sk-proj-****yz012345")]),
    Valid(text: "env:OPENAI_API_KEY", keys: ["env:OPENAI_API_KEY"], warnings: []),
    Valid(text: "env:_K1, sk-b", keys: ["env:_K1", "sk-b"], warnings: []),
    // Characters other than separators are allowed in keys (some keys hold "." or "=").
    Valid(text: "abc.def==,x_y-z", keys: ["abc.def==", "x_y-z"], warnings: []),
    Valid(text: "sk-***", keys: ["sk-***"], warnings: []),
  ]

  @Test(arguments: valid)
  func parsesValidList(_ row: Valid) throws {
    let list = try APIKeyList.parse(row.text)
    #expect(list.keys == row.keys)
    #expect(list.warnings == row.warnings)
  }

  @Test func joinWritesCommasOnly() {
    #expect(APIKeyList.join(["sk-a", "sk-b", "env:K"]) == "sk-a,sk-b,env:K")
    #expect(APIKeyList.join([]) == "")
  }

  @Test func warningsSayWhatWasDropped() {
    #expect(
      KeyListWarning.emptyEntryDropped(position: 2).description == "entry 2 is empty: dropped")
    #expect(
      KeyListWarning.duplicateDropped(position: 3, masked: "****").description
        == "entry 3 (****) repeats an earlier key: dropped")
  }

  // MARK: - Wrong separators

  /// A refused separator, its expected name, and the character itself.
  struct Separator: CustomTestStringConvertible, Sendable {
    let character: Character
    let name: String
    var testDescription: String { name }
  }

  static let separators: [Separator] = [
    Separator(character: "\u{FF0C}", name: "full-width comma U+FF0C"),
    Separator(character: "\u{3001}", name: "ideographic comma U+3001"),
    Separator(character: "\u{FF64}", name: "halfwidth ideographic comma U+FF64"),
    Separator(character: "\u{FE50}", name: "small comma U+FE50"),
    Separator(character: "\u{060C}", name: "Arabic comma U+060C"),
    Separator(character: ";", name: "semicolon U+003B"),
    Separator(character: "\u{FF1B}", name: "full-width semicolon U+FF1B"),
  ]

  @Test(arguments: separators)
  func refusesWrongSeparator(_ row: Separator) {
    #expect(
      throws: KeyListError.wrongSeparator(
        character: row.character, name: row.name, position: 5, corrected: "sk-a,sk-b")
    ) {
      try APIKeyList.parse("sk-a\(row.character)sk-b")
    }
  }

  @Test func wrongSeparatorNamesTheFirstAndCorrectsAll() {
    #expect(
      throws: KeyListError.wrongSeparator(
        character: "\u{FF0C}", name: "full-width comma U+FF0C", position: 10,
        corrected: "sk-a,sk-b,sk-c,sk-d")
    ) {
      try APIKeyList.parse("sk-a,sk-b\u{FF0C}sk-c\u{3001}sk-d")
    }
  }

  @Test func wrongSeparatorPositionCountsCharactersNotBytes() {
    // "é" is two UTF-8 bytes but one character.
    #expect(
      throws: KeyListError.wrongSeparator(
        character: ";", name: "semicolon U+003B", position: 3, corrected: "é,,b")
    ) {
      try APIKeyList.parse("é,;b")
    }
  }

  @Test func wrongSeparatorMessageMasksTheCorrectedList() {
    let key = "sk-proj-abcdefghijklmnopqrstuvwxyz012345"
    let error = KeyListError.wrongSeparator(
      character: "\u{FF0C}", name: "full-width comma U+FF0C", position: 41,
      corrected: key + ",sk-b")
    #expect(!error.description.contains(key))
    #expect(error.description.contains("key sk-proj-****yz012345,****"))
    #expect(error.description.contains("full-width comma U+FF0C"))
    #expect(error.description.contains("position 41"))
  }

  // MARK: - Refused keys

  /// A refused list and the error it gives.
  struct Refused: CustomTestStringConvertible, Sendable {
    let text: String
    let error: KeyListError
    var testDescription: String { text.debugDescription }
  }

  static let refused: [Refused] = [
    Refused(text: "", error: .empty),
    Refused(text: "   ", error: .empty),
    Refused(text: ",", error: .empty),
    Refused(text: " , ,\t", error: .empty),
    Refused(text: "sk-a b", error: .innerWhitespace(entry: 1)),
    Refused(text: "sk-a,sk-b c", error: .innerWhitespace(entry: 2)),
    Refused(text: "sk-a\tb", error: .innerWhitespace(entry: 1)),
    Refused(text: "sk-a\nsk-b", error: .innerWhitespace(entry: 1)),
    Refused(text: "sk-a\u{00A0}b", error: .innerWhitespace(entry: 1)),
    Refused(text: "sk-\u{0}a", error: .controlCharacter(entry: 1)),
    Refused(text: "sk-b,sk-\u{1B}[0ma", error: .controlCharacter(entry: 2)),
    Refused(text: "sk-a\u{7F}", error: .controlCharacter(entry: 1)),
    Refused(text: "sk-\u{200B}a", error: .controlCharacter(entry: 1)),
    Refused(text: "\u{FEFF}sk-a", error: .controlCharacter(entry: 1)),
    Refused(text: "sk-a****wxyz", error: .maskedKey(entry: 1)),
    Refused(text: "sk-a,****", error: .maskedKey(entry: 2)),
    Refused(text: "env:1BAD", error: .badReference(entry: 1, name: "1BAD")),
    Refused(text: "sk-a,env:", error: .badReference(entry: 2, name: "")),
    Refused(text: "env:MY-KEY", error: .badReference(entry: 1, name: "MY-KEY")),
    Refused(text: "env:$KEY", error: .badReference(entry: 1, name: "$KEY")),
  ]

  @Test(arguments: refused)
  func refusesBadList(_ row: Refused) {
    #expect(throws: row.error) { try APIKeyList.parse(row.text) }
  }

  @Test func everyErrorHasAMessageAndAFix() {
    let errors: [KeyListError] = [
      .empty, .innerWhitespace(entry: 1), .controlCharacter(entry: 1), .maskedKey(entry: 1),
      .badReference(entry: 1, name: "1X"), .unsetVariable(name: "K"),
      .wrongSeparator(character: ";", name: "semicolon U+003B", position: 2, corrected: "a,b"),
    ]
    for error in errors {
      #expect(error.description.split(separator: "\n").count == 2, "\(error)")
    }
  }
}
