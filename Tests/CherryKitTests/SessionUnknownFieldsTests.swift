import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Fields this cherry does not know — from a newer minor version, or added by hand —
/// are kept on save, at every level (DESIGN §2.4).
@Suite struct SessionUnknownFieldsTests {
  /// A version-1 file with unknown fields at the top level, in a provider (one of
  /// them an object), in a model, in a header and in a second provider.
  static let text = """
    {
      "version": 1,
      "selected": "alpha",
      "theme": "dark",
      "providers": [
        {
          "id": "alpha", "name": "Alpha", "style": "openai", "isBuiltIn": false,
          "needsKey": true, "keys": ["sk-alpha-1"], "url": "https://a.example",
          "enabled": false, "notes": "from a newer cherry",
          "limits": {"rpm": 60, "burst": [1, 2.5, null]},
          "models": [{"id": "m1", "group": "m", "kindOverrides": {}, "stale": false,
                      "contextWindow": 128000}],
          "headers": [{"name": "X-A", "value": "1", "secret": true}]
        },
        {
          "id": "beta", "name": "Beta", "style": "anthropic", "isBuiltIn": false,
          "needsKey": true, "keys": [], "url": "", "enabled": false, "models": [],
          "headers": [], "priority": 12345678901234
        }
      ]
    }
    """

  /// The saved file as plain JSON objects.
  static func json(_ path: String) throws -> [String: Any] {
    let data = try #require(FileDigest.bytes(path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func provider(_ file: [String: Any], _ id: String) -> [String: Any]? {
    (file["providers"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }

  /// A folder holding the file above, and a store on it.
  struct Fixture {
    let folder: TemporaryDirectory
    let path: String
    let store: SessionStore

    init() throws {
      folder = try TemporaryDirectory(prefix: "cherry-unknown")
      path = try folder.write(SessionUnknownFieldsTests.text, to: "session.json")
      chmod(path, 0o600)
      store = SessionStore(path: path)
    }
  }

  @Test func aSaveKeepsUnknownFieldsAtEveryLevel() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let loaded = try fixture.store.load()
    #expect(loaded.warnings.isEmpty)
    var session = loaded.session
    session.providers[0].name = "Alpha Two"
    session.providers[0].models.append(ProviderModel(id: "m2", group: "m"))
    _ = try fixture.store.save(session, base: loaded.session, onConflict: .refuse)

    let file = try Self.json(fixture.path)
    #expect(file["theme"] as? String == "dark")
    let alpha = try #require(Self.provider(file, "alpha"))
    #expect(alpha["name"] as? String == "Alpha Two")
    #expect(alpha["notes"] as? String == "from a newer cherry")
    let limits = try #require(alpha["limits"] as? [String: Any])
    #expect(limits["rpm"] as? Int == 60)
    let burst = try #require(limits["burst"] as? [Any])
    #expect(burst.count == 3)
    #expect(burst[1] as? Double == 2.5)
    #expect(burst[2] is NSNull)
    let models = try #require(alpha["models"] as? [[String: Any]])
    #expect(models.map { $0["id"] as? String } == ["m1", "m2"])
    #expect(models[0]["contextWindow"] as? Int == 128_000)
    #expect(models[1]["contextWindow"] == nil)
    let headers = try #require(alpha["headers"] as? [[String: Any]])
    #expect(headers.first?["secret"] as? Bool == true)
    let beta = try #require(Self.provider(file, "beta"))
    #expect(beta["priority"] as? Int == 12_345_678_901_234)
    // And the file still loads as the session that was saved.
    #expect(try fixture.store.load().session == session)
  }

  @Test func unknownFieldsFollowTheirProviderThroughAnotherShellsChanges() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let first = try fixture.store.load().session
    let second = try fixture.store.load().session
    // The other shell adds a provider; this one changes beta.
    var theirs = second
    theirs.providers.append(Provider(id: "gamma", name: "Gamma", style: .ollama))
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    var mine = first
    mine.providers[1].keys = ["sk-beta-1"]
    _ = try fixture.store.save(mine, base: first, onConflict: .refuse)
    let file = try Self.json(fixture.path)
    #expect(Self.provider(file, "beta")?["priority"] as? Int == 12_345_678_901_234)
    #expect(Self.provider(file, "alpha")?["notes"] as? String == "from a newer cherry")
    #expect(Self.provider(file, "gamma")?["notes"] == nil)
    #expect(file["theme"] as? String == "dark")
  }

  @Test func removingAProviderModelOrHeaderRemovesItsUnknownFields() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let loaded = try fixture.store.load()
    var session = loaded.session
    session.providers[0].models = []
    session.providers[0].headers = [HeaderEntry(name: "X-B", value: "2")]
    session.providers.removeAll { $0.id == "beta" }
    _ = try fixture.store.save(session, base: loaded.session, onConflict: .refuse)
    let file = try Self.json(fixture.path)
    #expect(Self.provider(file, "beta") == nil)
    let alpha = try #require(Self.provider(file, "alpha"))
    #expect((alpha["models"] as? [Any])?.isEmpty == true)
    let headers = try #require(alpha["headers"] as? [[String: Any]])
    #expect(headers.count == 1)
    #expect(headers.first?["secret"] == nil)
    #expect(alpha["notes"] as? String == "from a newer cherry")
  }

  @Test func aKnownFieldThisShellClearedIsNotBroughtBack() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let loaded = try fixture.store.load()
    var withProxy = loaded.session
    withProxy.providers[0].proxy = "http://127.0.0.1:3128"
    _ = try fixture.store.save(withProxy, base: loaded.session, onConflict: .refuse)
    let base = try fixture.store.load().session
    #expect(base.providers[0].proxy == "http://127.0.0.1:3128")
    var session = base
    session.providers[0].proxy = nil
    _ = try fixture.store.save(session, base: base, onConflict: .refuse)
    let alpha = try #require(Self.provider(try Self.json(fixture.path), "alpha"))
    #expect(alpha["proxy"] == nil)
    #expect(alpha["notes"] as? String == "from a newer cherry")
  }

  @Test func aSaveThatChangesNothingLeavesAHandWrittenFileAsItIs() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let loaded = try fixture.store.load()
    let outcome = try fixture.store.save(loaded.session, base: loaded.session, onConflict: .refuse)
    #expect(outcome.session == loaded.session)
    #expect(FileDigest.bytes(fixture.path) == Data(SessionUnknownFieldsTests.text.utf8))
  }

  @Test func aFileWithoutUnknownFieldsIsWrittenAsTheSessionEncodes() throws {
    let folder = try TemporaryDirectory(prefix: "cherry-unknown")
    defer { folder.remove() }
    let store = SessionStore(path: folder.file("session.json"))
    let sample = SessionStoreTests.sample()
    _ = try store.save(sample, base: sample, onConflict: .refuse)
    var changed = sample
    changed.providers[1].enabled = true
    _ = try store.save(changed, base: sample, onConflict: .refuse)
    #expect(
      FileDigest.bytes(folder.file("session.json"))
        == (try SessionStore.encode(changed, path: folder.file("session.json"))))
  }
}
