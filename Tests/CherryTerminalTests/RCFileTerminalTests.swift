import CherryTestSupport
import Foundation
import Testing

/// `~/.cherryrc` and `$CHERRY_RC` at the interactive prompt (DESIGN §2.1): the rc runs
/// first, a failing one reports `FILE:LINE`, applies and saves nothing, and the prompt
/// still starts; `--no-rc` skips it.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct RCFileTerminalTests {
  @Test("a good rc runs before the first prompt: `use deepseek` shows in the prompt")
  func goodRCRunsFirst() async throws {
    let home = try TemporaryHome()
    let rc = try home.write("use deepseek\n", to: "good.cherryrc")
    let session = try TerminalSession(home: home, environment: ["CHERRY_RC": rc], readsRC: true)
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.prompts.first?.provider == "deepseek", "the rc did not run:\n\(screen)")
    #expect(!screen.contains("error:"), "a good rc reported an error:\n\(screen)")
  }

  @Test(
    "a failing rc reports FILE:2, applies and saves nothing, and the prompt starts",
    arguments: [false, true])
  func failingRCAppliesNothing(sessionExists: Bool) async throws {
    let home = try TemporaryHome()
    let sessionFile = home.url.appendingPathComponent("session.json").path
    if sessionExists {
      let cherry = try #require(BuiltBinary.existing("cherry"), "no built cherry; set CHERRY_BIN")
      let made = try ProcessRunner.run(
        cherry, ["--no-rc", "-c", "use openai"],
        environment: ["CHERRY_HOME": home.url.path])
      try #require(made.status == 0, "setting up the session failed: \(made.stderr)")
    }
    let before = FileDigest.bytes(sessionFile)
    #expect((before != nil) == sessionExists)

    let rc = try home.write(
      "use deepseek\nuse no-such-provider\nkey sk-never-applied\n", to: "bad.cherryrc")
    let session = try TerminalSession(home: home, environment: ["CHERRY_RC": rc], readsRC: true)
    let screen = try await session.waitForPrompt(after: 0)

    #expect(screen.contains("\(rc):2: error:"), "no FILE:LINE for the failing line:\n\(screen)")
    #expect(!screen.contains("\(rc):3:"), "the rc went on after its failing line:\n\(screen)")
    let expected = sessionExists ? "openai" : nil
    #expect(
      screen.prompts.first?.provider == expected,
      "the failed rc's `use deepseek` was applied:\n\(screen)")
    #expect(FileDigest.bytes(sessionFile) == before, "the failed rc changed the session file")

    // The shell is usable, and the session file still only changes by the prompt's commands.
    let shown = try await session.command("providers")
    #expect(shown.contains("deepseek"), "`providers` after a failed rc:\n\(shown)")
    #expect(FileDigest.bytes(sessionFile) == before, "`providers` changed the session file")
  }

  @Test("--no-rc skips $CHERRY_RC")
  func noRCSkipsIt() async throws {
    let home = try TemporaryHome()
    let rc = try home.write("use deepseek\n", to: "good.cherryrc")
    // readsRC false: the harness passes --no-rc.
    let session = try TerminalSession(home: home, environment: ["CHERRY_RC": rc])
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.prompts.first?.provider == nil, "--no-rc still ran the rc:\n\(screen)")
    #expect(
      !FileManager.default.fileExists(atPath: home.url.appendingPathComponent("session.json").path))
  }

  @Test("without $CHERRY_RC, ~/.cherryrc (from $HOME) runs first")
  func homeCherryRC() async throws {
    let home = try TemporaryHome()
    try home.write("use deepseek\n", to: ".cherryrc")
    let session = try TerminalSession(
      home: home, environment: ["HOME": home.url.path], readsRC: true)
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.prompts.first?.provider == "deepseek", "~/.cherryrc did not run:\n\(screen)")
  }

  @Test("a $CHERRY_RC that does not exist is named in a warning, and the prompt starts")
  func missingCherryRCWarns() async throws {
    let home = try TemporaryHome()
    let missing = home.url.appendingPathComponent("no-such.cherryrc").path
    let session = try TerminalSession(
      home: home, environment: ["CHERRY_RC": missing], readsRC: true)
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.contains("warning:") && screen.contains(missing), "no warning:\n\(screen)")
    #expect(screen.prompts.first?.provider == nil)
  }
}

extension TemporaryHome {
  /// Writes a file into this folder.
  ///
  /// - Parameters:
  ///   - text: The contents.
  ///   - name: The file's name.
  /// - Returns: The file's absolute path.
  /// - Throws: When the file cannot be written.
  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    let url = url.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }
}
