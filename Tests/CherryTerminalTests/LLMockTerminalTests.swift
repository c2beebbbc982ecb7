import Foundation
import Testing

/// The seed's flow typed at the prompt against llmock, a real provider-style
/// server from PyPI (issue 4, "Done when": against llmock, at the prompt).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct LLMockTerminalTests {
  @Test("key, url, manage, +, test, enable and ask at the prompt against llmock")
  func seedFlowAtThePrompt() async throws {
    let environment = ProcessInfo.processInfo.environment
    guard let base = environment["CHERRY_LLMOCK_URL"], !base.isEmpty else {
      if environment["CI"] != nil {
        Issue.record("CI is set but CHERRY_LLMOCK_URL is not: scripts/test starts llmock")
      }
      return
    }
    let key = "sk-test-aaaaaaaaaaaaaaaaaaaa1234"
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)

    try await session.command("provider add mock --type openai --url \(base)/v1")
    let keys = try await session.command("key \(key)").output(of: "key \(key)")
    #expect(keys.joined().contains("sk-test-****aaaa1234"), "\(keys)")

    let listing = try await session.command("manage").output(of: "manage")
    #expect(listing.contains { $0.contains("gpt-4o-mini") }, "\(listing)")
    let added = try await session.command("+ gpt-4o-mini").output(of: "+ gpt-4o-mini")
    #expect(added.contains { $0.hasPrefix("added gpt-4o-mini") }, "\(added)")

    let tested = try await session.command("test").output(of: "test")
    #expect(tested.contains { $0.hasPrefix("  #1 sk-test-****aaaa1234 ✓") }, "\(tested)")
    #expect(tested.contains("passed"), "\(tested)")

    let enabled = try await session.command("enable").output(of: "enable")
    #expect(enabled.contains("mock is on"), "\(enabled)")

    let answer = try await session.command("ask ping").output(of: "ask ping")
    #expect(answer.contains { $0.contains("ping") }, "no streamed answer: \(answer)")

    // The key was typed once; nothing cherry printed holds it whole.
    let screen = try session.screen()
    let typedLine = "key \(key)"
    let printed = screen.lines.filter { !$0.hasSuffix(typedLine) }
    #expect(!printed.contains { $0.contains(key) }, "\(screen)")
    try await session.expectCleanExit()
  }
}
