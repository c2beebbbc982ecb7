import CherryInteropCore
import Foundation
import ZIPFoundation

@testable import CherryInterop

/// Cherry Studio backups made by the tests themselves, in every layout the app
/// writes: the app's state as redux-persist saves it, Chromium's Local Storage in a
/// LevelDB written through libleveldb, and zips written with ZIPFoundation.
enum BackupFixture {
  /// A built-in provider the user set up, one left untouched, an unsupported one,
  /// and a custom one (a UUID id, as the app gives) with fields cherry lacks.
  static var providers: [[String: Any]] {
    [
      [
        "id": "deepseek", "type": "openai", "name": "DeepSeek",
        "apiKey": "sk-backup-deepseek-0123456789abcdef,sk-backup-deepseek-second-0123456",
        "apiHost": "https://api.deepseek.com", "enabled": true, "isSystem": true,
        "models": [
          [
            "id": "deepseek-chat", "provider": "deepseek", "name": "deepseek-chat",
            "group": "DeepSeek",
          ],
          [
            "id": "deepseek-reasoner", "provider": "deepseek", "name": "DeepSeek R1",
            "group": "DeepSeek",
            "capabilities": [["type": "function_calling", "isUserSelected": false]],
          ],
        ],
      ],
      [
        "id": "silicon", "type": "openai", "name": "Silicon", "apiKey": "",
        "apiHost": "https://api.siliconflow.cn", "enabled": false, "isSystem": true,
        "models": [["id": "Qwen/Qwen2.5-7B-Instruct", "group": "Qwen"]],
      ],
      [
        "id": "aws-bedrock", "type": "aws-bedrock", "name": "AWS Bedrock", "apiKey": "x",
        "apiHost": "", "enabled": true, "isSystem": true, "models": [],
      ],
      [
        "id": "3f1c2a9e-5b7d-4c1e-9a2b-7d8e6f5a4b3c", "type": "anthropic", "name": "Team Claude",
        "apiKey": "sk-ant-backup-team-0123456789abcdef0123",
        "apiHost": "https://claude.gw.example.com", "enabled": true, "isSystem": false,
        "extra_headers": ["X-Team": "research"], "notes": "shared by the team",
        "anthropicApiHost": "https://claude.gw.example.com",
        "models": [
          [
            "id": "claude-sonnet-4-6", "name": "Claude Sonnet", "group": "Claude",
            "capabilities": [["type": "vision", "isUserSelected": true]],
            "pricing": ["input_per_million_tokens": 3, "output_per_million_tokens": 15],
          ]
        ],
      ],
    ]
  }

  /// Every key in the fixtures, to check that none shows whole.
  static let keys = [
    "sk-backup-deepseek-0123456789abcdef", "sk-backup-deepseek-second-0123456",
    "sk-ant-backup-team-0123456789abcdef0123",
  ]

  /// The value of `persist:cherry-studio`: JSON whose values are JSON text.
  static func persisted() throws -> String {
    let llm = try text(["providers": providers, "defaultModel": ["id": "deepseek-chat"]])
    let persist = try text(["version": 208, "rehydrated": true])
    return try text(["llm": llm, "assistants": "{\"assistants\":[]}", "_persist": persist])
  }

  /// A legacy `data.json` (backup version 5 unless told).
  static func dataJSON(version: Int = 5) throws -> Data {
    try JSONSerialization.data(withJSONObject: [
      "time": 1_764_460_800_000, "version": version,
      "localStorage": ["persist:cherry-studio": try persisted(), "language": "en-US"],
      "indexedDB": ["topics": [] as [Any]],
    ])
  }

  /// Writes Chromium's Local Storage LevelDB into `folder` through libleveldb.
  ///
  /// - Parameters:
  ///   - folder: The `leveldb` folder to create.
  ///   - utf16: Store the value as UTF-16 (Chromium's format byte 0), else Latin-1.
  ///   - origin: The page origin the entry belongs to.
  /// - Throws: libleveldb's error, or the file system's.
  static func writeLocalStorage(
    to folder: String, utf16: Bool = true, origin: String = ChromiumLocalStorage.appOrigin
  ) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let database = try LevelDB(path: folder, create: true)
    try database.put(Array("VERSION".utf8), Array("1".utf8))
    try database.put(Array("META:\(origin)".utf8), [0x08, 0x80, 0x01, 0x10, 0x20])
    // Another origin's entry of the same key must not be the one read.
    try database.put(
      ChromiumLocalStorage.entryKey(origin: "https://example.com", key: "persist:cherry-studio"),
      ChromiumLocalStorage.encode("{}", latin1: true))
    try database.put(
      ChromiumLocalStorage.entryKey(origin: origin, key: "persist:cherry-studio"),
      ChromiumLocalStorage.encode(try persisted(), latin1: !utf16))
    try database.put(
      ChromiumLocalStorage.entryKey(origin: origin, key: "language"),
      ChromiumLocalStorage.encode("en-US", latin1: true))
  }

  /// A current (version 6) backup folder: `metadata.json`, `Local Storage/leveldb`,
  /// an empty `IndexedDB` and `Data`.
  static func writeBackupFolder(
    at root: String, version: Int = 6, appName: String = "Cherry Studio",
    localStorage: Bool = true
  ) throws {
    let manager = FileManager.default
    try manager.createDirectory(atPath: root + "/Data", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: root + "/IndexedDB", withIntermediateDirectories: true)
    let metadata: [String: Any] = [
      "version": version, "timestamp": 1_764_460_800_000, "appName": appName,
      "appVersion": "1.9.4", "platform": "linux", "arch": "x64",
    ]
    try JSONSerialization.data(withJSONObject: metadata).write(
      to: URL(fileURLWithPath: root + "/metadata.json"))
    if localStorage { try writeLocalStorage(to: root + "/Local Storage/leveldb") }
  }

  /// Zips a folder's files with ZIPFoundation (deflated), paths relative to it.
  static func zip(_ root: String, to path: String) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    let base = URL(fileURLWithPath: root)
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
    for file in files {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isFolder)
      guard !isFolder.boolValue else { continue }
      try archive.addEntry(with: file, relativeTo: base, compressionMethod: .deflate)
    }
  }

  /// A zip with one deflated entry of `size` spaces, written in chunks.
  static func zipHugeEntry(named name: String, size: Int64, to path: String) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    let chunk = Data(repeating: 0x20, count: 1 << 20)
    try archive.addEntry(
      with: name, type: .file, uncompressedSize: size, compressionMethod: .deflate
    ) { position, count in
      count == chunk.count ? chunk : Data(repeating: 0x20, count: count)
    }
  }

  private static func text(_ object: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
  }
}
