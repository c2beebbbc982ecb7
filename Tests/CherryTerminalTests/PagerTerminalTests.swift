import Foundation
import Testing

/// Output longer than the screen goes through `$PAGER` at the prompt, as psql and
/// git do; `set pager off` turns it off; a pipe is never paged (issue 11).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct PagerTerminalTests {
  @Test func longOutputIsPagedUntilPagerOff() async throws {
    let home = try TemporaryHome()
    // A pager that marks where it starts and ends, so the test sees it ran.
    let pager = home.url.appendingPathComponent("pager.sh").path
    try "#!/bin/sh\necho PAGER-START\ncat\necho PAGER-END\n".write(
      toFile: pager, atomically: true, encoding: .utf8)
    chmod(pager, 0o755)
    let session = try TerminalSession(home: home, environment: ["PAGER": pager])
    try await session.waitForPrompt(after: 0)

    let paged = try await session.command("providers")
    #expect(paged.contains("PAGER-START") && paged.contains("PAGER-END"), "\(paged)")
    #expect(paged.contains("deepseek"))
    let short = try await session.command("help use")
    #expect(short.lines.filter { $0 == "PAGER-START" }.count == 1, "a short text was paged")

    try await session.command("set pager off")
    let plain = try await session.command("providers")
    #expect(plain.lines.filter { $0 == "PAGER-START" }.count == 1, "paged after pager off")
    #expect(plain.contains("mimo"))
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
  }
}
