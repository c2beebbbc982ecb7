import Foundation
import Testing

/// Two and three shells at the prompt on one session file (issue 8, DESIGN §2.4):
/// the selection is each shell's own, different providers never conflict, and a
/// field both changed is taken from the other shell, said, and later saves go on.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct TwoShellsTerminalTests {
  static func saved(_ home: TemporaryHome) throws -> [String: Any] {
    let data = try Data(contentsOf: home.url.appendingPathComponent("session.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  static func provider(_ id: String, in session: [String: Any]) -> [String: Any]? {
    (session["providers"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }

  @Test func selectionIsPerShellAndDifferentProvidersNeverConflict() async throws {
    let home = try TemporaryHome()
    let a = try TerminalSession(home: home)
    let b = try TerminalSession(home: home)
    let c = try TerminalSession(home: home)
    try await a.command("use deepseek")
    try await b.command("use openai")
    try await c.command("use gemini")
    // A's `use` saved a default selection; B and C keep their own.
    let afterA = try await a.command("key sk-shell-a-0123456789abcdef")
    let afterB = try await b.command("key sk-shell-b-0123456789abcdef")
    let afterC = try await c.command("key sk-shell-c-0123456789abcdef")
    #expect(afterA.lastPrompt?.provider == "deepseek")
    #expect(afterB.lastPrompt?.provider == "openai", "\(afterB)")
    #expect(afterC.lastPrompt?.provider == "gemini", "\(afterC)")
    for screen in [afterA, afterB, afterC] {
      #expect(!screen.contains("another cherry"), "a conflict was reported:\n\(screen)")
    }
    let session = try Self.saved(home)
    for (id, key) in [("deepseek", "a"), ("openai", "b"), ("gemini", "c")] {
      let keys = Self.provider(id, in: session)?["keys"] as? [String]
      #expect(keys == ["sk-shell-\(key)-0123456789abcdef"], "\(id): \(keys ?? [])")
    }
    for shell in [a, b, c] {
      try shell.press("C-d")
      #expect(try await shell.exitStatus() == 0)
    }
  }

  @Test func aRefusedFieldIsTakenOverAndLaterSavesGoOn() async throws {
    let home = try TemporaryHome()
    let a = try TerminalSession(home: home)
    let b = try TerminalSession(home: home)
    try await a.command("use deepseek")
    try await b.command("use deepseek")
    try await a.command("url https://a.example.com")
    let refused = try await b.command("url https://b.example.com")
    #expect(refused.contains("another cherry changed providers.deepseek.url"), "\(refused)")
    #expect(refused.contains("now using https://a.example.com"), "\(refused)")
    // B goes on saving its other changes.
    let later = try await b.command("timeout 30")
    #expect(!later.output(of: "timeout 30").contains { $0.contains("not saved") }, "\(later)")
    let session = try Self.saved(home)
    let deepseek = Self.provider("deepseek", in: session)
    #expect(deepseek?["url"] as? String == "https://a.example.com")
    #expect(deepseek?["timeout"] as? Double == 30)
    for shell in [a, b] {
      try shell.press("C-d")
      #expect(try await shell.exitStatus() == 0)
    }
  }
}
