import Testing

/// A bare `key` reads keys with echo off and always restores the terminal.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct SecretTerminalTests {
  @Test("typed characters of a bare `key` never appear on screen")
  func bareKeyHidesInput() async throws {
    let secret = "sk-zyxwvutsrqponmlkjihgfe9876"
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    let selected = try await session.command("use deepseek").prompts.count

    try session.enter("key")
    try await session.waitUntil("the secret prompt after a bare `key`") {
      $0.prompts.count == selected && !$0.afterLastPrompt.isEmpty
    }
    try session.type(secret)
    try session.press("Enter")
    let screen = try await session.waitForPrompt(after: selected)
    #expect(!screen.contains(secret), "the key was echoed:\n\(screen)")
    #expect(!screen.contains("wvutsrqponmlkji"), "part of the key was echoed:\n\(screen)")

    // Echo is back: what is typed next shows.
    try session.type("help")
    try await session.waitUntil("typed text to echo again") { $0.lastPrompt?.typed == "help" }
    try await session.expectCleanExit()
  }

  @Test("Ctrl-C during a bare `key` restores echo and keeps the shell")
  func ctrlCDuringKeyRestoresEcho() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    let selected = try await session.command("use deepseek").prompts.count

    try session.enter("key")
    try await session.waitUntil("the secret prompt after a bare `key`") {
      $0.prompts.count == selected && !$0.afterLastPrompt.isEmpty
    }
    try session.type("sk-partial")
    try session.press("C-c")
    try await session.waitForPrompt(after: selected)
    #expect(!(try session.screen().contains("sk-partial")))

    try session.type("visible-again")
    try await session.waitUntil("typed text to echo again") {
      $0.lastPrompt?.typed == "visible-again"
    }
    try await session.expectCleanExit()
  }
}
