import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Which paths can be a session file, and how a symbolic link is written through
/// (DESIGN §2.4).
@Suite struct SessionPathTests {
  static let sample = SessionStoreTests.sample()

  static func isLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
  }

  @Test(arguments: [("", "it is empty"), ("some/folder/", "it ends with \"/\"")])
  func aPathThatCannotBeAFileIsRefusedAndNothingIsCreated(path: String, reason: String) throws {
    let folder = try TemporaryDirectory(prefix: "cherry-path")
    defer { folder.remove() }
    let named = path.isEmpty ? path : folder.file(path)
    let store = SessionStore(path: named)
    let errors = [
      #expect(throws: StoreError.self) { try store.load() },
      #expect(throws: StoreError.self) { try store.save(Self.sample, base: Self.sample) },
    ]
    for error in errors {
      guard case .invalidPath(let errorPath, let found)? = error else {
        Issue.record("expected .invalidPath, got \(String(describing: error))")
        return
      }
      #expect(errorPath == named)
      #expect(found.hasPrefix(reason))
      #expect(error?.fix.contains("--session FILE") == true)
    }
    // No stray lock file: not `.lock` in the current folder, nothing in the folder.
    #expect(!FileManager.default.fileExists(atPath: ".lock"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aChainOfRelativeLinksIsWrittenThroughToTheFile() throws {
    let folder = try TemporaryDirectory(prefix: "cherry-path")
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.file("dotfiles"), withIntermediateDirectories: true)
    let real = SessionStore(path: folder.file("dotfiles/real.json"))
    _ = try real.save(Self.sample, base: Self.sample)
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("dotfiles/current.json"), withDestinationPath: "real.json")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("session.json"), withDestinationPath: "dotfiles/current.json")
    let store = SessionStore(path: folder.file("session.json"))
    let loaded = try store.load()
    var session = loaded.session
    session.providers[1].enabled = true
    _ = try store.save(session, base: loaded.session)
    #expect(Self.isLink(folder.file("session.json")))
    #expect(Self.isLink(folder.file("dotfiles/current.json")))
    #expect(try real.load().session == session)
    // The lock is next to the file written, so every link to it shares one lock.
    #expect(FileManager.default.fileExists(atPath: folder.file("dotfiles/real.json.lock")))
    #expect(!FileManager.default.fileExists(atPath: folder.file("session.json.lock")))
  }

  @Test func aDanglingLinkCreatesItsTargetAndStaysALink() throws {
    let folder = try TemporaryDirectory(prefix: "cherry-path")
    defer { folder.remove() }
    let link = folder.file("session.json")
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: folder.file("elsewhere/session.json"))
    let store = SessionStore(path: link)
    let loaded = try store.load()
    #expect(!loaded.existed)
    var session = loaded.session
    session.selected = "openai"
    _ = try store.save(session, base: loaded.session)
    #expect(Self.isLink(link))
    let target = SessionStore(path: folder.file("elsewhere/session.json"))
    #expect(try target.load().session.selected == "openai")
    #expect(SessionStoreTests.mode(folder.file("elsewhere/session.json")) == 0o600)
  }

  @Test func aLoopOfLinksIsUnreadableAndNothingIsWritten() throws {
    let folder = try TemporaryDirectory(prefix: "cherry-path")
    defer { folder.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("a.json"), withDestinationPath: "b.json")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("b.json"), withDestinationPath: "a.json")
    let store = SessionStore(path: folder.file("a.json"))
    let refusal = StoreError.unreadable(
      path: folder.file("a.json"), reason: "too many symbolic links")
    #expect(throws: refusal) { try store.load() }
    #expect(throws: refusal) { try store.save(Self.sample, base: Self.sample) }
    #expect(
      Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["a.json", "b.json"])
  }
}
