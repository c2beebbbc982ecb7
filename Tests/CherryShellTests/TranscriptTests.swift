import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Runs every `Transcripts/*.cherryrc` through the real shell.
///
/// With `--echo`, so the commands show between their output, it compares stdout
/// and stderr, interleaved, with the `.out` file beside it.
/// `CHERRY_UPDATE_TRANSCRIPTS=1` rewrites the `.out` files.
///
/// A first line `# options: --json --keep-going` sets those options.
struct TranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Transcripts").path

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    .filter { $0.hasSuffix(".cherryrc") }.sorted()

  /// The environment scripts see: `$VAR` and `env:` tests read these.
  static let environment = [
    "DEEPSEEK_API_KEY": "sk-deepseek-environment-key-0123456789",
    "SECOND_KEY": "sk-second-environment-key-abcdefghijkl",
    "GATEWAY_HOST": "gw.example.com",
  ]

  @Test(arguments: names)
  func transcript(_ name: String) async throws {
    let path = Self.folder + "/" + name
    let script = try String(contentsOfFile: path, encoding: .utf8)
    let flags =
      script.split(separator: "\n").first.flatMap { line -> [Substring]? in
        guard line.hasPrefix("# options:") else { return nil }
        return line.dropFirst("# options:".count).split(separator: " ")
      } ?? []
    let harness = ShellHarness(environment: Self.environment)
    // `--demo`: the demo server on a free port, and its session in the session file.
    var server: DemoServer?
    if flags.contains("--demo") {
      let started = try await DemoServer.start()
      server = started
      let data = try JSONEncoder().encode(DemoSession.make(port: started.port))
      _ = FileManager.default.createFile(
        atPath: harness.sessionPath, contents: data, attributes: [.posixPermissions: 0o600])
    }
    let run = await harness.run([.file(path: path)]) { options in
      options.echo = true
      if let server {
        options.demo = DemoControl(server)
        options.environment["CHERRY_DEMO_ROOT"] = DemoSession.root(port: server.port)
      }
      options.json = flags.contains("--json")
      options.keepGoing = flags.contains("--keep-going")
    }
    var text = Self.normalize(run.combined, harness: harness) + "[exit \(run.status.rawValue)]\n"
    if let server {
      try await server.stop()
      text = Self.normalizeDemo(text, port: server.port)
    }
    let expectedPath = Self.folder + "/" + name.dropLast(".cherryrc".count) + ".out"
    if ProcessInfo.processInfo.environment["CHERRY_UPDATE_TRANSCRIPTS"] == "1" {
      try text.write(toFile: expectedPath, atomically: true, encoding: .utf8)
      return
    }
    let expected = try #require(
      try? String(contentsOfFile: expectedPath, encoding: .utf8),
      "no \(expectedPath): run with CHERRY_UPDATE_TRANSCRIPTS=1 to record it")
    #expect(text == expected, "\(name): the output differs; diff it against \(expectedPath)")
  }

  /// The demo's port and request latencies change from run to run.
  static func normalizeDemo(_ text: String, port: Int) -> String {
    let ported = text.replacingOccurrences(of: "127.0.0.1:\(port)", with: "127.0.0.1:$PORT")
    let latency = try? NSRegularExpression(pattern: "\\b[0-9]+ ms( +|\\b)")
    let range = NSRange(ported.startIndex..., in: ported)
    return latency?.stringByReplacingMatches(in: ported, range: range, withTemplate: "N ms$1")
      .replacingOccurrences(of: "N ms  +", with: "N ms  ", options: .regularExpression)
      .replacingOccurrences(
        of: "\"latencyMs\":[0-9]+", with: "\"latencyMs\":N", options: .regularExpression)
      ?? ported
  }

  static func normalize(_ text: String, harness: ShellHarness) -> String {
    text.replacingOccurrences(of: folder + "/", with: "")
      .replacingOccurrences(of: harness.folder.path, with: "$TMP")
  }
}
