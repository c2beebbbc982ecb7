import CherryTestSupport
import Foundation
import Testing

/// The real consumers of an export, installed by scripts/test into a venv
/// (`CHERRY_CONSUMERS_VENV`: `litellm[proxy]`, `llm`, `openai`), and llmock
/// (`CHERRY_LLMOCK_URL`) behind a recording proxy of the tests' own.
enum ConsumerPeers {
  /// The venv's folder, or `nil` when scripts/test did not set it up.
  static let venv: String? = {
    let value = ProcessInfo.processInfo.environment["CHERRY_CONSUMERS_VENV"] ?? ""
    return value.isEmpty ? nil : value
  }()

  /// llmock's base URL.
  static let llmock: String? = {
    let value = ProcessInfo.processInfo.environment["CHERRY_LLMOCK_URL"] ?? ""
    return value.isEmpty ? nil : (value.hasSuffix("/") ? String(value.dropLast()) : value)
  }()

  /// Whether both are there.
  static var available: Bool { venv != nil && llmock != nil }

  /// A program of the venv.
  static func tool(_ name: String) throws -> String {
    try #require(venv) + "/bin/" + name
  }

  /// A free loopback port (bound, then closed).
  static func freePort() throws -> Int {
    let result = try ProcessRunner.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])",
      ])
    return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// The HTTP status of a GET, or `nil` when nothing answers (curl, 127.0.0.1 only).
  static func status(_ url: String) throws -> Int? {
    let result = try ProcessRunner.run(
      "/usr/bin/env", ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", url], deadline: 10)
    return Int(result.stdout).flatMap { $0 == 0 ? nil : $0 }
  }

  /// POSTs JSON with a bearer key and returns the status and body.
  static func post(_ url: String, json: String, bearer: String) throws -> (Int, String) {
    let result = try ProcessRunner.run(
      "/usr/bin/env",
      [
        "curl", "-s", "-w", "\n%{http_code}", "-H", "Authorization: Bearer \(bearer)", "-H",
        "Content-Type: application/json", "--data-binary", "@-", url,
      ], stdin: json, deadline: 60)
    var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let status = Int(lines.popLast() ?? "") ?? 0
    return (status, lines.joined(separator: "\n"))
  }
}

/// A server started for a test and killed when the test is done.
final class PeerServer {
  let pid: Int32
  let log: String

  /// Starts a program with its output in `log`.
  init(_ executable: String, _ arguments: [String], environment: [String: String], log: String)
    throws
  {
    var env = ProcessInfo.processInfo.environment
    for (name, value) in environment { env[name] = value }
    self.log = log
    pid = try ChildSpawn.start(
      executable, arguments, environment: env, stdout: .file(log), stderr: .standardOutput)
  }

  deinit { ChildSpawn.kill(pid) }

  /// What it printed so far.
  var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
}

/// The recording proxy in front of llmock (`Peers/recording_proxy.py`).
struct RecordingProxy {
  let server: PeerServer
  let port: Int
  let record: String

  /// Starts it, forwarding to llmock.
  static func start(in folder: TemporaryDirectory) throws -> RecordingProxy {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Peers/recording_proxy.py").path
    let record = folder.file("requests.jsonl")
    let portFile = folder.file("proxy.port")
    let server = try PeerServer(
      try ConsumerPeers.tool("python"),
      [script, try #require(ConsumerPeers.llmock), record, portFile], environment: [:],
      log: folder.file("proxy.log"))
    let ready = Polling.until(seconds: 20) { FileManager.default.fileExists(atPath: portFile) }
    try #require(ready, "the recording proxy did not start: \(server.output)")
    let port = try #require(Int(try String(contentsOfFile: portFile, encoding: .utf8)))
    return RecordingProxy(server: server, port: port, record: record)
  }

  /// The requests it forwarded: method, path, and the credential headers.
  func requests() throws -> [[String: String]] {
    guard let text = try? String(contentsOfFile: record, encoding: .utf8) else { return [] }
    return try text.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
    }
  }
}
