import CherryInteropCore
import Foundation
import ZIPFoundation

/// Reads Cherry Studio's providers from wherever the app leaves them (DESIGN §1.7;
/// notes/cherry-studio-behaviour.md §8): a backup `.zip` (legacy, version 5 or
/// less: `data.json`; current, version 6: `metadata.json` and Chromium's
/// `Local Storage/leveldb`), a `data.json` alone, or the app's data folder.
///
/// Nothing is written outside a temporary folder, which is removed afterwards.
enum CherryStudioBackup {
  /// The newest legacy (`data.json`) backup version cherry knows.
  static let newestLegacyVersion = 5
  /// The newest current (`metadata.json`) backup version cherry knows.
  static let newestVersion = 6
  /// The largest `data.json` cherry reads: it holds every conversation too.
  static let dataJSONLimit: UInt64 = 256 << 20
  /// The most cherry extracts of a backup's Local Storage.
  static let localStorageLimit: UInt64 = 256 << 20
  /// The Local Storage key the app persists its state under.
  static let persistKey = "persist:cherry-studio"

  /// Reads a backup, a `data.json` or a data folder.
  ///
  /// - Parameter path: The file or folder.
  /// - Returns: The providers found, described.
  /// - Throws: ``InteropFailure`` naming what is missing, damaged, too large or too new.
  static func read(_ path: String) throws(InteropFailure) -> ImportedSource {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw InteropFailure(
        "\(path) does not exist",
        fix: ["give the backup .zip, its data.json, or the app's data folder"])
    }
    if isFolder.boolValue { return try readFolder(path) }
    let head = try firstBytes(of: path, count: 4)
    if head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06] {
      return try readZip(path)
    }
    let data = try readFile(path, limit: dataJSONLimit, name: "data.json")
    return try legacy(data, from: "\(fileName(path))")
  }

  // MARK: - Sources

  private static func readFolder(_ path: String) throws(InteropFailure) -> ImportedSource {
    let manager = FileManager.default
    let leveldb = path + "/Local Storage/leveldb"
    if manager.fileExists(atPath: path + "/metadata.json") {
      let metadata = try readFile(path + "/metadata.json", limit: 1 << 20, name: "metadata.json")
      let version = try checkMetadata(metadata)
      return try fromLevelDB(
        copying: leveldb, description: "Cherry Studio backup folder (version \(version))")
    }
    if manager.fileExists(atPath: leveldb) {
      return try fromLevelDB(copying: leveldb, description: "Cherry Studio data folder \(path)")
    }
    if manager.fileExists(atPath: path + "/CURRENT") {
      return try fromLevelDB(copying: path, description: "Local Storage LevelDB \(path)")
    }
    if manager.fileExists(atPath: path + "/data.json") {
      let data = try readFile(path + "/data.json", limit: dataJSONLimit, name: "data.json")
      return try legacy(data, from: "data.json in \(path)")
    }
    throw InteropFailure(
      "no Cherry Studio data in the folder \(path)",
      fix: [
        "expected Local Storage/leveldb (the app's data folder), metadata.json or data.json",
        "on Linux the app keeps its data in ~/.config/CherryStudio",
      ])
  }

  private static func readZip(_ path: String) throws(InteropFailure) -> ImportedSource {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw InteropFailure(
        "\(path) is not a readable zip file (\(error))",
        fix: ["check that the backup was copied whole; make a new one in Cherry Studio if not"])
    }
    let entries = Array(archive)
    if let metadata = entries.first(where: { $0.type == .file && isNamed($0.path, "metadata.json") }
    ) {
      let version = try checkMetadata(try extract(metadata, from: archive, limit: 1 << 20))
      let folder = try TemporaryFolder()
      defer { folder.remove() }
      var total: UInt64 = 0
      var found = false
      for entry in entries where entry.type == .file {
        guard let range = entry.path.range(of: "Local Storage/leveldb/") else { continue }
        let name = String(entry.path[range.upperBound...])
        guard !name.isEmpty, !name.contains("/"), name != "LOCK" else { continue }
        let bytes = try extract(entry, from: archive, limit: localStorageLimit - total)
        total += UInt64(bytes.count)
        try folder.write(name, bytes)
        found = true
      }
      guard found else {
        throw InteropFailure(
          "the backup \(fileName(path)) (version \(version)) has no Local Storage/leveldb entry",
          fix: ["make a new backup in Cherry Studio (Settings → Data → Backup) and import that"])
      }
      return try fromLevelDB(
        folder.path, description: "Cherry Studio backup \(fileName(path)) (version \(version))")
    }
    if let data = entries.first(where: { $0.type == .file && isNamed($0.path, "data.json") }) {
      let bytes = try extract(data, from: archive, limit: dataJSONLimit)
      return try legacy(Data(bytes), from: fileName(path))
    }
    throw InteropFailure(
      "the zip \(fileName(path)) is not a Cherry Studio backup: it has neither metadata.json nor data.json",
      fix: ["give the .zip that Cherry Studio's Backup wrote (cherry-studio.<date>.zip)"])
  }

  // MARK: - Formats

  /// The metadata of a version 6 backup: refused when newer or from another app.
  private static func checkMetadata(_ bytes: some Collection<UInt8>) throws(InteropFailure) -> Int {
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    else {
      throw InteropFailure("the backup's metadata.json is not JSON")
    }
    guard let version = object["version"] as? Int else {
      throw InteropFailure("the backup's metadata.json has no version")
    }
    guard version <= newestVersion else {
      throw InteropFailure(
        "the backup is version \(version), newer than cherry knows (up to \(newestVersion))",
        fix: ["upgrade cherry, or export the providers from Cherry Studio another way"])
    }
    if let app = object["appName"] as? String, app != "Cherry Studio" {
      throw InteropFailure("the backup was made by \(app), not Cherry Studio")
    }
    return version
  }

  /// A legacy `data.json`: `localStorage["persist:cherry-studio"]`, decoded twice.
  private static func legacy(_ data: Data, from source: String) throws(InteropFailure)
    -> ImportedSource
  {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw InteropFailure("\(source) is not a Cherry Studio data.json: it is not a JSON object")
    }
    guard let version = object["version"] as? Int else {
      throw InteropFailure("\(source) has no backup version: it is not a Cherry Studio data.json")
    }
    guard version <= newestLegacyVersion else {
      throw InteropFailure(
        "\(source) is backup version \(version), newer than cherry knows (data.json up to \(newestLegacyVersion))",
        fix: ["upgrade cherry, or make a current backup (a .zip with metadata.json)"])
    }
    guard let storage = object["localStorage"] as? [String: Any],
      let persisted = storage[persistKey] as? String
    else {
      throw InteropFailure(
        "\(source) has no localStorage[\"\(persistKey)\"]: it holds no provider settings")
    }
    return try ReduxPersist.providers(
      persisted, description: "Cherry Studio backup \(source) (version \(version))")
  }

  private static func fromLevelDB(copying folder: String, description: String)
    throws(InteropFailure) -> ImportedSource
  {
    // The running app holds the database's lock: read a copy.
    let copy = try TemporaryFolder()
    defer { copy.remove() }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw InteropFailure("cannot read the folder \(folder): \(error.localizedDescription)")
    }
    var total: UInt64 = 0
    for name in names where name != "LOCK" {
      let data = try readFile(
        folder + "/" + name, limit: localStorageLimit - total, name: "Local Storage/leveldb/\(name)"
      )
      total += UInt64(data.count)
      try copy.write(name, [UInt8](data))
    }
    return try fromLevelDB(copy.path, description: description)
  }

  private static func fromLevelDB(_ folder: String, description: String) throws(InteropFailure)
    -> ImportedSource
  {
    let database = try LevelDB(path: folder)
    guard let (origin, value) = try ChromiumLocalStorage.find(persistKey, in: database) else {
      throw InteropFailure(
        "the Local Storage has no \(persistKey) entry: Cherry Studio has saved no settings there",
        fix: ["open Cherry Studio once, set a provider up, quit it, and try again"])
    }
    var source = try ReduxPersist.providers(value, description: description)
    if origin != ChromiumLocalStorage.appOrigin {
      source.notes.append("read the settings of the page origin \(origin)")
    }
    return source
  }

  // MARK: - Files

  private static func extract(_ entry: Entry, from archive: Archive, limit: UInt64)
    throws(InteropFailure) -> [UInt8]
  {
    let name = fileName(entry.path)
    guard entry.uncompressedSize <= limit else {
      throw tooLarge(name, entry.uncompressedSize, limit)
    }
    var bytes: [UInt8] = []
    do {
      // The sizes a zip declares may lie: count what actually comes out.
      _ = try archive.extract(entry) { chunk in
        guard UInt64(bytes.count + chunk.count) <= limit else {
          throw tooLarge(name, UInt64(bytes.count + chunk.count), limit)
        }
        bytes.append(contentsOf: chunk)
      }
    } catch let failure as InteropFailure {
      throw failure
    } catch {
      throw InteropFailure(
        "cannot read \(entry.path) from the backup (\(error)): the zip is damaged",
        fix: ["copy the backup again, or make a new one in Cherry Studio"])
    }
    return bytes
  }

  private static func tooLarge(_ name: String, _ size: UInt64, _ limit: UInt64) -> InteropFailure {
    InteropFailure(
      "\(name) is \(size >> 20) MiB or more, more than cherry reads (\(limit >> 20) MiB)",
      fix: ["this is not a provider backup cherry can use; check the file"])
  }

  private static func readFile(_ path: String, limit: UInt64, name: String) throws(InteropFailure)
    -> Data
  {
    let size: UInt64
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
    } catch {
      throw InteropFailure("cannot read \(path): \(error.localizedDescription)")
    }
    guard size <= limit else { throw tooLarge(name, size, limit) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InteropFailure("cannot read \(path)")
    }
    guard UInt64(data.count) <= limit else { throw tooLarge(name, UInt64(data.count), limit) }
    return data
  }

  private static func firstBytes(of path: String, count: Int) throws(InteropFailure) -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw InteropFailure("cannot read \(path)")
    }
    defer { try? handle.close() }
    return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
  }

  private static func isNamed(_ path: String, _ name: String) -> Bool {
    path == name || path.hasSuffix("/" + name)
  }

  private static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
