import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Every value loaded from the session file is checked (DESIGN §2.4): an unusable
/// one stops the load naming `providers.<id>.<field>`, one that only a newer rule
/// refuses loads with a warning naming the field.
@Suite struct SessionValidationTests {
  /// A version-1 file with one provider `alpha`: every member it needs, with
  /// `members` (JSON text such as `"timeout": 5`) added or put in their place.
  static func file(provider members: String, top: String = "") -> String {
    var provider: [(name: String, value: String)] = [
      ("id", #""alpha""#), ("name", #""Alpha""#), ("style", #""openai""#),
      ("isBuiltIn", "false"), ("needsKey", "true"),
      ("keys", #"["sk-alpha-0000000001", "sk-alpha-0000000002"]"#),
      ("url", #""https://a.example""#), ("models", "[]"), ("enabled", "false"),
      ("headers", "[]"),
    ]
    if let colon = members.firstIndex(of: ":") {
      let name = members[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
      let value = String(members[members.index(after: colon)...])
      provider.removeAll { $0.name == name }
      provider.append((name, value))
    }
    let object = provider.map { "\"\($0.name)\": \($0.value)" }.joined(separator: ", ")
    return #"{"version": 1, \#(top)"providers": [{\#(object)}]}"#
  }

  /// Writes `text` as a session file and loads it.
  static func load(_ text: String) throws -> (LoadedSession?, StoreError?, String, Data?) {
    let folder = try TemporaryDirectory(prefix: "cherry-validation")
    defer { folder.remove() }
    let path = try folder.write(text, to: "session.json")
    chmod(path, 0o600)
    let before = FileDigest.bytes(path)
    let store = SessionStore(path: path)
    do throws(StoreError) {
      let loaded = try store.load()
      return (loaded, nil, path, before)
    } catch {
      // A save stops at the same error and leaves the file as it was.
      let again = #expect(throws: StoreError.self) {
        try store.save(Session(), base: Session(), onConflict: .keepTheirs)
      }
      #expect(again == error)
      #expect(FileDigest.bytes(path) == before)
      return (nil, error, path, before)
    }
  }

  struct Unusable: CustomTestStringConvertible, Sendable {
    var name: String
    var members: String
    var field: String
    var problem: String

    var testDescription: String { name }
  }

  static let unusable: [Unusable] = [
    Unusable(
      name: "a timeout of 1e300 seconds", members: #""timeout": 1e300"#,
      field: "providers.alpha.timeout", problem: "1e+300 seconds cannot be a timeout"),
    Unusable(
      name: "a negative timeout", members: #""timeout": -5"#, field: "providers.alpha.timeout",
      problem: "-5.0 seconds cannot be a timeout"),
    Unusable(
      name: "a zero timeout", members: #""timeout": 0"#, field: "providers.alpha.timeout",
      problem: "0.0 seconds cannot be a timeout"),
    Unusable(
      name: "a timeout of a week", members: #""timeout": 604800"#,
      field: "providers.alpha.timeout", problem: "604800.0 seconds cannot be a timeout"),
    Unusable(
      name: "a timeout in words", members: #""timeout": "fast""#,
      field: "providers.alpha.timeout", problem: "expected a number, found a string"),
    Unusable(
      name: "a rotation cursor past the keys", members: #""rotationCursor": 7"#,
      field: "providers.alpha.rotationCursor", problem: "7 points at no key: there are 2 keys"),
    Unusable(
      name: "a negative rotation cursor", members: #""rotationCursor": -1"#,
      field: "providers.alpha.rotationCursor", problem: "-1 points at no key"),
    Unusable(
      name: "an absurd rotation cursor", members: #""rotationCursor": 1e300"#,
      field: "providers.alpha.rotationCursor", problem: "1e+300 is out of range"),
    Unusable(
      name: "a rotation cursor that is not whole", members: #""rotationCursor": 0.5"#,
      field: "providers.alpha.rotationCursor", problem: "expected a whole number, found 0.5"),
    Unusable(
      name: "keys as one string", members: #""keys": "sk-a,sk-b""#,
      field: "providers.alpha.keys", problem: "expected a list, found a string"),
    Unusable(
      name: "a header name with a space",
      members: #""headers": [{"name": "X Bad", "value": "1"}]"#,
      field: "providers.alpha.headers[0].name", problem: "\"X Bad\" is not an HTTP header name"),
    Unusable(
      name: "a header value with a line break",
      members: #""headers": [{"name": "X-A", "value": "1\r\nX-Injected: yes"}]"#,
      field: "providers.alpha.headers[0].value", problem: "the value of X-A holds a line break"),
    Unusable(
      name: "enabled as a word", members: #""enabled": "yes""#,
      field: "providers.alpha.enabled", problem: "expected true or false, found a string"),
    Unusable(
      name: "an unknown style", members: #""style": "grpc""#, field: "providers.alpha.style",
      problem: ""),
    Unusable(
      name: "a model without an id",
      members: #""models": [{"id": "", "group": "g", "kindOverrides": {}, "stale": false}]"#,
      field: "providers.alpha.models[0].id", problem: "it is empty"),
    Unusable(
      name: "a model's group missing", members: #""models": [{"id": "m"}]"#,
      field: "providers.alpha.models[0].group", problem: "it is missing"),
  ]

  @Test(arguments: unusable)
  func anUnusableValueStopsTheLoadNamingIt(_ row: Unusable) throws {
    let (loaded, error, path, _) = try Self.load(Self.file(provider: row.members))
    #expect(loaded == nil)
    guard case .invalidValue(let errorPath, let field, let problem)? = error else {
      Issue.record("expected .invalidValue, got \(String(describing: error))")
      return
    }
    #expect(errorPath == path)
    #expect(field == row.field)
    #expect(problem.hasPrefix(row.problem), "\(problem)")
    #expect(error?.what.contains(row.field) == true)
    #expect(error?.what.contains(path) == true)
    #expect(error?.fix.contains(row.field) == true)
  }

  @Test func aProviderWithoutAnIdOrTwiceTheSameIdIsNamedByPosition() throws {
    let twice = """
      {"version": 1, "providers": [
      {"id": "a", "name": "A", "style": "openai", "isBuiltIn": false, "needsKey": true, "keys": [],
       "url": "", "models": [], "enabled": false, "headers": []},
      {"id": "a", "name": "A", "style": "openai", "isBuiltIn": false, "needsKey": true, "keys": [],
       "url": "", "models": [], "enabled": false, "headers": []}]}
      """
    let (_, error, path, _) = try Self.load(twice)
    #expect(
      error
        == .invalidValue(
          path: path, field: "providers[1].id",
          problem: "\"a\" is the id of an earlier provider too"
        ))
    let empty = twice.replacingOccurrences(
      of: #"{"id": "a", "name": "A""#, with: #"{"id": "", "name": "A""#)
    let (_, emptyError, emptyPath, _) = try Self.load(empty)
    #expect(
      emptyError == .invalidValue(path: emptyPath, field: "providers[0].id", problem: "it is empty")
    )
  }

  @Test func versionOnePointFiveSaysWhatIsWrongWithTheVersion() throws {
    let (_, error, path, _) = try Self.load(#"{"version": 1.5, "providers": []}"#)
    guard case .invalidValue(_, "version", let problem)? = error else {
      Issue.record("expected .invalidValue at version, got \(String(describing: error))")
      return
    }
    #expect(problem.contains("1.5 is not a version"))
    #expect(error?.what.contains("not valid JSON") == false)
    #expect(error?.what.contains(path) == true)
  }

  // MARK: - Refused only by a newer rule: loaded, with a warning

  struct Newer: CustomTestStringConvertible, Sendable {
    var name: String
    var members: String
    var words: [String]

    var testDescription: String { name }
  }

  static let newer: [Newer] = [
    Newer(
      name: "a key holding an ideographic comma",
      members: #""keys": ["sk-alpha-0000000001\u3001sk-beta-000000002"]"#,
      words: ["providers.alpha.keys", "key #1", "ideographic comma", "key set 1 <key>"]),
    Newer(
      name: "a key holding a zero-width space",
      members: #""keys": ["sk-one", "sk-alpha\u200b0000000002"]"#,
      words: ["providers.alpha.keys", "key #2", "control or invisible character"]),
    Newer(
      name: "a masked key saved as a key", members: #""keys": ["sk-a****wxyz"]"#,
      words: ["providers.alpha.keys", "key #1", "masked key"]),
    Newer(
      name: "a pasted endpoint without #",
      members: #""url": "https://api.example.com/v1/chat/completions""#,
      words: ["providers.alpha.url", "`url` would refuse it now"]),
  ]

  @Test(arguments: newer)
  func aValueOnlyANewerRuleRefusesLoadsWithAWarning(_ row: Newer) throws {
    let text = Self.file(provider: row.members)
    let (loaded, error, _, _) = try Self.load(text)
    #expect(error == nil)
    let warnings = try #require(loaded?.warnings)
    #expect(warnings.count == 1, "\(warnings)")
    for word in row.words {
      #expect(warnings.first?.contains(word) == true, "\(warnings)")
    }
    // The value itself is kept as it was, and never printed whole.
    let provider = try #require(loaded?.session.provider("alpha"))
    let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let stored = (json?["providers"] as? [[String: Any]])?.first
    if let keys = stored?["keys"] as? [String] {
      #expect(provider.keys == keys)
      for key in keys where key.count > 8 {
        #expect(warnings.first?.contains(key) == false)
      }
    }
    if let url = stored?["url"] as? String {
      #expect(provider.url == url)
    }
  }

  @Test func aSelectionNamingNoProviderIsDroppedWithAWarning() throws {
    let (loaded, error, _, _) = try Self.load(
      Self.file(provider: "", top: #""selected": "ghost", "#))
    #expect(error == nil)
    #expect(loaded?.session.selected == nil)
    #expect(
      loaded?.warnings == [#"selected: there is no provider "ghost"; no provider is selected"#])
  }

  @Test func theCatalogueLoadsWithoutAWarning() throws {
    let folder = try TemporaryDirectory(prefix: "cherry-validation")
    defer { folder.remove() }
    let store = SessionStore(path: folder.file("session.json"))
    let fresh = ProviderCatalogue.freshSession()
    _ = try store.save(fresh, base: fresh, onConflict: .refuse)
    let loaded = try store.load()
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
    #expect(loaded.session == fresh)
  }

  @Test(arguments: [0.5, 15, 86_400])
  func usableTimeoutsLoad(seconds: Double) throws {
    let (loaded, error, _, _) = try Self.load(Self.file(provider: #""timeout": \#(seconds)"#))
    #expect(error == nil)
    #expect(loaded?.session.provider("alpha")?.timeout == seconds)
  }

  @Test func theRulesAreTheOnesTheCommandsUse() {
    #expect(SettingRules.isUsableTimeout(SettingRules.longestTimeout))
    #expect(!SettingRules.isUsableTimeout(.nan))
    #expect(!SettingRules.isUsableTimeout(.infinity))
    #expect(SettingRules.isHeaderName("X-Custom_1.~!"))
    #expect(!SettingRules.isHeaderName(""))
    #expect(!SettingRules.isHeaderName("Clé"))
    #expect(!SettingRules.isHeaderName("a:b"))
    #expect(SettingRules.isHeaderValue("Bearer x, y; z"))
    #expect(!SettingRules.isHeaderValue("a\nb"))
    #expect(!SettingRules.isHeaderValue("a\u{0}b"))
  }
}
