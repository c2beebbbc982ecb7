import Testing

/// Tab completion at cherry's prompt, through libedit (DESIGN §2.2).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct CompletionTerminalTests {
  @Test("Tab completes a command to the common prefix; a second Tab lists the candidates")
  func tabCompletesCommand() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)

    try session.type("prov")
    try session.press("Tab")
    try await session.waitUntil("`prov` to complete to `provider`") {
      $0.lastPrompt?.typed == "provider"
    }

    try session.press("Tab")
    let listed = try await session.waitUntil("a second Tab to list provider and providers") {
      // libedit prints the list, then draws the prompt and the line again below it.
      $0.lines.contains { line in
        let words = line.split(separator: " ")
        guard !line.hasPrefix("cherry") else { return false }
        return words.contains("provider") && words.contains("providers")
      }
    }
    #expect(listed.lastPrompt?.typed == "provider")

    let before = try session.screen().prompts.count
    try session.enter("s")
    let output = try await session.waitForPrompt(after: before)
    #expect(output.contains("deepseek"), "`providers` lists the built-ins:\n\(output)")
    try await session.expectCleanExit()
  }

  @Test("Tab completes a provider id after `use`, with a space after a unique match")
  func tabCompletesProviderID() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)

    try session.type("use deeps")
    try session.press("Tab")
    try await session.waitUntil("`use deeps` to complete to `use deepseek `") {
      $0.lastPrompt?.typed == "use deepseek "
    }

    let before = try session.screen().prompts.count
    try session.press("Enter")
    let screen = try await session.waitForPrompt(after: before)
    #expect(screen.lastPrompt?.provider == "deepseek", "the prompt shows the selection:\n\(screen)")
    try await session.expectCleanExit()
  }
}
