import CherryKit
import Foundation
import Testing

/// Round-robin key rotation and key sources (DESIGN §1.1).
struct KeyRotationTests {
  static let seedKeys = ["sk-xxxx1", "sk-xxxx2", "sk-xxxx3", "sk-xxxx4"]

  /// One `next(count:cursor:)` case.
  struct Next: CustomTestStringConvertible, Sendable {
    let count: Int
    let cursor: Int?
    let expected: Int
    var testDescription: String { "count \(count), cursor \(cursor.map(String.init) ?? "nil")" }
  }

  static let nextCases: [Next] = [
    Next(count: 4, cursor: nil, expected: 0),
    Next(count: 4, cursor: 0, expected: 1),
    Next(count: 4, cursor: 2, expected: 3),
    Next(count: 4, cursor: 3, expected: 0),
    Next(count: 4, cursor: 4, expected: 0),
    Next(count: 4, cursor: 99, expected: 0),
    Next(count: 4, cursor: -1, expected: 0),
    Next(count: 1, cursor: 0, expected: 0),
    Next(count: 1, cursor: nil, expected: 0),
    Next(count: 0, cursor: nil, expected: 0),
    Next(count: 0, cursor: 3, expected: 0),
  ]

  @Test(arguments: nextCases)
  func nextIndex(_ row: Next) {
    #expect(KeyRotation.next(count: row.count, cursor: row.cursor) == row.expected)
  }

  @Test func nextKeyNumberFollowsTheRotationWithoutMovingIt() {
    var provider = Provider(id: "p", name: "P", style: .openai)
    #expect(provider.nextKeyNumber == nil)
    provider.setKeys(Self.seedKeys)
    var seen: [Int] = []
    for _ in 0..<5 {
      let number = provider.nextKeyNumber
      #expect(number == provider.nextKeyNumber, "reading it does not rotate")
      let used = provider.advanceRotation()
      #expect(number == used.map { $0 + 1 })
      seen.append(number ?? 0)
    }
    #expect(seen == [1, 2, 3, 4, 1])
    provider.setKeys([])
    #expect(provider.nextKeyNumber == nil)
  }

  /// One `remap` case: the cursor before, the lists, the cursor after.
  struct Remap: CustomTestStringConvertible, Sendable {
    let name: String
    let cursor: Int?
    let old: [String]
    let new: [String]
    let expected: Int?
    var testDescription: String { name }
  }

  static let remapCases: [Remap] = [
    Remap(name: "kept key moves", cursor: 1, old: ["a", "b", "c"], new: ["b", "c"], expected: 0),
    Remap(name: "reordered", cursor: 0, old: ["a", "b", "c"], new: ["c", "b", "a"], expected: 2),
    Remap(
      name: "added after", cursor: 2, old: ["a", "b", "c"], new: ["a", "b", "c", "d"],
      expected: 2),
    Remap(
      name: "last used removed", cursor: 1, old: ["a", "b", "c"], new: ["a", "c"],
      expected: nil),
    Remap(name: "no cursor", cursor: nil, old: ["a"], new: ["a"], expected: nil),
    Remap(name: "stale cursor", cursor: 5, old: ["a"], new: ["a"], expected: nil),
    Remap(name: "cleared", cursor: 0, old: ["a"], new: [], expected: nil),
  ]

  @Test(arguments: remapCases)
  func remapCursor(_ row: Remap) {
    #expect(KeyRotation.remap(cursor: row.cursor, from: row.old, to: row.new) == row.expected)
  }

  // MARK: - Provider

  private static func seedProvider() -> Provider {
    var provider = Provider(id: "p", name: "P", style: .openai, url: "https://api.example.com")
    provider.setKeys(seedKeys)
    return provider
  }

  @Test func seedRotationIsOneTwoThreeFourOne() {
    var provider = Self.seedProvider()
    var used: [Int] = []
    for _ in 0..<5 {
      if let index = provider.advanceRotation() { used.append(index + 1) }
    }
    #expect(used == [1, 2, 3, 4, 1])
    #expect(provider.rotationCursor == 0)
  }

  @Test func rotationSurvivesJSONRoundTrip() throws {
    var provider = Self.seedProvider()
    var used: [Int] = []
    for _ in 0..<2 {
      if let index = provider.advanceRotation() { used.append(index + 1) }
    }
    let session = Session(providers: [provider], selected: "p")
    let data = try JSONEncoder().encode(session)
    let decoded = try JSONDecoder().decode(Session.self, from: data)
    #expect(decoded == session)
    var restored = try #require(decoded.provider("p"))
    for _ in 0..<3 {
      if let index = restored.advanceRotation() { used.append(index + 1) }
    }
    #expect(used == [1, 2, 3, 4, 1])
  }

  @Test func noKeysGivesNoIndex() {
    var provider = Provider(id: "o", name: "Ollama", style: .ollama, needsKey: false)
    #expect(provider.advanceRotation() == nil)
    #expect(provider.rotationCursor == nil)
  }

  @Test func setKeysResumesAfterTheLastUsedKey() {
    var provider = Self.seedProvider()
    _ = provider.advanceRotation()
    _ = provider.advanceRotation()  // used sk-xxxx2
    provider.setKeys(["sk-xxxx1", "sk-xxxx3", "sk-xxxx2"])
    #expect(provider.rotationCursor == 2)
    #expect(provider.advanceRotation() == 0)
  }

  @Test func setKeysStartsOverWhenTheLastUsedKeyIsGone() {
    var provider = Self.seedProvider()
    _ = provider.advanceRotation()
    _ = provider.advanceRotation()  // used sk-xxxx2
    provider.setKeys(["sk-xxxx1", "sk-xxxx3"])
    #expect(provider.rotationCursor == nil)
    #expect(provider.advanceRotation() == 0)
    #expect(provider.keys == ["sk-xxxx1", "sk-xxxx3"])
  }

  // MARK: - Key sources

  @Test func sourceReadsReferences() {
    #expect(KeySource(entry: "env:OPENAI_API_KEY") == .environment(name: "OPENAI_API_KEY"))
    #expect(KeySource(entry: "sk-a") == .literal("sk-a"))
    // Not a valid name: a literal (parse refuses it before it is ever stored).
    #expect(KeySource(entry: "env:1X") == .literal("env:1X"))
    #expect(KeySource(entry: "env:K").entry == "env:K")
    #expect(KeySource.literal("sk-a").entry == "sk-a")
  }

  @Test func sourceResolvesFromTheGivenEnvironment() throws {
    let environment = ["K": "sk-from-env", "PADDED": "  sk-padded\n", "BLANK": "  ", "EMPTY": ""]
    #expect(try KeySource.literal("sk-a").resolve(environment: [:]) == "sk-a")
    #expect(try KeySource.environment(name: "K").resolve(environment: environment) == "sk-from-env")
    #expect(
      try KeySource.environment(name: "PADDED").resolve(environment: environment) == "sk-padded")
    for name in ["MISSING", "BLANK", "EMPTY"] {
      #expect(throws: KeyListError.unsetVariable(name: name)) {
        try KeySource.environment(name: name).resolve(environment: environment)
      }
    }
  }
}
