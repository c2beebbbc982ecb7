import Testing

/// UTF-8 and CJK input survive libedit (the locale is set up for it).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct UnicodeTerminalTests {
  /// Under a C locale too: the editor falls back to C.UTF-8 rather than drop
  /// the bytes (libedit's silent default).
  @Test(
    "`模型` typed in comes back intact, in the session and in the history",
    arguments: [[:], ["LC_ALL": "C", "LANG": "C"]])
  func cjkSurvives(environment: [String: String]) async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home, environment: environment)
    let add = "provider add cjk-test --type openai --name 模型"
    try await session.command(add)
    let screen = try await session.command("providers")

    let listed = screen.afterLastPrompt + screen.lines.filter { !$0.hasPrefix("cherry") }
    #expect(
      listed.contains { $0.contains("cjk-test") && $0.contains("模型") },
      "`providers` does not show the name 模型:\n\(screen)")

    try session.press("Up", "Up")
    try await session.waitUntil("Up Up to recall the CJK line") { $0.lastPrompt?.typed == add }
    try await session.expectCleanExit()
  }
}
