import CherryInteropCore
import CherryKit
import CherryTestSupport
import Foundation
import Testing

@testable import CherryInterop

/// Cherry Studio backups in every layout, made by the tests (``BackupFixture``):
/// each reads the same providers; each broken one is a clear error.
struct BackupTests {
  /// The layouts a user may hand to `import cherry-studio`.
  enum Layout: String, CaseIterable, Sendable {
    case dataJSON = "data.json alone"
    case legacyZip = "legacy .zip"
    case currentZip = "version 6 .zip (UTF-16 value)"
    case currentZipLatin1 = "version 6 .zip (Latin-1 value)"
    case backupFolder = "version 6 backup, unzipped"
    case dataFolder = "the app's data folder, the app running"
    case levelDBFolder = "the Local Storage/leveldb folder itself"
  }

  /// Makes a layout in `folder`, and runs `body` with the path to import.
  static func with(
    _ layout: Layout, in folder: TemporaryDirectory, _ body: (String) throws -> Void
  ) throws {
    switch layout {
    case .dataJSON:
      let path = folder.file("data.json")
      try BackupFixture.dataJSON().write(to: URL(fileURLWithPath: path))
      try body(path)
    case .legacyZip:
      let root = folder.file("legacy")
      try FileManager.default.createDirectory(
        atPath: root + "/Data", withIntermediateDirectories: true)
      try BackupFixture.dataJSON().write(to: URL(fileURLWithPath: root + "/data.json"))
      try BackupFixture.zip(root, to: folder.file("cherry-studio.202611301200.zip"))
      try body(folder.file("cherry-studio.202611301200.zip"))
    case .currentZip, .currentZipLatin1:
      let root = folder.file("current")
      try BackupFixture.writeBackupFolder(at: root)
      if layout == .currentZipLatin1 {
        try FileManager.default.removeItem(atPath: root + "/Local Storage")
        try BackupFixture.writeLocalStorage(to: root + "/Local Storage/leveldb", utf16: false)
      }
      try BackupFixture.zip(root, to: folder.file("cherry-studio.202611301201.zip"))
      try body(folder.file("cherry-studio.202611301201.zip"))
    case .backupFolder:
      try BackupFixture.writeBackupFolder(at: folder.file("unzipped"))
      try body(folder.file("unzipped"))
    case .dataFolder:
      let leveldb = folder.file("CherryStudio/Local Storage/leveldb")
      try BackupFixture.writeLocalStorage(to: leveldb)
      // The running app holds the database's lock: cherry reads a copy.
      let app = try LevelDB(path: leveldb)
      try body(folder.file("CherryStudio"))
      _ = app
    case .levelDBFolder:
      try BackupFixture.writeLocalStorage(to: folder.file("leveldb"))
      try body(folder.file("leveldb"))
    }
  }

  @Test(arguments: Layout.allCases)
  func everyLayoutReadsTheSameProviders(_ layout: Layout) throws {
    let folder = try TemporaryDirectory(prefix: "cherry-backup")
    defer { folder.remove() }
    try Self.with(layout, in: folder) { path in
      let source = try CherryStudioBackup.read(path)
      #expect(source.providers.map(\.id) == ["deepseek", "aws-bedrock", BackupFixture.teamID])
      #expect(source.notes.contains { $0.contains("left out 1 built-in provider") })

      let deepseek = try #require(source.providers.first)
      #expect(deepseek.keys == Array(BackupFixture.keys.prefix(2)))
      #expect(deepseek.url == "https://api.deepseek.com")
      #expect(deepseek.enabled == true)
      #expect(deepseek.models?.map(\.id) == ["deepseek-chat", "deepseek-reasoner"])
      #expect(deepseek.models?.last?.kindOverrides == [.tools: false])
      #expect(deepseek.notMapped.isEmpty)
      #expect(deepseek.models?.last?.name == "DeepSeek R1")

      #expect(source.providers[1].unsupportedReason != nil)

      let team = source.providers[2]
      #expect(team.style == .anthropic)
      #expect(team.name == "Team Claude")
      #expect(team.headers == [HeaderEntry(name: "X-Team", value: "research")])
      #expect(team.models?.first?.kindOverrides == [.vision: true])
      #expect(team.notes == "shared by the team")
      #expect(team.models?.first?.name == "Claude Sonnet")
      #expect(team.models?.first?.price == ModelPrice(input: 3, output: 15))
    }
  }

