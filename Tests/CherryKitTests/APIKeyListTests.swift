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
    // A backslash elsewhere in a key is kept.
    Valid(text: "ab\\cd,ef", keys: ["ab\\cd", "ef"], warnings: []),
  ]

  /// Cherry Studio's `splitApiKeyString` vectors.
  ///
  /// From src/renderer/src/utils/__tests__/api.test.ts and
  /// packages/shared/utils/api/__tests__/api.test.ts: `\,` is a comma inside a key.
  /// The app's empty list (`''` gives `[]`) is refused here instead (``KeyListError/empty``),
  /// and its dropped entries come with warnings.
  static let appVectors: [Valid] = [
    Valid(text: "key1,key2,key3", keys: ["key1", "key2", "key3"], warnings: []),
    Valid(text: " key1 , key2 ,key3 ", keys: ["key1", "key2", "key3"], warnings: []),
    Valid(
      text: "key1,key2\\,withcomma,key3", keys: ["key1", "key2,withcomma", "key3"], warnings: []),
    Valid(
      text: "key1\\,withcomma1,key2\\,withcomma2", keys: ["key1,withcomma1", "key2,withcomma2"],
      warnings: []),
    Valid(
      text: "key1,,key2, ,key3", keys: ["key1", "key2", "key3"],
      warnings: [.emptyEntryDropped(position: 2), .emptyEntryDropped(position: 4)]),
    Valid(text: "singlekey", keys: ["singlekey"], warnings: []),
    Valid(text: "key\\,withcomma", keys: ["key,withcomma"], warnings: []),
    Valid(
      text: " key1 , key2\\,withcomma , key3 ", keys: ["key1", "key2,withcomma", "key3"],
      warnings: []),
  ]

  @Test(arguments: valid + appVectors)
  func parsesValidList(_ row: Valid) throws {
    let list = try APIKeyList.parse(row.text)
    #expect(list.keys == row.keys)
    #expect(list.warnings == row.warnings)
  }

  @Test func joinWritesCommasOnly() {
    #expect(APIKeyList.join(["sk-a", "sk-b", "env:K"]) == "sk-a,sk-b,env:K")
    #expect(APIKeyList.join([]) == "")
  }

  @Test func joinEscapesCommasInsideKeys() throws {
    let keys = ["key1", "key2,withcomma", "a,b,c"]
    #expect(APIKeyList.join(keys) == "key1,key2\\,withcomma,a\\,b\\,c")
    #expect(APIKeyList.escape("no-comma") == "no-comma")
    #expect(try APIKeyList.parse(APIKeyList.join(keys)).keys == keys)
  }

  @Test func warningsSayWhatWasDropped() {
    #expect(
      KeyListWarning.emptyEntryDropped(position: 2).description == "entry 2 is empty: dropped")
    #expect(
      KeyListWarning.duplicateDropped(position: 3, masked: "****").description
        == "entry 3 (****) repeats an earlier key: dropped")
  }

  // MARK: - Wrong separators

  /// A refused separator, its expected name, and the scalar itself.
  struct Separator: CustomTestStringConvertible, Sendable {
    let scalar: Unicode.Scalar
    let name: String
    var testDescription: String { name }
  }

  /// The look-alikes of DESIGN §1.1, and Unicode's separators (by category, not a list).
  static let separators: [Separator] = [
    Separator(scalar: "\u{FF0C}", name: "full-width comma U+FF0C"),
    Separator(scalar: "\u{3001}", name: "ideographic comma U+3001"),
    Separator(scalar: "\u{FF64}", name: "halfwidth ideographic comma U+FF64"),
    Separator(scalar: "\u{FE50}", name: "small comma U+FE50"),
    Separator(scalar: "\u{060C}", name: "Arabic comma U+060C"),
    Separator(scalar: ";", name: "semicolon U+003B"),
    Separator(scalar: "\u{FF1B}", name: "full-width semicolon U+FF1B"),
    // Canonically equivalent to ";" as a Character, but named as what was typed.
    Separator(scalar: "\u{037E}", name: "Greek question mark U+037E"),
    Separator(scalar: "\u{201A}", name: "single low-9 quotation mark U+201A"),
    Separator(scalar: "\u{FE10}", name: "vertical comma U+FE10"),
    Separator(scalar: "\u{2E41}", name: "reversed comma U+2E41"),
    Separator(scalar: "\u{FE51}", name: "small ideographic comma U+FE51"),
    Separator(scalar: "\u{061B}", name: "Arabic semicolon U+061B"),
    Separator(scalar: "\u{066B}", name: "Arabic decimal separator U+066B"),
    Separator(scalar: "\u{3002}", name: "ideographic full stop U+3002"),
    Separator(scalar: "\u{FE52}", name: "small full stop U+FE52"),
    Separator(scalar: "\u{00A0}", name: "no-break space U+00A0"),
    Separator(scalar: "\u{3000}", name: "ideographic space U+3000"),
    Separator(scalar: "\u{202F}", name: "narrow no-break space U+202F"),
    Separator(scalar: "\u{2028}", name: "line separator U+2028"),
    Separator(scalar: "\u{2029}", name: "paragraph separator U+2029"),
  ]

  @Test(arguments: separators)
  func refusesWrongSeparator(_ row: Separator) {
    #expect(
      throws: KeyListError.wrongSeparator(
        character: row.scalar, name: row.name, position: 5, corrected: "sk-a,sk-b")
    ) {
      try APIKeyList.parse("sk-a\(row.scalar)sk-b")
    }
  }

  /// Invisible characters (format, default-ignorable) are removed by the correction.
  static let invisible: [Separator] = [
    Separator(scalar: "\u{200B}", name: "zero width space U+200B"),
    Separator(scalar: "\u{034F}", name: "combining grapheme joiner U+034F"),
    Separator(scalar: "\u{2060}", name: "word joiner U+2060"),
    Separator(scalar: "\u{FEFF}", name: "zero width no-break space U+FEFF"),
    Separator(scalar: "\u{200D}", name: "zero width joiner U+200D"),
    Separator(scalar: "\u{3164}", name: "hangul filler U+3164"),
    Separator(scalar: "\u{FE0F}", name: "variation selector-16 U+FE0F"),
  ]

  @Test(arguments: invisible)
  func refusesInvisibleCharacter(_ row: Separator) {
    #expect(
      throws: KeyListError.invisibleCharacter(
        character: row.scalar, name: row.name, position: 4, corrected: "sk-a,sk-b")
    ) {
      try APIKeyList.parse("sk-\(row.scalar)a,sk-b")
    }
  }

  @Test func aSeparatorNextToACommaBecomesASpace() {
    #expect(
      throws: KeyListError.wrongSeparator(
        character: "\u{00A0}", name: "no-break space U+00A0", position: 6,
        corrected: "sk-a, sk-b ")
    ) {
      try APIKeyList.parse("sk-a,\u{00A0}sk-b\u{3000}")
    }
  }

  @Test func theCorrectedCommandIsPrinted() {
    let error = KeyListError.wrongSeparator(
      character: "\u{037E}", name: "Greek question mark U+037E", position: 6,
      corrected: "alpha,beta")
    // Every key of the corrected list is masked by what it is, not by its shape.
    #expect(error.fix == "use: key ****,****")
    #expect(error.what.contains("Greek question mark U+037E"))
    #expect(error.description == error.what + "\n" + error.fix)
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

  @Test func wrongSeparatorPositionCountsScalarsNotBytes() {
    // "é" is two UTF-8 bytes but one scalar.
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
    Refused(text: "sk-\u{0}a", error: .controlCharacter(entry: 1)),
    Refused(text: "sk-b,sk-\u{1B}[0ma", error: .controlCharacter(entry: 2)),
    Refused(text: "sk-a\u{7F}", error: .controlCharacter(entry: 1)),
    Refused(text: "key1,key2\\", error: .trailingBackslash(entry: 2)),
    Refused(text: "key1\\ , key2", error: .trailingBackslash(entry: 1)),
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
      .invisibleCharacter(
        character: "\u{200B}", name: "zero width space U+200B", position: 2, corrected: "ab"),
      .trailingBackslash(entry: 1),
    ]
    for error in errors {
      #expect(error.description.split(separator: "\n").count == 2, "\(error)")
      #expect(error.description == error.what + "\n" + error.fix)
      #expect(!error.what.isEmpty && !error.fix.isEmpty)
    }
  }
}
