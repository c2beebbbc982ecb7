import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// A hostile provider against the whole shell (issue 8): its text never reaches
/// the terminal raw, its ids cannot plant a line in a replay, a key it echoes is
/// masked before any cut, and a redirect never takes a key to another origin.
struct HostileProviderTests {
  func withHostileDemo(
    _ rules: [DemoHostileRule], _ body: (DemoServer, ShellHarness) async throws -> Void
  ) async throws {
    let server = try await DemoServer.start(configuration: DemoConfiguration(hostileRules: rules))
    let harness = ShellHarness()
    do {
      try EndToEnd.writeDemoSession(port: server.port, to: harness.sessionPath)
      try await body(server, harness)
    } catch {
      try await server.stop()
      throw error
    }
    try await server.stop()
  }

  static func rawControls(in text: String) -> [String] {
    text.unicodeScalars.filter { DemoHostileText.controlScalars.contains($0) }
      .map { "U+" + String($0.value, radix: 16) }
  }

  @Test(arguments: [false, true])
  func providerTextIsShownAsData(json: Bool) async throws {
    try await withHostileDemo([DemoHostileRule(.escapes, provider: "demo-openai")]) { _, harness in
      let script = """
        manage
        + 1
        + gpt-4o
        models
        show
        test
        check
        enable
        ask hello
        test no-such-model
        dump
        """
      let run = await harness.run(script + "\n") {
        $0.keepGoing = true
        $0.json = json
      }
      #expect(
        Self.rawControls(in: run.combined).isEmpty,
        "raw control: \(Self.rawControls(in: run.combined))")
      // The ids are there, made visible; the one a replay could not carry was refused.
      #expect(run.combined.contains("clear-\\x1b[2J"), "\(run.stdout)")
      #expect(run.stderr.contains("cannot add the model 'clear-\\x1b[2J\\x1b[H'"), "\(run.stderr)")
      #expect(run.combined.contains("reversed") && run.combined.contains("\\u202e"))
      // A replay of the dump runs only what dump wrote.
      let dump = run.stdout.split(separator: "\n").drop { !$0.hasPrefix("# cherry session") }
      #expect(!dump.contains { $0.hasPrefix("header set") }, "\(dump)")
      let saved = try #require(try harness.savedSession())
      #expect(
        saved.provider("demo-openai")?.models.allSatisfy { ModelIDRule.problem($0.id) == nil }
          == true)
      if json {
        for line in run.stdout.split(separator: "\n") {
          #expect(
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
      }
    }
  }

  /// A 20-character key echoed across character 300 of a 300-character error:
  /// masked before the message is cut, so not even 19 characters show.
  @Test func aKeyEchoedInAnErrorIsMaskedBeforeTheCut() async throws {
    let key = "correct-horse-batt42"
    try await withHostileDemo([DemoHostileRule(.echoKey(offset: 290), provider: "demo-openai")]) {
      _, harness in
      let run = await harness.run("key \(key)\ntest\nmanage\n") { $0.keepGoing = true }
      #expect(run.status == .commandFailed)
      #expect(run.combined.contains("Incorrect API key provided"), "\(run.combined)")
      #expect(!run.combined.contains(key))
      // Nothing of its middle either: only the mask's ends may show.
      let middle = String(key.dropFirst(4).dropLast(4))
      #expect(!run.combined.contains(middle), "\(run.combined)")
    }
  }

  /// A redirect to another origin is reported, not followed: the key stays home.
  @Test func aRedirectToAnotherOriginIsNotFollowed() async throws {
    let server = try await DemoServer.start(
      configuration: DemoConfiguration(hostileRules: [
        DemoHostileRule(.redirect(status: 307, to: .otherHost("127.0.0.2", port: nil)))
      ]))
    let other = try await DemoServer.start(
      configuration: DemoConfiguration(port: server.port, host: "127.0.0.2"))
    let harness = ShellHarness()
    try EndToEnd.writeDemoSession(port: server.port, to: harness.sessionPath)
    let run = await harness.run("manage\ntest\n") { $0.keepGoing = true }
    let leaked = other.recordedRequests()
    try await other.stop()
    try await server.stop()
    #expect(run.status == .commandFailed)
    #expect(run.combined.contains("127.0.0.2"), "both URLs are named: \(run.combined)")
    #expect(run.combined.contains("url"), "the fix names the url command: \(run.combined)")
    #expect(leaked.isEmpty, "a request reached the other origin: \(leaked)")
  }
}
