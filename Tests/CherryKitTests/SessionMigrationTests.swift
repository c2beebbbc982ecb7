import CherryKit
import Foundation
import Testing

/// Reading session bytes of every version (DESIGN §2.4): the current one as is,
/// version 0 (no `version` field) migrated, newer ones refused, damage explained.
@Suite struct SessionMigrationTests {
  static func decode(_ text: String) throws(StoreError) -> (session: Session, migratedFrom: Int?) {
    let loaded = try SessionMigration.decode(Data(text.utf8), path: "/s.json")
    return (loaded.session, loaded.migratedFrom)
  }

  @Test func theCurrentVersionRoundTrips() throws {
    var provider = Provider(id: "c", name: "C", style: .azureOpenAI, url: "https://x/")
    provider.apiVersion = "2024-10-21"
    provider.keys = ["k1", "env:KEY"]
    provider.rotationCursor = 1
    provider.models = [
      ProviderModel(id: "gpt-4o", group: "gpt-4o", kindOverrides: [.vision: false])
    ]
    provider.headers = [HeaderEntry(name: "X-A", value: "1")]
    provider.proxy = "http://127.0.0.1:3128"
    provider.timeout = 12.5
    provider.enabled = true
    let session = Session(providers: [provider], selected: "c")
    let data = try SessionStore.encode(session, path: "/s.json")
    let decoded = try SessionMigration.decode(data, path: "/s.json")
    #expect(decoded.session == session)
    #expect(decoded.migratedFrom == nil)
  }

  @Test func versionZeroBuiltInTakesTheCatalogueDefaults() throws {
    let (session, from) = try Self.decode(
      #"{"providers": [{"id": "deepseek", "apiKey": " sk-1, sk-2,,sk-1 ", "enabled": true, "models": [{"id": "deepseek-chat"}, {"id": "x", "group": "mine"}]}], "selected": "deepseek"}"#
    )
    #expect(from == 0)
    #expect(session.version == Session.currentVersion)
    #expect(session.selected == "deepseek")
    let provider = try #require(session.provider("deepseek"))
    var expected = try #require(ProviderCatalogue.entry("deepseek")?.makeProvider())
    expected.keys = ["sk-1", "sk-2"]
    expected.enabled = true
    expected.models = [
      ProviderModel(
        id: "deepseek-chat",
        group: ModelGrouping.group(for: "deepseek-chat", providerID: "deepseek", isBuiltIn: true)),
      ProviderModel(id: "x", group: "mine"),
    ]
    #expect(provider == expected)
  }

  @Test func versionZeroCustomProviderKeepsWhatItHas() throws {
    let (session, _) = try Self.decode(
      #"{"providers": [{"id": "local", "name": "Local", "type": "ollama", "apiHost": " http://127.0.0.1:11434 ", "isSystem": false}]}"#
    )
    var expected = Provider(id: "local", name: "Local", style: .ollama)
    expected.url = "http://127.0.0.1:11434"
    #expect(session.providers == [expected])
    #expect(session.selected == nil)
  }

  @Test func versionZeroCatalogueIdMarkedCustomIsCustom() throws {
    let (session, _) = try Self.decode(
      #"{"providers": [{"id": "openai", "type": "anthropic", "isSystem": false}]}"#)
    #expect(session.providers == [Provider(id: "openai", name: "openai", style: .anthropic)])
  }

  @Test(arguments: [
    (
      #"{"providers": [{"id": "a", "type": "openai"}, {"id": "b"}]}"#, "providers.b.type",
      "it is missing, and a custom provider's style cannot be guessed"
    ),
    (
      #"{"providers": [{"id": "a", "type": "soap"}]}"#, "providers.a.type", "unknown style \"soap\""
    ),
    (
      #"{"providers": [{"id": "a", "type": "openai"}, {"id": "a", "type": "openai"}]}"#,
      "providers[1].id", "\"a\" is the id of an earlier provider too"
    ),
    (#"{"providers": [{"name": "x"}]}"#, "providers[0].id", "it is missing"),
    (
      #"{"providers": [{"id": "a", "apiKey": ["k"]}]}"#, "providers.a.apiKey",
      "expected a string, found a list"
    ),
  ])
  func badVersionZeroFilesAreExplained(text: String, field: String, problem: String) {
    #expect(throws: StoreError.invalidValue(path: "/s.json", field: field, problem: problem)) {
      try Self.decode(text)
    }
  }

  @Test(arguments: [2, 99])
  func newerVersionsAreRefused(version: Int) {
    #expect(throws: StoreError.newerVersion(path: "/s.json", found: version, supported: 1)) {
      try Self.decode(#"{"version": \#(version), "providers": "whatever"}"#)
    }
  }

  @Test(arguments: [
    ("", "the file is empty"),
    (" \n\t", "the file is empty"),
    ("[]", "the top level: expected an object"),
    ("\"session\"", "the top level: expected an object"),
    (
      "{\"version\": 1,\n\"providers\": [\n  {\"id\": \"a\" \"name\": \"b\"}]}",
      "line 3, column 14: expected ',' or '}' after a field"
    ),
    ("{\"version\": 1, \"providers\": [1 2]}", "line 1, column 32: expected ',' or ']' in a list"),
    ("{\"version\": 1, \"providers\": []", "line 1, column 31: the text ends before '}' closes"),
    ("{\"version\": 1, \"providers\": [{}, ", "line 1, column 34: the text ends where a value"),
    ("{\"é\": 1, \"version\": 1, \"providers\": [1 2]}", "line 1, column 40: expected ',' or ']'"),
    ("{\"version\": 1, \"providers\": [\"open", "line 1, column 30: a string that is never closed"),
    ("{\"version\": tru}", "line 1, column 13: expected true"),
    ("{\"version\": 1} x", "line 1, column 16: unexpected text after the end"),
    ("{version: 1}", "line 1, column 2: expected a field name in quotes"),
  ])
  func damagedFilesAreExplained(text: String, reason: String) {
    let error = #expect(throws: StoreError.self) { try Self.decode(text) }
    guard case .corrupt(let path, let found)? = error else {
      Issue.record("expected .corrupt, got \(String(describing: error))")
      return
    }
    #expect(path == "/s.json")
    #expect(found.hasPrefix(reason), "\(found)")
  }

  @Test(arguments: [
    (#"{"version": -1, "providers": []}"#, "version", "version -1 never existed"),
    (#"{"version": 0, "providers": []}"#, "version", "version 0 never existed"),
    (#"{"version": "1", "providers": []}"#, "version", "expected a whole number, found a string"),
    (#"{"version": 1.5, "providers": []}"#, "version", "1.5 is not a version"),
    (#"{"version": 1}"#, "providers", "it is missing"),
    (#"{"version": 1, "providers": [{"id": "a"}]}"#, "providers.a.name", "it is missing"),
    (#"{"version": 1, "providers": {}}"#, "providers", "expected a list, found an object"),
  ])
  func badValuesAreNamed(text: String, field: String, problem: String) {
    let error = #expect(throws: StoreError.self) { try Self.decode(text) }
    guard case .invalidValue(let path, let found, let what)? = error else {
      Issue.record("expected .invalidValue, got \(String(describing: error))")
      return
    }
    #expect(path == "/s.json")
    #expect(found == field)
    #expect(what.hasPrefix(problem), "\(what)")
  }
}
