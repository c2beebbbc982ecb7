import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// DESIGN §2.3–2.4: when the session is saved, and when it is not.
struct ShellSavingTests {
  @Test func aScriptThatSucceedsSavesOnce() async throws {
    let harness = ShellHarness()
    let run = await harness.run("use deepseek\nkey sk-xxxx1,sk-xxxx2\n+ deepseek-chat\nenable\n")
    #expect(run.status == CherryShell.ExitStatus.success)
    let saved = try #require(try harness.savedSession())
    let provider = try #require(saved.provider("deepseek"))
    #expect(saved.selected == "deepseek")
    #expect(provider.keys == ["sk-xxxx1", "sk-xxxx2"])
    #expect(provider.models.map(\.id) == ["deepseek-chat"])
    #expect(provider.enabled)
  }

  @Test func aFailedScriptSavesNothing() async throws {
    let harness = ShellHarness()
    _ = await harness.run("use openai\n")
    let before = try #require(harness.sessionBytes())
    let run = await harness.run("use deepseek\nkey sk-xxxx1\nnot-a-command\nenable\n")
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(run.stderr.contains("<stdin>:3: error: unknown command 'not-a-command'"))
    #expect(run.stderr.contains("nothing was saved"))
    #expect(harness.sessionBytes() == before)
    // The line after the failure did not run.
    #expect(run.session?.provider("deepseek")?.enabled == false)
  }

  @Test func keepGoingRunsEveryLineSavesWhatSucceededAndFails() async throws {
    let harness = ShellHarness()
    let run = await harness.run("use deepseek\nkey sk-xxxx1，sk-xxxx2\nkey sk-xxxx3\n") {
      $0.keepGoing = true
    }
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(try harness.savedSession()?.provider("deepseek")?.keys == ["sk-xxxx3"])
  }

  @Test func onErrorContinueActsLikeKeepGoing() async throws {
    let harness = ShellHarness()
    let run = await harness.run("set on_error continue\nuse deepseek\nbogus\n+ deepseek-chat\n")
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(try harness.savedSession()?.provider("deepseek")?.models.count == 1)
  }

  @Test func aSaveIsACheckpointInAScript() async throws {
    let harness = ShellHarness()
    let run = await harness.run("use deepseek\nsave\nkey sk-xxxx1\nbogus\n")
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    let saved = try #require(try harness.savedSession())
    #expect(saved.selected == "deepseek")
    #expect(saved.provider("deepseek")?.keys == [])
  }

  @Test func quitInAFileEndsTheRunAndSaves() async throws {
    let harness = ShellHarness()
    let file = harness.folder.write("a.cherryrc", "use deepseek\nquit\nuse openai\n")
    let run = await harness.run([.file(path: file), .command("use ollama", index: 1)])
    #expect(run.status == CherryShell.ExitStatus.success)
    #expect(try harness.savedSession()?.selected == "deepseek")
  }

  @Test func aFailingCommandChangesNothingEvenWithKeepGoing() async throws {
    let harness = ShellHarness()
    let run = await harness.run("use deepseek\nkey sk-xxxx1\nkey rm 5\n") { $0.keepGoing = true }
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(try harness.savedSession()?.provider("deepseek")?.keys == ["sk-xxxx1"])
  }

  @Test func thePromptSavesAfterEachChangingCommandAndExitsZero() async throws {
    let harness = ShellHarness()
    let (run, source) = await harness.interactive([
      .line("use deepseek"), .line("not-a-command"), .interrupted, .line("key sk-xxxx1"),
    ])
    #expect(run.status == CherryShell.ExitStatus.success)
    #expect(run.stderr.contains("error: unknown command 'not-a-command'"))
    #expect(!run.stderr.contains("<stdin>"))
    #expect(source.prompts.first == "cherry> ")
    #expect(source.prompts.dropFirst().first == "cherry(deepseek)> ")
    #expect(try harness.savedSession()?.provider("deepseek")?.keys == ["sk-xxxx1"])
  }

  @Test func quitAtThePromptExitsZero() async throws {
    let harness = ShellHarness()
    let (run, source) = await harness.interactive([
      .line("bogus"), .line("quit"), .line("use deepseek"),
    ])
    #expect(run.status == CherryShell.ExitStatus.success)
    #expect(source.prompts.count == 2)
  }

  @Test func aSourcedFileIsAllOrNothingAtThePrompt() async throws {
    let harness = ShellHarness()
    let file = harness.folder.write("f.cherryrc", "+ deepseek-chat\nkey sk-xxxx1\nbogus\n")
    let (run, _) = await harness.interactive([
      .line("use deepseek"), .line("source \(file)"), .line("models"),
    ])
    #expect(run.stderr.contains("\(file):3: error: unknown command 'bogus'"))
    #expect(run.stderr.contains("nothing from \(file) was applied"))
    let saved = try #require(try harness.savedSession())
    #expect(saved.selected == "deepseek")
    #expect(saved.provider("deepseek")?.models == [])
    #expect(saved.provider("deepseek")?.keys == [])
  }

  @Test func aFailingRCIsNotAppliedAndThePromptStillStarts() async throws {
    let harness = ShellHarness()
    let rc = harness.folder.write("rc", "use deepseek\nset echo on\nkey sk-xxxx1，sk-xxxx2\n")
    let (run, source) = await harness.interactive([.line("use openai")], rcFile: rc)
    #expect(run.stderr.contains("\(rc):3: error: keys must be separated"))
    #expect(source.prompts.first == "cherry> ")
    #expect(try harness.savedSession()?.selected == "openai")
  }

  @Test func aGoodRCIsApplied() async throws {
    let harness = ShellHarness()
    let rc = harness.folder.write("rc", "use deepseek\n")
    let (_, source) = await harness.interactive([], rcFile: rc)
    #expect(source.prompts.first == "cherry(deepseek)> ")
  }

  @Test func aSecondShellSeesWhatTheFirstSaved() async throws {
    let harness = ShellHarness()
    _ = await harness.run("use deepseek\nkey sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4\n")
    let run = await harness.run("key list\n")
    #expect(run.stdout == "#1 ****   ← next\n#2 ****\n#3 ****\n#4 ****\n")
  }

  @Test func anInMemorySessionIsNeverWritten() async throws {
    let harness = ShellHarness()
    let run = await harness.run("use deepseek\nkey sk-xxxx1\nsave\n") { $0.sessionPath = nil }
    #expect(run.status == CherryShell.ExitStatus.success)
    #expect(run.stderr.contains("nothing is saved"))
    #expect(harness.sessionBytes() == nil)
  }

  /// With changes the file could not take, the first `quit` warns and stays;
  /// a second one leaves (issue 8).
  @Test func quitWithUnsavedChangesNeedsASecondQuit() async throws {
    // Tests run as root, so permissions stop nothing: /proc refuses new files to root too.
    let harness = ShellHarness()
    harness.options.sessionPath = "/proc/cherry-no-such-folder/session.json"
    let (run, source) = await harness.interactive([
      .line("use deepseek"), .line("quit"), .line("models"), .line("quit"), .line("quit"),
      .line("never reached"),
    ])
    #expect(run.status == .success)
    #expect(run.stderr.components(separatedBy: "quit again to leave without them").count == 3)
    // Both warnings were followed by a prompt; the third line after the second
    // warning (the last quit) ended the shell.
    #expect(source.prompts.count == 5, "\(source.prompts)")
  }
}
