import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The session store on real files (DESIGN §2.4): round trips, modes, every kind of
/// bad file, and the crash and concurrency cases with probe child processes.
@Suite struct SessionStoreTests {
  /// Two custom providers, keys to rotate, one selected.
  static func sample() -> Session {
    var alpha = Provider(id: "alpha", name: "Alpha", style: .openai, url: "https://a.example/")
    alpha.keys = ["sk-alpha-1", "sk-alpha-2", "sk-alpha-3"]
    let beta = Provider(id: "beta", name: "Beta", style: .anthropic, url: "https://b.example")
    return Session(providers: [alpha, beta], selected: "alpha")
  }

  /// A folder with the sample session saved in it.
  struct Fixture {
    let folder: TemporaryDirectory
    let path: String
    let store: SessionStore

    init(file: String = "session.json") throws {
      folder = try TemporaryDirectory(prefix: "cherry-store")
      path = folder.file(file)
      store = SessionStore(path: path)
      _ = try store.save(SessionStoreTests.sample(), base: SessionStoreTests.sample())
    }

    var bytes: Data? { FileDigest.bytes(path) }
  }

  static func mode(_ path: String) -> mode_t {
    var status = stat()
    guard stat(path, &status) == 0 else { return 0 }
    return status.st_mode & 0o7777
  }

