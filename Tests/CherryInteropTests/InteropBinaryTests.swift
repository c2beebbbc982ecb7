import CherryKit
import CherryTestSupport
import Foundation
import Testing

@testable import CherryInterop

/// `import` and `export` through the built `cherry` (which runs `cherry-interop`),
/// as a user runs them: what changes on disk, what shows, and the files' modes.
struct InteropBinaryTests {
  /// A temporary CHERRY_HOME and the built binary.
  struct Home {
    let folder: TemporaryDirectory
    var session: String { folder.file("session.json") }

    init() throws { folder = try TemporaryDirectory(prefix: "cherry-interop") }

    func run(_ commands: [String], environment: [String: String?] = [:]) throws -> ProcessResult {
      var env: [String: String?] = ["CHERRY_HOME": folder.path, "HOME": folder.path]
      for (name, value) in environment { env[name] = value }
      return try ProcessRunner.run(
        BuiltBinary.path("cherry"), ["--no-rc"] + commands.flatMap { ["-c", $0] },
        environment: env, currentDirectory: folder.path)
    }

    /// A saved session with one provider set up (a literal key and a reference).
    func setUp() throws {
      let result = try run([
        "use deepseek", "key sk-e2e-deepseek-0123456789abcdef,env:SECOND_DEEPSEEK_KEY",
        "+ deepseek-chat", "enable",
      ])
      #expect(result.status == 0, "\(result.stderr)")
    }
  }

  static let literalKey = "sk-e2e-deepseek-0123456789abcdef"

  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int)
  }

  @Test(arguments: BackupTests.broken)
  func aBrokenBackupChangesNothing(_ broken: BackupTests.Broken) throws {
    let home = try Home()
    defer { home.folder.remove() }
    try home.setUp()
    let before = try #require(FileDigest.bytes(home.session))
    let path = try broken.make(home.folder)
    let result = try home.run(["import cherry-studio '\(path)'"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("error: ") && result.stderr.contains(broken.says))
    #expect(FileDigest.bytes(home.session) == before)
    #expect(!FileManager.default.fileExists(atPath: home.session + ".bak"))
  }

  @Test func aBackupIsPreviewedThenImportedAfterASafetyCopy() throws {
    let home = try Home()
    defer { home.folder.remove() }
    try home.setUp()
    let before = try #require(FileDigest.bytes(home.session))
    let root = home.folder.file("backup")
    try BackupFixture.writeBackupFolder(at: root)
    let zip = home.folder.file("cherry-studio.202611301200.zip")
    try BackupFixture.zip(root, to: zip)

    let preview = try home.run(["import cherry-studio '\(zip)' --dry-run"])
    #expect(preview.status == 0, "\(preview.stderr)")
    #expect(preview.stdout.contains("+ \(BackupFixture.teamID) (Team Claude)"))
    #expect(preview.stdout.contains("! aws-bedrock"))
    #expect(FileDigest.bytes(home.session) == before)

    let result = try home.run(["import cherry-studio '\(zip)'", "session"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileDigest.bytes(home.session + ".bak") == before)
    #expect(try Self.mode(home.session + ".bak") == 0o600)
    for key in BackupFixture.keys + [Self.literalKey] {
      #expect(!result.stdout.contains(key) && !result.stderr.contains(key), "\(key) shown whole")
    }
    let session = try SessionStore(path: home.session).load().session
    let team = try #require(session.provider(BackupFixture.teamID))
    #expect(team.style == .anthropic && !team.enabled)
    #expect(team.headers == [HeaderEntry(name: "X-Team", value: "research")])
    #expect(team.notes == "shared by the team")
    #expect(team.models.first?.displayName == "Claude Sonnet")
    #expect(team.models.first?.price == ModelPrice(input: 3, output: 15))
    let deepseek = try #require(session.provider("deepseek"))
    // Field by field: the keys it had, then the backup's.
    #expect(
      deepseek.keys == [Self.literalKey, "env:SECOND_DEEPSEEK_KEY"] + BackupFixture.keys.prefix(2))
    #expect(deepseek.models.map(\.id) == ["deepseek-chat", "deepseek-reasoner"])
    #expect(session.provider("aws-bedrock") == nil)
  }

  @Test func exportsShowNoWholeKeyWithoutWithKeys() throws {
    let home = try Home()
    defer { home.folder.remove() }
    try home.setUp()
    for format in ["litellm", "llm", "aichat", "env", "cherry-studio"] {
      let result = try home.run(["export \(format)"])
      #expect(!result.stdout.contains(Self.literalKey), "export \(format) printed the key")
      #expect(!result.stderr.contains(Self.literalKey), "export \(format) printed the key")
    }
    let link = try home.run(["export cherry-studio deepseek"])
    #expect(link.status == 1 && link.stderr.contains("--with-keys"))
  }

  @Test func aFileHoldingAKeyIs0600AndOneWithoutIsNot() throws {
    let home = try Home()
    defer { home.folder.remove() }
    try home.setUp()
    let result = try home.run(
      [
        "export litellm --output plain.yaml", "export litellm --with-keys --output keys.yaml",
        "export env deepseek --with-keys --output deepseek.env",
        "export cherry-studio --with-keys --output link.txt",
      ], environment: ["SECOND_DEEPSEEK_KEY": "sk-e2e-second-0123456789abcdef"])
    #expect(result.status == 0, "\(result.stderr)")
    let plain = try String(contentsOfFile: home.folder.file("plain.yaml"), encoding: .utf8)
    #expect(!plain.contains(Self.literalKey) && plain.contains("os.environ/DEEPSEEK_API_KEY_1"))
    #expect(try Self.mode(home.folder.file("plain.yaml")) == 0o644)
    for name in ["keys.yaml", "deepseek.env", "link.txt"] {
      #expect(try Self.mode(home.folder.file(name)) == 0o600, "\(name)")
    }
    let keys = try String(contentsOfFile: home.folder.file("keys.yaml"), encoding: .utf8)
    #expect(keys.contains("api_key: \(Self.literalKey)"))
    #expect(keys.contains("os.environ/SECOND_DEEPSEEK_KEY"))
    // The link carries both keys, the reference read from the environment.
    let link = try String(contentsOfFile: home.folder.file("link.txt"), encoding: .utf8)
    let provider = try #require(
      try DeepLink.read(link.trimmingCharacters(in: .whitespacesAndNewlines)).providers.first)
    #expect(provider.keys == [Self.literalKey, "sk-e2e-second-0123456789abcdef"])
  }

  @Test func aLinkImportsIntoAnotherSessionAsTheSameProvider() throws {
    let home = try Home()
    defer { home.folder.remove() }
    try home.setUp()
    let exported = try home.run(
      ["export cherry-studio deepseek --with-keys"],
      environment: ["SECOND_DEEPSEEK_KEY": "sk-e2e-second-0123456789abcdef"])
    let link = exported.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let other = try Home()
    defer { other.folder.remove() }
    let imported = try other.run(["import '\(link)'"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(
      !imported.stdout.contains(Self.literalKey) && !imported.stderr.contains(Self.literalKey))
    let session = try SessionStore(path: other.session).load().session
    let deepseek = try #require(session.provider("deepseek"))
    #expect(deepseek.keys == [Self.literalKey, "sk-e2e-second-0123456789abcdef"])
    #expect(!deepseek.enabled)
  }
}