  // MARK: - Broken backups

  /// A broken backup and the words its error must say.
  struct Broken: Sendable, CustomTestStringConvertible {
    let name: String
    let says: String
    let make: @Sendable (TemporaryDirectory) throws -> String
    var testDescription: String { name }
  }

  static let broken: [Broken] = [
    Broken(name: "a corrupt zip", says: "zip") { folder in
      let root = folder.file("current")
      try BackupFixture.writeBackupFolder(at: root)
      let zip = folder.file("backup.zip")
      try BackupFixture.zip(root, to: zip)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: zip))
      try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: zip))
      return zip
    },
    Broken(name: "a zip with neither metadata.json nor data.json", says: "neither") { folder in
      let root = folder.file("other")
      try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      try Data("hello".utf8).write(to: URL(fileURLWithPath: root + "/readme.txt"))
      try BackupFixture.zip(root, to: folder.file("other.zip"))
      return folder.file("other.zip")
    },
    Broken(name: "a version 6 zip without its Local Storage", says: "no Local Storage") { folder in
      let root = folder.file("current")
      try BackupFixture.writeBackupFolder(at: root, localStorage: false)
      try BackupFixture.zip(root, to: folder.file("backup.zip"))
      return folder.file("backup.zip")
    },
    Broken(name: "a newer backup version", says: "version 7") { folder in
      let root = folder.file("current")
      try BackupFixture.writeBackupFolder(at: root, version: 7)
      try BackupFixture.zip(root, to: folder.file("backup.zip"))
      return folder.file("backup.zip")
    },
    Broken(name: "a newer data.json version", says: "version 6") { folder in
      let path = folder.file("data.json")
      try BackupFixture.dataJSON(version: 6).write(to: URL(fileURLWithPath: path))
      return path
    },
    Broken(name: "another app's backup", says: "not Cherry Studio") { folder in
      let root = folder.file("current")
      try BackupFixture.writeBackupFolder(at: root, appName: "Other Studio")
      try BackupFixture.zip(root, to: folder.file("backup.zip"))
      return folder.file("backup.zip")
    },
    Broken(name: "a huge data.json", says: "more than cherry reads") { folder in
      let path = folder.file("data.json")
      _ = FileManager.default.createFile(atPath: path, contents: nil)
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
      try handle.truncate(atOffset: CherryStudioBackup.dataJSONLimit + 1)
      try handle.close()
      return path
    },
    Broken(name: "a zip whose data.json is huge", says: "more than cherry reads") { folder in
      let zip = folder.file("huge.zip")
      try BackupFixture.zipHugeEntry(
        named: "data.json", size: Int64(CherryStudioBackup.dataJSONLimit) + 1, to: zip)
      return zip
    },
    Broken(name: "a folder with no Cherry Studio data", says: "no Cherry Studio data") { folder in
      folder.path
    },
  ]

  @Test(arguments: broken)
  func brokenBackupsAreClearErrors(_ broken: Broken) throws {
    let folder = try TemporaryDirectory(prefix: "cherry-backup")
    defer { folder.remove() }
    let path = try broken.make(folder)
    do {
      _ = try CherryStudioBackup.read(path)
      Issue.record("\(broken.name) was read")
    } catch {
      #expect(error.what.contains(broken.says), "\(error.what)")
    }
  }
}

extension BackupFixture {
  /// The custom provider's id.
  static let teamID = "3f1c2a9e-5b7d-4c1e-9a2b-7d8e6f5a4b3c"
}
