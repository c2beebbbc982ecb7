import Testing

/// Ctrl-C and Ctrl-D at the prompt (issue 3, "Interactive, on a terminal").
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct SignalTerminalTests {
  @Test("Ctrl-C drops the typed line and the shell goes on")
  func ctrlCKeepsShellAlive() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    let start = try await session.waitForPrompt(after: 0).prompts.count

    try session.type("bogus-partial-line")
    try await session.waitUntil("the typed text to show") {
      $0.lastPrompt?.typed == "bogus-partial-line"
    }
    try session.press("C-c")
    let afterInterrupt = try await session.waitForPrompt(after: start)

    let screen = try await session.command("use deepseek")
    #expect(screen.lastPrompt?.provider == "deepseek", "the shell did not go on:\n\(screen)")
    // The dropped line never ran: nothing after its prompt mentions it.
    let dropped = screen.lines[(afterInterrupt.prompts[start - 1].line + 1)...]
    #expect(!dropped.contains { $0.contains("bogus-partial-line") }, "the line ran:\n\(screen)")
    try await session.expectCleanExit()
  }

  @Test("Ctrl-D on an empty line quits with status 0")
  func ctrlDExitsZero() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
  }

  @Test("Ctrl-C at a pause stops the sourced file, not the shell")
  func ctrlCAtPauseStopsTheScript() async throws {
    let home = try TemporaryHome()
    let script = home.url.appendingPathComponent("demo.cherryrc")
    try "use deepseek\npause\nuse openai\n".write(to: script, atomically: true, encoding: .utf8)
    let session = try TerminalSession(home: home)
    let start = try await session.waitForPrompt(after: 0).prompts.count

    try session.enter("source \(script.path)")
    try await session.waitUntil("the pause") { $0.contains("press Enter to go on") }
    try session.press("C-c")
    let screen = try await session.waitForPrompt(after: start)
    #expect(screen.contains("\(script.path):2: error: interrupted at 'pause'"), "\(screen)")
    // The sourced file is all or nothing: its `use deepseek` was undone.
    #expect(screen.lastPrompt?.provider == nil, "the file's changes were kept:\n\(screen)")
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
  }
}