  @Test func aMissingFileGivesTheFreshSessionAndCreatesNothing() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("none/session.json")
    let loaded = try SessionStore(path: path).load()
    #expect(!loaded.existed)
    #expect(loaded.session == ProviderCatalogue.freshSession())
    #expect(loaded.warnings.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: folder.file("none")))
  }

  @Test func aSavedSessionLoadsBackEqual() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let loaded = try fixture.store.load()
    #expect(loaded.existed)
    #expect(loaded.session == Self.sample())
    #expect(loaded.migratedFrom == nil)
    #expect(loaded.warnings.isEmpty)
  }

  @Test func theFileIsSortedPrettyJSONWithAVersionAndAFinalNewline() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let text = String(decoding: try #require(fixture.bytes), as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    #expect(text.contains("\n  \"version\" : 1\n"))
    #expect(text.contains("\"url\" : \"https://a.example/\""))  // slashes unescaped
    let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    #expect(
      keys.map { $0.prefix { $0 != ":" } } == ["\"providers\" ", "\"selected\" ", "\"version\" "])
    #expect(try SessionStore.encode(Self.sample(), path: fixture.path) == fixture.bytes)
  }

  @Test func theFileIsMode0600AndCreatedFoldersAre0700() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    chmod(folder.path, 0o755)
    let path = folder.file("one/two/session.json")
    _ = try SessionStore(path: path).save(Self.sample(), base: Self.sample())
    #expect(Self.mode(path) == 0o600)
    #expect(Self.mode(folder.file("one")) == 0o700)
    #expect(Self.mode(folder.file("one/two")) == 0o700)
    #expect(Self.mode(folder.path) == 0o755)  // an existing folder is left alone
  }

  @Test func saveTightensAFileOthersCouldRead() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    chmod(fixture.path, 0o644)
    let loaded = try fixture.store.load()
    #expect(
      loaded.warnings == [
        "\(fixture.path) is readable by others (mode 0644); run chmod 600 \(fixture.path)"
      ])
    var session = loaded.session
    session.selected = "beta"
    _ = try fixture.store.save(session, base: loaded.session)
    #expect(Self.mode(fixture.path) == 0o600)
    #expect(try fixture.store.load().warnings.isEmpty)
  }

  @Test(arguments: [
    (0o644 as mode_t, "readable by others (mode 0644)"),
    (0o640, "readable by others (mode 0640)"),
    (0o604, "readable by others (mode 0604)"),
    (0o620, "writable by others (mode 0620)"),
    (0o602, "writable by others (mode 0602)"),
  ])
  func aFileOthersCanReachIsReported(mode: mode_t, words: String) throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    chmod(fixture.path, mode)
    let warnings = try fixture.store.load().warnings
    #expect(warnings.count == 1)
    #expect(warnings.first?.contains(words) == true)
    #expect(warnings.first?.hasSuffix("run chmod 600 \(fixture.path)") == true)
  }

  @Test func aSaveWithNothingNewLeavesTheFileAlone() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    var before = stat()
    stat(fixture.path, &before)
    let loaded = try fixture.store.load()
    _ = try fixture.store.save(loaded.session, base: loaded.session)
    var after = stat()
    stat(fixture.path, &after)
    #expect(before.st_ino == after.st_ino)
  }

  @Test func aSymbolicLinkIsFollowedAndKept() throws {
    let fixture = try Fixture(file: "real.json")
    defer { fixture.folder.remove() }
    let link = fixture.folder.file("session.json")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
    let store = SessionStore(path: link)
    let loaded = try store.load()
    var session = loaded.session
    session.selected = "beta"
    _ = try store.save(session, base: loaded.session)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
    #expect(try fixture.store.load().session.selected == "beta")
  }

  // MARK: Bad files: a clear error, and the file byte for byte as it was.

  @Test(arguments: [
    ("{\"version\": 1,\n  \"providers\": [ }\n", "line 2, column 18"),
    ("{\"version\": 1, \"providers\": [], \"selected\": \"a\"\n", "line 2, column 1"),
    ("", "the file is empty"),
    ("\n\n", "the file is empty"),
    ("[1, 2]", "the top level: expected an object"),
    ("{\"version\": 1, \"providers\": [], \"x\": NaN}", "line 1, column 38"),
  ])
  func corruptJSONIsRefusedAndKept(text: String, words: String) throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    try Data(text.utf8).write(to: URL(fileURLWithPath: fixture.path))
    let before = fixture.bytes
    let error = #expect(throws: StoreError.self) { try fixture.store.load() }
    guard case .corrupt(let path, let reason)? = error else {
      Issue.record("expected .corrupt, got \(String(describing: error))")
      return
    }
    #expect(path == fixture.path)
    #expect(reason.contains(words), "\(reason)")
    #expect(error?.description.contains(fixture.path) == true)
    // A save stops at the same error and writes nothing.
    let again = #expect(throws: StoreError.self) {
      try fixture.store.save(Self.sample(), base: Self.sample())
    }
    #expect(again == error)
    #expect(fixture.bytes == before)
  }

  @Test func aFolderInPlaceOfTheFileIsUnreadable() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = folder.file("session.json")
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    let store = SessionStore(path: path)
    #expect(throws: StoreError.unreadable(path: path, reason: "it is a folder, not a file")) {
      try store.load()
    }
    #expect(throws: StoreError.unreadable(path: path, reason: "it is a folder, not a file")) {
      try store.save(Self.sample(), base: Self.sample())
    }
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue)
  }

  /// Root reads any file whatever its mode, so this runs only for other users; the
  /// folder case above covers the same error path for root.
  @Test(.enabled(if: geteuid() != 0)) func aFileWithoutReadPermissionIsUnreadable() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    chmod(fixture.path, 0o000)
    #expect(throws: StoreError.unreadable(path: fixture.path, reason: "permission denied")) {
      try fixture.store.load()
    }
  }

  @Test func aFileAsAParentFolderIsReported() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    try folder.write("x", to: "plain")
    let store = SessionStore(path: folder.file("plain/session.json"))
    #expect(throws: StoreError.self) { try store.load() }
    let error = #expect(throws: StoreError.self) {
      try store.save(Self.sample(), base: Self.sample())
    }
    guard case .cannotWrite(let path, _)? = error else {
      Issue.record("expected .cannotWrite, got \(String(describing: error))")
      return
    }
    #expect(path == folder.file("plain/session.json"))
  }

  @Test func aFileFromANewerCherryIsRefusedAndKept() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    try Data("{\"version\": 2, \"providers\": [], \"future\": true}\n".utf8)
      .write(to: URL(fileURLWithPath: fixture.path))
    let before = fixture.bytes
    let refusal = StoreError.newerVersion(path: fixture.path, found: 2, supported: 1)
    #expect(throws: refusal) { try fixture.store.load() }
    #expect(throws: refusal) { try fixture.store.save(Self.sample(), base: Self.sample()) }
    #expect(fixture.bytes == before)
  }

  @Test func anUnversionedFileIsMigratedAndRewrittenOnSave() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = try folder.write(
      #"{"providers": [{"id": "mine", "type": "anthropic", "apiKey": "k-1, k-2", "apiHost": "http://127.0.0.1:9/"}], "selected": "mine"}"#,
      to: "session.json")
    let store = SessionStore(path: path)
    let loaded = try store.load()
    #expect(loaded.migratedFrom == 0)
    #expect(loaded.session.provider("mine")?.keys == ["k-1", "k-2"])
    var session = loaded.session
    session.providers[0].enabled = true
    _ = try store.save(session, base: loaded.session)
    let reloaded = try store.load()
    #expect(reloaded.migratedFrom == nil)
    #expect(reloaded.session == session)
  }

  @Test(.enabled(if: UnwritableFolder.isSupported))
  func anUnwritableFolderIsReportedAndTheFileKept() throws {
    let fixture = try Fixture()
    defer {
      UnwritableFolder.undo(fixture.folder.path)
      fixture.folder.remove()
    }
    let before = fixture.bytes
    var session = Self.sample()
    session.selected = "beta"
    try #require(UnwritableFolder.make(fixture.folder.path))
    let error = #expect(throws: StoreError.self) {
      try fixture.store.save(session, base: Self.sample())
    }
    guard case .cannotWrite(let path, _)? = error else {
      Issue.record("expected .cannotWrite, got \(String(describing: error))")
      return
    }
    #expect(path == fixture.path)
    #expect(fixture.bytes == before)
    #expect(try fixture.store.load().session == Self.sample())
  }
}
