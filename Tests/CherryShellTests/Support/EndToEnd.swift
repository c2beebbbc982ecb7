import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Glibc
import Testing

/// Helpers for the tests that drive the built `cherry` binary like a user:
/// a demo server per test, a dead port, and checks on what was printed.
enum EndToEnd {
  /// Runs `body` with a demo server of its own, stopped afterwards even when the body throws.
  static func withDemoServer(
    _ configuration: DemoConfiguration = DemoConfiguration(),
    _ body: (DemoServer) async throws -> Void
  ) async throws {
    let server = try await DemoServer.start(configuration: configuration)
    do {
      try await body(server)
    } catch {
      try await server.stop()
      throw error
    }
    try await server.stop()
  }

  /// Writes a session file (mode 0600) holding the demo session for a server,
  /// after letting the caller change it.
  @discardableResult
  static func writeDemoSession(
    port: Int, to path: String, _ change: (inout Session) -> Void = { _ in }
  ) throws -> Data {
    var session = DemoSession.make(port: port)
    change(&session)
    let data = try JSONEncoder().encode(session)
    guard
      FileManager.default.createFile(
        atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
    else { throw EndToEndError("cannot write \(path)") }
    return try #require(FileDigest.bytes(path))
  }

  /// A loopback port that nothing listens on: bound to get a free number, then closed.
  static func deadPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw EndToEndError("socket") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
        bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
      }
    }
    guard bound else { throw EndToEndError("bind") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Records an issue for every secret that shows whole in a run's output.
  static func expectNoWholeKey(
    _ result: ProcessResult, _ keys: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for key in keys {
      #expect(
        !result.stdout.contains(key), "stdout shows the key \(key) whole",
        sourceLocation: sourceLocation)
      #expect(
        !result.stderr.contains(key), "stderr shows the key \(key) whole",
        sourceLocation: sourceLocation)
    }
  }

  /// The lines of a text, without empty ones.
  static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init)
  }

  /// Seconds taken by an asynchronous block.
  static func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    let elapsed = clock.now - start
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (value, seconds)
  }
}

extension Cherry {
  /// Runs the binary in this CHERRY_HOME, waiting off the cooperative pool
  /// (see ``OffPool``): the demo server it talks to runs inside the test process.
  func start(_ arguments: [String]) async throws -> ProcessResult {
    try await ProcessRunner.runDetached(
      Self.binary, arguments, environment: ["CHERRY_HOME": folder.path, "HOME": folder.path],
      currentDirectory: folder.path)
  }
}

/// A failure of the end-to-end helpers themselves.
struct EndToEndError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

// MARK: - llmock

/// One request in llmock's journal.
struct LLMockRequest: Sendable, CustomStringConvertible {
  var provider: String?
  var method: String?
  var path: String?
  var model: String?
  var stream: Bool?
  var status: Int?
  var description: String {
    "\(method ?? "?") \(path ?? "?") model=\(model ?? "-") status=\(status.map(String.init) ?? "-")"
  }
}

/// A private llmock for one test, on a free loopback port.
///
/// Each test starts its own llmock (`$CHERRY_LLMOCK_BIN`, else the one scripts/test
/// installs in `.build/peers/llmock-venv`) rather than using the shared one at
/// `$CHERRY_LLMOCK_URL`: LLMockPeerTests scripts one-shot faults matched on the
/// provider only and clears every script as it runs, so two suites on one llmock
/// steal and drop each other's faults (seen here: both suites failed). Without an
/// executable the suite skips, or fails when `CI` is set.
final class LLMockPeer: Sendable {
  let base: String
  private let pid: pid_t

  static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

  static let executable: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let path = environment["CHERRY_LLMOCK_BIN"], !path.isEmpty {
      return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
    // Tests/CherryShellTests/Support/EndToEnd.swift → the package root.
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { root.deleteLastPathComponent() }
    let path = root.appendingPathComponent(".build/peers/llmock-venv/bin/llmock").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()

  static var available: Bool { executable != nil }

  private init(base: String, pid: pid_t) {
    self.base = base
    self.pid = pid
  }

  /// Starts llmock; records an issue (in CI) when there is no llmock executable.
  static func start(logFolder: String) async throws -> LLMockPeer {
    guard let executable else {
      let message: Comment =
        "CI is set but there is no llmock: scripts/test installs it in .build/peers/llmock-venv (or set CHERRY_LLMOCK_BIN)"
      Issue.record(message)
      throw CancellationError()
    }
    let log = logFolder + "/llmock.log"
    let port = try EndToEnd.deadPort()
    let pid = try spawn(
      executable, ["serve", "--host", "127.0.0.1", "--port", String(port)], log: log)
    let peer = LLMockPeer(base: "http://127.0.0.1:\(port)", pid: pid)
    let up = try await OffPool.run {
      Polling.until(seconds: 30) { (try? peer.getNow("/health"))?.contains("ok") == true }
    }
    guard up else {
      await peer.stop()
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      throw EndToEndError("llmock did not start on port \(port): \(text)")
    }
    return peer
  }

  /// Stops this llmock (by its own pid) and reaps it.
  func stop() async {
    let pid = self.pid
    kill(pid, SIGTERM)
    _ = try? await OffPool.run {
      var status: Int32 = 0
      let gone = Polling.until(seconds: 10) { waitpid(pid, &status, WNOHANG) != 0 }
      if !gone {
        kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
      }
    }
  }

  /// GETs a path of llmock with curl (127.0.0.1 only), blocking.
  private func getNow(_ path: String) throws -> String {
    let result = try ProcessRunner.run(
      "/usr/bin/env", ["curl", "-s", "-f", "--max-time", "5", base + path], deadline: 10)
    guard result.status == 0 else { throw EndToEndError("GET \(path): curl \(result.status)") }
    return result.stdout
  }

  /// Queues behaviours on llmock's control API.
  func script(_ behaviors: String) async throws {
    let url = base + "/_llmock/scenario"
    let result = try await OffPool.run {
      try ProcessRunner.run(
        "/usr/bin/env",
        [
          "curl", "-s", "-f", "--max-time", "5", "-X", "POST", "-H",
          "content-type: application/json", "-d", #"{"behaviors":[\#(behaviors)]}"#, url,
        ], deadline: 10)
    }
    #expect(result.status == 0, "llmock control POST /_llmock/scenario: \(result.stderr)")
  }

  /// llmock's journal, oldest first.
  func journal() async throws -> [LLMockRequest] {
    let text = try await OffPool.run { try self.getNow("/_llmock/requests") }
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let entries = object?["requests"] as? [[String: Any]] ?? []
    return entries.map { entry in
      LLMockRequest(
        provider: entry["provider"] as? String, method: entry["method"] as? String,
        path: entry["path"] as? String, model: entry["model"] as? String,
        stream: (entry["stream"] as? NSNumber)?.boolValue,
        status: (entry["status"] as? NSNumber)?.intValue)
    }
  }

  /// Starts a background program with its output in a log file.
  private static func spawn(_ executable: String, _ arguments: [String], log: String) throws
    -> pid_t
  {
    try ChildSpawn.start(
      executable, arguments, environment: ProcessInfo.processInfo.environment,
      stdout: .file(log), stderr: .standardOutput)
  }
}
