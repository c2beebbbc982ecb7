import CherryTestSupport
import Foundation
import Testing

/// A request that hangs (issue 4, "Commands"): a spinner on standard error while it
/// runs, on a terminal only; Ctrl-C cancels it and the shell goes on.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct RequestTerminalTests {
  /// The spinner's frames (Sources/CherryShell/Shell+Requests.swift).
  static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

  @Test("Ctrl-C during a stalled manage cancels it, clears the spinner, and keeps the shell")
  func ctrlCCancelsARequest() async throws {
    let server = try DemoServerProcess(arguments: ["--fault", "stall"])
    defer { server.stop() }
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)
    try await session.command(
      "provider add slow --type openai --url http://127.0.0.1:\(server.port)")
    try await session.command("key demo-key-1")

    let before = try session.screen().prompts.count
    try session.enter("manage")
    try await session.waitUntil("the spinner while manage waits for the stalled list") { screen in
      screen.prompts.count == before
        && screen.afterLastPrompt.contains { line in
          line.contains("fetching the model list of slow")
            && Self.spinnerFrames.contains { line.hasPrefix($0 + " ") }
        }
    }

    try session.press("C-c")
    let cancelled = try await session.waitForPrompt(after: before)
    let output = cancelled.output(of: "manage")
    #expect(
      output.contains { $0.contains("cancelled (Ctrl-C)") },
      "no cancellation message:\n\(cancelled)")
    #expect(
      !output.contains { $0.contains("fetching the model list") },
      "the spinner line was left behind:\n\(cancelled)")
    #expect(cancelled.lastPrompt?.provider == "slow")

    let listed = try await session.command("providers").output(of: "providers")
    #expect(listed.contains { $0.contains("slow") }, "`providers` after Ctrl-C:\n\(listed)")

    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
  }

  @Test("with standard error not a terminal, a stalled manage shows no spinner")
  func noSpinnerOffATerminal() async throws {
    let server = try DemoServerProcess(arguments: ["--fault", "stall"])
    defer { server.stop() }
    let cherry = try #require(BuiltBinary.existing("cherry"), "no built cherry; set CHERRY_BIN")
    let home = try TemporaryHome()
    let commands = [
      "provider add slow --type openai --url http://127.0.0.1:\(server.port)",
      "key demo-key-1", "timeout 1", "manage",
    ]
    let result = try ProcessRunner.run(
      cherry, ["--no-rc"] + commands.flatMap { ["-c", $0] },
      environment: ["CHERRY_HOME": home.url.path], deadline: 30)

    #expect(result.status == 1, "stdout:\n\(result.stdout)\nstderr:\n\(result.stderr)")
    #expect(result.stderr.contains("-c#4: error:"), "no error for manage:\n\(result.stderr)")
    #expect(result.stderr.contains("timed out"), "not reported as a timeout:\n\(result.stderr)")
    for text in Self.spinnerFrames + ["\r", "\u{1B}[K", "fetching the model list"] {
      #expect(!result.stderr.contains(text), "spinner output \(text.debugDescription) in stderr")
      #expect(!result.stdout.contains(text), "spinner output \(text.debugDescription) in stdout")
    }
  }
}
