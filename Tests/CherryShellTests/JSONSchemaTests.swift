import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

@testable import CherryShell

/// With `--json`, every command writes exactly one JSON object on one line to
/// stdout, also when it fails, valid against the schema the table declares for it
/// (`docs/json/`); everything else goes to stderr (DESIGN §2.1).
///
/// Every node of the command table is run, in a way that should succeed and one
/// that fails, from a script (the binary, one process per line) and at the prompt.
/// The schemas are checked by `scripts/validate-json` with the jsonschema package
/// of the test venv (`CHERRY_PEER_PYTHON`, set by scripts/test).
@Suite(.enabled(if: PeerPython.path != nil, "needs CHERRY_PEER_PYTHON (scripts/test)"))
struct JSONSchemaTests {
  static var python: String? { PeerPython.path }
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The lines to run: each node's shortest line, then with an unknown option.
  ///
  /// Values stay on loopback: a URL is a dead port.
  static func lines(deadPort: Int) -> [String] {
    CommandTableTests.nodes.filter { $0.spec.handler != nil && $0.spec.name != "quit" }
      .flatMap { node -> [String] in
        let words = CommandTableTests.minimalWords(node).map {
          $0 == "https://api.example.com" ? "http://127.0.0.1:\(deadPort)/v1" : $0
        }
        let line = words.map { DumpWriter.quote($0) ?? $0 }.joined(separator: " ")
        return [line, line + " --no-such-option"]
      } + ["'unbalanced", "nosuchcommand", "quit"]
  }

  /// The schema of a document, from the table: the node its `command` names.
  static func schema(of document: String) throws -> String {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
    guard let command = object["command"] as? String else { return "envelope" }
    let names = command.split(separator: " ").map(String.init)
    var node = try #require(CommandTable.command(named: names[0]), "\(command)")
    for name in names.dropFirst() {
      node = try #require(node.subcommand(named: name), "\(command)")
    }
    return node.json
  }

  /// Validates documents, each with its schema.
  static func validate(_ documents: [String]) throws {
    let input = try documents.map { "\(try schema(of: $0))\t\($0)" }.joined(separator: "\n")
    let result = try ProcessRunner.run(
      try #require(python), [root.path + "/scripts/validate-json"], stdin: input + "\n")
    #expect(result.status == 0, "schema problems:\n\(result.stdout)\(result.stderr)")
  }

  @Test func everyCommandFromAScriptPrintsOneValidDocument() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      let dead = try EndToEnd.deadPort()
      var documents: [String] = []
      for line in Self.lines(deadPort: dead) {
        try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
        let run = try await cherry.start(["--no-rc", "--json", "-c", line])
        let out = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(out.count == 2 && out[1].isEmpty, "`\(line)` printed:\n\(run.stdout)")
        #expect(run.status == 0 || !run.stderr.isEmpty, "`\(line)` failed silently")
        documents.append(String(out[0]))
      }
      try Self.validate(documents)
    }
  }

  @Test func everyCommandAtThePromptPrintsOneValidDocument() async throws {
    try await EndToEnd.withDemoServer { server in
      let harness = ShellHarness()
      try EndToEnd.writeDemoSession(port: server.port, to: harness.sessionPath)
      let dead = try EndToEnd.deadPort()
      // Back to the demo provider before each line: no line may reach past loopback.
      let lines = Self.lines(deadPort: dead).flatMap { ["use demo-openai", $0] }
      let (run, _) = await harness.interactive(lines.map { .line($0) }) { $0.json = true }
      let documents = run.stdout.split(separator: "\n").map(String.init)
      #expect(
        documents.count == lines.count, "\(documents.count) documents for \(lines.count) lines")
      try Self.validate(documents)
    }
  }
}

/// The test venv's Python, with jsonschema (scripts/test sets `CHERRY_PEER_PYTHON`).
enum PeerPython {
  static let path = ProcessInfo.processInfo.environment["CHERRY_PEER_PYTHON"].flatMap {
    $0.isEmpty ? nil : $0
  }
}
