import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Bad input of every kind: a clear error (what, then how to fix) and the session
/// file byte-for-byte as it was.
struct BadInputTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let script: String
    /// Text the error must contain.
    let error: String
    /// Text the hint lines must contain.
    let hint: String
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "unknown command", script: "kye sk-xxxx1", error: "unknown command 'kye'",
      hint: "did you mean 'key'?"),
    Case(
      id: "missing argument", script: "use", error: "use: missing the provider to use",
      hint: "usage: use [<provider>] [--none]"),
    Case(
      id: "unbalanced quote", script: "provider rename deepseek 'Deep", error: "unbalanced quote",
      hint: "close it"),
    Case(
      id: "unset variable", script: "key $CHERRY_TEST_UNSET_VARIABLE",
      error: "$CHERRY_TEST_UNSET_VARIABLE is not set", hint: "export CHERRY_TEST_UNSET_VARIABLE="),
    Case(
      id: "unknown provider", script: "use deepsek", error: "unknown provider 'deepsek'",
      hint: "did you mean 'deepseek'?"),
    Case(
      id: "unsupported provider", script: "use vertexai", error: "not supported", hint: "providers"),
    Case(
      id: "full-width comma", script: "key sk-xxxx1，sk-xxxx2", error: "not the full-width comma",
      hint: "use: key ****,****"),
    Case(
      id: "masked key pasted back", script: "key sk-a****wxyz", error: "masked key",
      hint: "paste the whole key"),
    Case(
      id: "pasted endpoint URL", script: "url https://api.example.com/v1/chat/completions",
      error: "full endpoint", hint: "url https://api.example.com/v1"),
    Case(
      id: "bare key in a script", script: "key", error: "no terminal to ask",
      hint: "key env:DEEPSEEK_API_KEY"),
    Case(
      id: "no provider selected", script: "use --none\nkey sk-xxxx1",
      error: "key: no provider selected", hint: "use <provider>"),
    Case(
      id: "unknown option", script: "models --kinds chat", error: "unknown option '--kinds'",
      hint: "--kind"),
    Case(
      id: "bad kind", script: "+ deepseek-chat\nmodel deepseek-chat kinds +telepathy",
      error: "not a kind change", hint: "kinds:"),
    Case(
      id: "key number", script: "key rm 3", error: "no key #3: keys are numbered 1 to 1",
      hint: "key list"),
    Case(
      id: "built-in removal", script: "provider rm deepseek", error: "cannot be removed",
      hint: "disable"),
    Case(
      id: "source missing file", script: "source /nonexistent/x.cherryrc",
      error: "cannot read /nonexistent/x.cherryrc: no such file", hint: "check the path"),
  ]

  @Test(arguments: cases)
  func refusesAndLeavesTheFile(_ c: Case) async throws {
    let harness = ShellHarness()
    _ = await harness.run("use deepseek\nkey sk-xxxx1\n")
    let before = try #require(harness.sessionBytes())
    let run = await harness.run(c.script + "\nenable\n")
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(run.stderr.contains(c.error), "\(run.stderr)")
    #expect(run.stderr.contains(c.hint), "\(run.stderr)")
    #expect(harness.sessionBytes() == before)
  }

  @Test func neverEchoesAKeyInAnError() async throws {
    let harness = ShellHarness()
    let key = "sk-proj-0123456789abcdefghijklmnopqrstuv"
    for script in [
      "\(key)", "use \(key)", "help \(key)", "use deepseek\nkey rm \(key)",
      "use deepseek\nkey \(key)，x",
    ] {
      let run = await harness.run(script + "\n") { $0.echo = true }
      #expect(!run.combined.contains(key), "\(script) → \(run.combined)")
      #expect(!run.combined.contains("0123456789abcdefghijklmnopqrstuv"))
    }
  }

  @Test func aFileThatSourcesItselfIsRefused() async throws {
    let harness = ShellHarness()
    _ = await harness.run("use deepseek\n")
    let before = try #require(harness.sessionBytes())
    let file = harness.folder.write("loop.cherryrc", "+ looped-model\nsource loop.cherryrc\n")
    let run = await harness.run("source \(file)\n")
    #expect(run.status == CherryShell.ExitStatus.commandFailed)
    #expect(run.stderr.contains("nested more than 16 deep"))
    #expect(run.stderr.components(separatedBy: "error:").count == 2)  // reported once
    #expect(harness.sessionBytes() == before)
  }

  @Test func aCorruptSessionFileIsLeftAlone() async throws {
    let harness = ShellHarness()
    let text = "{ this is not json"
    _ = FileManager.default.createFile(atPath: harness.sessionPath, contents: Data(text.utf8))
    let run = await harness.run("use deepseek\n")
    #expect(run.status == CherryShell.ExitStatus.sessionFile)
    #expect(run.stderr.contains("damaged"))
    #expect(harness.sessionBytes() == Data(text.utf8))
  }

  @Test func aNewerSessionFileIsRefused() async throws {
    let harness = ShellHarness()
    let text = #"{"version": 99, "providers": []}"#
    _ = FileManager.default.createFile(atPath: harness.sessionPath, contents: Data(text.utf8))
    let run = await harness.run("use deepseek\n")
    #expect(run.status == CherryShell.ExitStatus.sessionFile)
    #expect(run.stderr.contains("newer cherry"))
    #expect(harness.sessionBytes() == Data(text.utf8))
  }

  @Test func anUnreadableSessionFileIsRefused() async throws {
    // Tests run as root, so a mode of 000 would not stop a read: a folder in the
    // file's place does.
    let harness = ShellHarness()
    try FileManager.default.createDirectory(
      atPath: harness.sessionPath, withIntermediateDirectories: true)
    let run = await harness.run("use deepseek\n")
    #expect(run.status == CherryShell.ExitStatus.sessionFile)
    #expect(run.stderr.contains(harness.sessionPath))
  }

  @Test func aSessionPathThroughAFileExitsThree() async throws {
    let harness = ShellHarness()
    let blocker = harness.folder.write("not-a-folder", "x")
    harness.options.sessionPath = blocker + "/session.json"
    let run = await harness.run("use deepseek\n")
    #expect(run.status == CherryShell.ExitStatus.sessionFile)
    #expect(run.stderr.contains(blocker))
    #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "x")
  }

  @Test func anUnwritableSessionDirectoryExitsThreeAndKeepsNothing() async throws {
    // Tests run as root, so permissions stop nothing: /proc refuses new files to root too.
    let harness = ShellHarness()
    harness.options.sessionPath = "/proc/cherry-no-such-folder/session.json"
    let run = await harness.run("use deepseek\nkey sk-xxxx1\n")
    #expect(run.status == CherryShell.ExitStatus.sessionFile)
    #expect(
      run.stderr.contains(
        "error: cannot write the session file /proc/cherry-no-such-folder/session.json"))
  }
}
