import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// The commands that call a provider, against the demo server on 127.0.0.1.
struct ShellPeerTests {
  /// Runs `body` with a demo server and a harness whose session file holds the
  /// demo session (one provider per style, `demo-openai` selected).
  func withDemo(
    _ configuration: DemoConfiguration = DemoConfiguration(),
    _ body: (DemoServer, ShellHarness) async throws -> Void
  ) async throws {
    let server = try await DemoServer.start(configuration: configuration)
    let harness = ShellHarness()
    let data = try JSONEncoder().encode(DemoSession.make(port: server.port))
    _ = FileManager.default.createFile(
      atPath: harness.sessionPath, contents: data, attributes: [.posixPermissions: 0o600])
    do {
      try await body(server, harness)
    } catch {
      try await server.stop()
      throw error
    }
    try await server.stop()
  }

  @Test func manageListsGroupedNumberedAndKeepsTheListing() async throws {
    try await withDemo { server, harness in
      let run = await harness.run("manage\n+ 1 2\nmanage gpt-4o\n")
      #expect(run.status == .success, "\(run.stderr)")
      #expect(run.stdout.contains("demo-openai: 22 models"))
      #expect(run.stdout.contains("✓ added"))
      #expect(run.stdout.contains("add with: + <number|id|group:<name>|'glob'>"))
      let saved = try #require(try harness.savedSession())
      #expect(saved.provider("demo-openai")?.models.count == 2)
    }
  }

  @Test func manageTakesTheNextKeyAcrossARestart() async throws {
    try await withDemo { server, harness in
      #expect(await harness.run("manage\nmanage\n").status == .success)
      #expect(await harness.run("manage\nmanage\n").status == .success)
      let keys = server.recordedRequests().filter { $0.path.hasSuffix("/models") }.map(\.keyNumber)
      #expect(keys == [1, 2, 3, 1])
    }
  }

  @Test func testUsesTheLastAddedChatModelOnEveryKeyAndRemindsToEnable() async throws {
    try await withDemo { server, harness in
      let run = await harness.run("+ gpt-4o-mini gpt-4o text-embedding-3-small\ntest\n")
      #expect(run.status == .success, "\(run.stderr)")
      #expect(run.stdout.contains("testing demo-openai with gpt-4o (the last added chat model)"))
      #expect(run.stdout.components(separatedBy: "✓").count == 4)
      #expect(run.stderr.contains("demo-openai is off: switch it on with 'enable'"))
      let models = Set(server.recordedRequests().compactMap(\.model))
      #expect(models == ["gpt-4o"])
    }
  }

  @Test func testWithoutAModelChecksTheKeys() async throws {
    try await withDemo { _, harness in
      let run = await harness.run("test\n")
      #expect(run.status == .success, "\(run.stderr)")
      #expect(run.stdout.contains("a key check, not a model check"))
      #expect(run.stdout.contains("to test a model, add one"))
    }
  }

  @Test func aWrongKeyFailsTheTestClearly() async throws {
    try await withDemo { _, harness in
      let run = await harness.run("key demo-key-1,sk-wrong-0123456789abcdef\n+ gpt-4o\ntest\n")
      #expect(run.status == .commandFailed)
      #expect(run.stdout.contains("✗"))
      #expect(run.stdout.contains("401"))
      #expect(!run.combined.contains("sk-wrong-0123456789abcdef"))
    }
  }

  @Test func askIsRefusedWhileOffAndStreamsWhenOn() async throws {
    try await withDemo { _, harness in
      let off = await harness.run("+ gpt-4o\nask hello\n")
      #expect(off.status == .commandFailed)
      #expect(off.stderr.contains("demo-openai is off"))
      let on = await harness.run("+ gpt-4o\nenable\nask hello there\n")
      #expect(on.status == .success, "\(on.stderr)")
      // stdout holds only the answer; the demo's answer is a few words.
      #expect(on.stdout.contains("cherry demo server"), "\(on.stdout)")
      #expect(!on.stdout.contains("added"))
    }
  }

  @Test func checkRunsEveryModelOnEveryKey() async throws {
    try await withDemo { server, harness in
      let run = await harness.run("+ gpt-4o gpt-4o-mini o3-mini\ncheck --concurrency 4\n")
      #expect(run.status == .success, "\(run.stderr)")
      #expect(run.stdout.contains("3 models passed"))
      #expect(server.recordedRequests().count == 9)
    }
  }

  @Test func traceShowsEachRequestMasked() async throws {
    try await withDemo { _, harness in
      let run = await harness.run("set trace on\nmanage\n")
      #expect(run.stderr.contains("trace: GET http://127.0.0.1:"))
      #expect(!run.stderr.contains("demo-key-1"))
    }
  }

  @Test(arguments: [
    "demo-anthropic", "demo-gemini", "demo-ollama", "demo-azure-openai", "demo-openai-response",
  ])
  func everyStyleManagesAndTests(_ id: String) async throws {
    try await withDemo { _, harness in
      let script =
        id == "demo-azure-openai" ? "use \(id)\n+ gpt-4o\ntest\n" : "use \(id)\nmanage\n+ 1\ntest\n"
      let run = await harness.run(script)
      #expect(run.status == .success, "\(id): \(run.combined)")
    }
  }
}
