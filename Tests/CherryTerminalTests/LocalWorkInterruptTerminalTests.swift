import Foundation
import Testing

/// Ctrl-C during local work (issue 8): at the prompt it cancels that command only,
/// and a sourced file rolls back; in a `-f` script it ends the run with 130 and
/// nothing saved.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct LocalWorkInterruptTerminalTests {
  /// A script long enough to be interrupted: each line adds a model (and says so).
  static func longScript(in home: TemporaryHome) throws -> String {
    let path = home.url.appendingPathComponent("long.cherryrc").path
    let lines = ["use deepseek"] + (1...200_000).map { "+ interrupt-model-\($0)" }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func ctrlCCancelsALongSourceAndTheShellGoesOn() async throws {
    let home = try TemporaryHome()
    let script = try Self.longScript(in: home)
    let session = try TerminalSession(home: home)
    let start = try await session.waitForPrompt(after: 0).prompts.count

    try session.enter("source \(script)")
    try await session.waitUntil("the script to be running") {
      $0.contains("added interrupt-model-")
    }
    try session.press("C-c")
    let screen = try await session.waitForPrompt(after: start)
    #expect(screen.contains("cancelled (Ctrl-C)"), "\(screen)")
    #expect(screen.contains("nothing from \(script) was applied"), "\(screen)")
    // The file rolled back: the selection it made is gone, and the shell goes on.
    #expect(screen.lastPrompt?.provider == nil, "\(screen)")
    let after = try await session.command("use deepseek")
    let models = try await session.command("models").output(of: "models")
    #expect(after.lastPrompt?.provider == "deepseek")
    #expect(!models.contains { $0.contains("interrupt-model-") }, "\(models)")
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
    let saved = try? String(
      contentsOf: home.url.appendingPathComponent("session.json"), encoding: .utf8)
    #expect(!(saved ?? "").contains("interrupt-model-"))
  }

  @Test func ctrlCEndsAScriptWith130AndSavesNothing() async throws {
    let home = try TemporaryHome()
    let script = try Self.longScript(in: home)
    let session = try TerminalSession(home: home, arguments: ["-f", script])
    try await session.waitUntil("the script to be running") {
      $0.contains("added interrupt-model-")
    }
    try session.press("C-c")
    #expect(try await session.exitStatus() == 130)
    let file = home.url.appendingPathComponent("session.json").path
    #expect(!FileManager.default.fileExists(atPath: file), "the interrupted script saved")
  }
}
