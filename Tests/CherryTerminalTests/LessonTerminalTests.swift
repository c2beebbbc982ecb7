import Foundation
import Testing

/// A class run from cherry (issue 11): narration, `--step`, `--typing`, `-i`,
/// `pause` and Ctrl-C, and the built-in `tour` from start to end.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct LessonTerminalTests {
  static func lesson(_ home: TemporaryHome, _ lines: [String]) throws -> String {
    let path = home.url.appendingPathComponent("lesson.cherryrc").path
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func narrationIsProseAndPauseWaits() async throws {
    let home = try TemporaryHome()
    let file = try Self.lesson(
      home, ["# Step one: the providers", "providers demo", "pause", "use demo-anthropic"])
    let session = try TerminalSession(
      home: home, environment: ["NO_COLOR": "1"], arguments: ["--demo", "--echo", "-f", file])
    let paused = try await session.waitUntil("the pause") { $0.contains("press Enter to go on") }
    #expect(paused.contains("» Step one: the providers"), "\(paused)")
    #expect(!paused.contains("> # Step one"), "narration shown as a command:\n\(paused)")
    #expect(paused.contains("cherry(demo-openai)> providers demo"))
    #expect(!paused.contains("> use demo-anthropic"), "ran past the pause:\n\(paused)")
    try session.press("Enter")
    #expect(try await session.exitStatus() == 0)
    #expect(try session.screen().contains("> use demo-anthropic"))
  }

  @Test func stepWaitsBeforeEachCommand() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(
      home: home,
      arguments: [
        "--demo", "--echo", "--step", "-c", "use demo-anthropic", "-c", "use demo-gemini",
      ])
    try await session.waitUntil("the first step") { $0.contains("[Enter] runs it") }
    #expect(try !session.screen().contains("using Demo (Anthropic)"), "ran before Enter")
    try session.press("Enter")
    try await session.waitUntil("the first command to run") {
      $0.contains("using Demo (Anthropic)")
    }
    #expect(try !session.screen().contains("using Demo (Gemini)"), "the second ran before Enter")
    try session.press("Enter")
    #expect(try await session.exitStatus() == 0)
    #expect(try session.screen().contains("using Demo (Gemini)"))
  }

  @Test func typingTypesTheEchoedCommandOut() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(
      home: home,
      arguments: ["--demo", "--echo", "--typing", "--typing-speed", "400", "-c", "use demo-ollama"])
    #expect(try await session.exitStatus() == 0)
    let screen = try session.screen()
    #expect(screen.contains("cherry(demo-openai)> use demo-ollama"), "\(screen)")
    #expect(screen.contains("using Demo (Ollama)"))
  }

  @Test func interactiveAfterScriptsKeepsTheState() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(
      home: home, arguments: ["--demo", "-i", "-c", "use demo-gemini"])
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.lastPrompt?.provider == "demo-gemini", "\(screen)")
    try session.enter("quit")
    #expect(try await session.exitStatus() == 0)
  }

  @Test func ctrlCAtAPauseInADemoLessonDropsToThePromptWithWhatWasDone() async throws {
    let home = try TemporaryHome()
    let file = try Self.lesson(home, ["use demo-anthropic", "pause", "use demo-gemini"])
    let session = try TerminalSession(
      home: home, arguments: ["--demo", "-i", "--echo", "-f", file])
    try await session.waitUntil("the pause") { $0.contains("press Enter to go on") }
    try session.press("C-c")
    let screen = try await session.waitForPrompt(after: 0)
    #expect(screen.lastPrompt?.provider == "demo-anthropic", "\(screen)")
    #expect(screen.contains("keeps what it did"), "\(screen)")
    try session.enter("quit")
    #expect(try await session.exitStatus() == 0)
  }

  @Test func theTourRunsFromStartToEnd() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home, arguments: ["--demo"])
    try await session.waitForPrompt(after: 0)
    try session.enter("tour")
    var pauses = 0
    while true {
      let screen = try await session.waitUntil("the next pause or the end") {
        $0.lines.filter { $0.contains("press Enter to go on") }.count > pauses
          || $0.contains("that is the whole page")
      }
      if screen.contains("that is the whole page") { break }
      pauses += 1
      try session.press("Enter")
    }
    let screen = try session.screen()
    #expect(pauses == 6, "\(pauses) pauses")
    #expect(screen.contains("not the full-width comma"), "the comma mistake is shown")
    #expect(screen.contains("✗"), "the failing key is shown")
    #expect(screen.contains("demo-openai is on"))
    #expect(screen.contains("cherry demo server"), "the answer arrived")
    #expect(screen.lastPrompt?.provider == "demo-openai")
    try session.enter("quit")
    #expect(try await session.exitStatus() == 0)
  }
}
