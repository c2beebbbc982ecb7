import Foundation
import Testing

/// Standard output piped, standard input the terminal (`cherry --demo | tee log`).
///
/// As with sqlite3, that is still the interactive shell: the prompt
/// and line editing stay on the screen, a typo does not end it, and the pipe gets
/// only data (DESIGN §2.1).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct PipedOutputTerminalTests {
  @Test func thePromptStaysWithStandardOutputPiped() async throws {
    let home = try TemporaryHome()
    let log = home.url.appendingPathComponent("class.log").path
    let session = try TerminalSession(home: home, arguments: ["--demo"], standardOutput: log)
    try await session.waitForPrompt(after: 0)

    let typo = try await session.command("bogus")
    #expect(typo.contains("unknown command 'bogus'"), "\(typo)")
    #expect(typo.lastPrompt?.provider == "demo-openai")

    // Tab still completes: libedit edits on the terminal, not on the pipe.
    try session.type("use demo-anth")
    try await session.waitUntil("`use demo-anth` to show") {
      $0.lastPrompt?.typed == "use demo-anth"
    }
    try session.press("Tab")
    try await session.waitUntil("`demo-anth` to complete to `demo-anthropic`") {
      $0.lastPrompt?.typed.hasPrefix("use demo-anthropic") == true
    }
    try session.press("Enter")
    let used = try await session.waitForPrompt(after: 2)
    #expect(used.lastPrompt?.provider == "demo-anthropic")
    try await session.command("providers")
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)

    // The pipe got the table of `providers`, and no prompt, echo or note.
    let piped = try String(contentsOfFile: log, encoding: .utf8)
    #expect(piped.contains("demo-openai"), "\(piped)")
    #expect(!piped.contains("cherry("), "a prompt in the pipe:\n\(piped)")
    #expect(!piped.contains("unknown command"), "an error in the pipe:\n\(piped)")
    #expect(!piped.contains("using "), "a confirmation in the pipe:\n\(piped)")
  }
}
