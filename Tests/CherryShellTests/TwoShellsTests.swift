import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Two shells open on one session file (DESIGN §2.4): neither loses the other's
/// changes, and a field both changed is refused, naming it, never overwritten.
struct TwoShellsTests {
  /// Opens a shell at a stand-in prompt on the harness's session file.
  private func openShell(_ harness: ShellHarness) throws -> (Shell, CapturingOutputSink) {
    let sink = CapturingOutputSink()
    let shell = try Shell(options: harness.options, output: Output(sink: sink, color: false))
    return (shell, sink)
  }

  @Test func changesToDifferentProvidersAreBothKept() async throws {
    let harness = ShellHarness()
    _ = await harness.run("use deepseek\n")
    let (first, _) = try openShell(harness)
    let (second, _) = try openShell(harness)
    _ = await first.runInteractive(
      ScriptedLineSource(lines: ["key sk-first-aaaaaaaaaaaa1"]), rcFile: nil)
    _ = await second.runInteractive(
      ScriptedLineSource(lines: ["use openai", "key sk-second-bbbbbbbbbbb2"]), rcFile: nil)
    let saved = try #require(try harness.savedSession())
    #expect(saved.provider("deepseek")?.keys == ["sk-first-aaaaaaaaaaaa1"])
    #expect(saved.provider("openai")?.keys == ["sk-second-bbbbbbbbbbb2"])
  }

  /// Opens two shells on one file, then the first renames deepseek to Alpha and
  /// saves; the second, opened before that, is returned with its output.
  private func renamedByAFirstShell() async throws -> (
    ShellHarness, Shell, CapturingOutputSink
  ) {
    let harness = ShellHarness()
    _ = await harness.run("use deepseek\n")
    let (first, _) = try openShell(harness)
    let (second, secondOutput) = try openShell(harness)
    _ = await first.runInteractive(
      ScriptedLineSource(lines: ["provider rename deepseek Alpha"]), rcFile: nil)
    return (harness, second, secondOutput)
  }

  @Test func theSameFieldChangedByBothIsRefusedByNameWithExitThree() async throws {
    let (harness, second, secondOutput) = try await renamedByAFirstShell()
    let before = harness.sessionBytes()
    let status = await second.runBatch([.command("provider rename deepseek Beta", index: 1)])
    #expect(status == CherryShell.ExitStatus.sessionFile)
    #expect(
      secondOutput.standardError.contains("providers.deepseek.name"), "\(secondOutput.combined)")
    #expect(harness.sessionBytes() == before)
    #expect(try harness.savedSession()?.provider("deepseek")?.name == "Alpha")
  }

  @Test func atThePromptTheConflictIsReportedAndTheShellGoesOn() async throws {
    let (harness, second, secondOutput) = try await renamedByAFirstShell()
    let before = harness.sessionBytes()
    _ = await second.runInteractive(
      ScriptedLineSource(lines: ["provider rename deepseek Beta", "providers"]), rcFile: nil)
    #expect(
      secondOutput.standardError.contains("providers.deepseek.name"), "\(secondOutput.combined)")
    #expect(secondOutput.standardOutput.contains("deepseek"))
    #expect(harness.sessionBytes() == before)
  }
}
