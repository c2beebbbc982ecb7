import CherryKit
import Foundation
import Testing

/// The built binary with real arguments (notes/swift-http.md: an async command
/// started the wrong way prints its help and exits 0 in release).
struct BinaryTests {
  @Test func printsItsVersion() throws {
    let result = try Cherry().run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("cherry "))
  }

  @Test func helpExitsZero() throws {
    let result = try Cherry().run(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("--keep-going"))
  }

  @Test(arguments: [["--bogus"], ["-f"], ["--session"], ["-x", "providers"]])
  func aBadCommandLineExitsTwo(_ arguments: [String]) throws {
    let result = try Cherry().run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.contains("Usage: cherry") || result.stderr.contains("rror"))
  }

  @Test func runsACommand() throws {
    let result = try Cherry().run(["--no-rc", "-c", "providers"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("deepseek"))
    #expect(result.stdout.contains("not supported"))
  }

  @Test func runsFilesAndCommandsInCommandLineOrder() throws {
    let cherry = Cherry()
    let a = cherry.folder.write("a.cherryrc", "use deepseek\n")
    let b = cherry.folder.write("b.cherryrc", "use openai\n")
    let result = try cherry.run([
      "-c", "use ollama", "-f", a, "-c", "session", "-f", b, "-c", "use --none", "-c",
      "show openai",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    // Confirmations go to stderr; the data (session, show) to stdout.
    let uses = result.stderr.split(separator: "\n").filter { $0.hasPrefix("using ") }
    #expect(
      uses == [
        "using Ollama (ollama), which is off", "using DeepSeek (deepseek), which is off",
        "using OpenAI (openai), which is off",
      ])
    #expect(
      result.stdout.range(of: "session ")?.lowerBound ?? result.stdout.endIndex
        < result.stdout.range(of: "OpenAI (openai)")?.lowerBound ?? result.stdout.startIndex)
  }

  @Test func readsPipedStdinAsAScript() throws {
    let cherry = Cherry()
    let result = try cherry.run([], stdin: "use deepseek\nkey sk-xxxx1\nbogus\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin>:3: error: unknown command 'bogus'"))
    #expect(cherry.sessionBytes() == nil)
  }

  @Test func pointsAtTheFailingLineOfAFile() throws {
    let cherry = Cherry()
    let file = cherry.folder.write(
      "setup.cherryrc", "use deepseek\n\n# comment\nkey sk-xxxx1，sk-xxxx2\n")
    let result = try cherry.run(["-f", file])
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file):4: error: keys must be separated by the ASCII comma"))
    #expect(
      result.stderr.contains("key sk-xxxx1,sk-xxxx2") || result.stderr.contains("key ****,****"))
  }

  @Test func pointsAtTheFailingCommand() throws {
    let result = try Cherry().run([
      "-c", "use deepseek", "-c", "url https://api.example.com/v1/chat/completions",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("-c#2: error: "))
  }

  @Test func warnsAboutALiteralKeyOnTheCommandLine() throws {
    let result = try Cherry().run([
      "-c", "use deepseek", "-c", "key sk-proj-0123456789abcdefghijklmnop",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.contains("-c#2: warning: a key given with -c is now in the process list"))
    #expect(!result.stderr.contains("sk-proj-0123456789abcdefghijklmnop"))
    #expect(!result.stdout.contains("sk-proj-0123456789abcdefghijklmnop"))
  }

  /// `-c 'key $VAR'`: cherry expanded the variable, so the key never was in the
  /// process list, and no warning says it is.
  @Test func aKeyFromAVariableOnTheCommandLineDoesNotWarn() throws {
    let result = try Cherry().run(
      ["-c", "use deepseek", "-c", "key $CHERRY_TEST_KEY"],
      environment: ["CHERRY_TEST_KEY": "sk-proj-0123456789abcdefghijklmnop"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("process list"), "\(result.stderr)")
    #expect(result.stderr.contains("1 key"))
  }

  /// `save` on a session file that does not exist yet writes it.
  @Test func saveWritesANewSessionFile() throws {
    let cherry = Cherry()
    let result = try cherry.run(["-c", "save"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("saved to"), "\(result.stderr)")
    #expect(cherry.sessionBytes() != nil)
  }

  @Test func aFailedScriptLeavesTheSessionFileByteForByte() throws {
    let cherry = Cherry()
    #expect(try cherry.run(["-c", "use deepseek", "-c", "key sk-xxxx1"]).status == 0)
    let before = try #require(cherry.sessionBytes())
    let result = try cherry.run(["-c", "key sk-xxxx2", "-c", "enable", "-c", "nonsense"])
    #expect(result.status == 1)
    #expect(cherry.sessionBytes() == before)
  }

  @Test func keepGoingSavesWhatSucceededAndExitsOne() throws {
    let cherry = Cherry()
    let result = try cherry.run([
      "--keep-going", "-c", "use deepseek", "-c", "nonsense", "-c", "key sk-xxxx1",
    ])
    #expect(result.status == 1)
    let session = try SessionStore(path: cherry.sessionPath).load().session
    #expect(session.provider("deepseek")?.keys == ["sk-xxxx1"])
  }

  @Test func aNewerSessionFileExitsThree() throws {
    let cherry = Cherry()
    let text = #"{"version": 99, "providers": [], "selected": null}"#
    _ = FileManager.default.createFile(atPath: cherry.sessionPath, contents: Data(text.utf8))
    let result = try cherry.run(["-c", "providers"])
    #expect(result.status == 3)
    #expect(result.stderr.contains("newer cherry"))
    #expect(cherry.sessionBytes() == Data(text.utf8))
  }

  @Test func theSessionFlagPicksTheFile() throws {
    let cherry = Cherry()
    let path = cherry.folder.path + "/other.json"
    #expect(try cherry.run(["--session", path, "-c", "use deepseek"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(cherry.sessionBytes() == nil)
  }

  @Test func echoPrintsLinesMasked() throws {
    let result = try Cherry().run([
      "--echo", "-c", "use deepseek", "-c", "key sk-proj-0123456789abcdefghijklmnop",
    ])
    // Echo is narration: stderr, so stdout keeps only data.
    #expect(
      result.stderr.contains("cherry(deepseek)> key sk-proj-****jklmnop")
        || result.stderr.contains("cherry(deepseek)> key sk-p"))
    #expect(!result.stderr.contains("0123456789abcdefghijklmnop"))
    #expect(result.stdout.isEmpty)
  }

  @Test func jsonPrintsADocument() throws {
    let result = try Cherry().run(["--json", "-c", "providers"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    #expect(object?["ok"] as? Bool == true)
    #expect(object?["command"] as? String == "providers")
    #expect(((object?["providers"] as? [Any])?.count ?? 0) > 10)
  }

  @Test func noColorOnAPipe() throws {
    let result = try Cherry().run(["-c", "bogus"], environment: ["NO_COLOR": nil])
    #expect(!result.stderr.contains("\u{1B}["))
  }

  @Test func dumpReplaysIntoAnEmptySession() throws {
    let first = Cherry()
    let setup = """
      provider add gw --type openai --name 'Team Gateway' --url https://gw.example.com/v2/
      key sk-gw-0123456789abcdefghij,sk-gw-abcdefghij0123456789
      + gpt-4o 'odd model'
      model gpt-4o kinds +vision -tools
      header set X-Title "cherry shell"
      timeout 30
      enable
      use deepseek
      key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4
      url https://api.deepseek.com/v2/
      + deepseek-chat
      provider rename deepseek 'Deep Seek'
      enable
      use gw

      """
    #expect(try first.run([], stdin: setup).status == 0)
    let dump = try first.run(["-c", "dump --with-keys"])
    #expect(dump.status == 0)
    let second = Cherry()
    let script = second.folder.write("dump.cherryrc", dump.stdout)
    let replay = try second.run(["-f", script])
    #expect(replay.status == 0, "\(replay.stderr)")
    var a = try SessionStore(path: first.sessionPath).load().session
    var b = try SessionStore(path: second.sessionPath).load().session
    for i in a.providers.indices { a.providers[i].rotationCursor = nil }
    for i in b.providers.indices { b.providers[i].rotationCursor = nil }
    #expect(a == b)

    // Without --with-keys, the keys become env: placeholders and nothing secret is printed.
    let safe = try first.run(["-c", "dump"])
    #expect(!safe.stdout.contains("sk-gw-0123456789abcdefghij"))
    #expect(safe.stdout.contains("key 'env:GW_API_KEY_1,env:GW_API_KEY_2'"))
    #expect(safe.stdout.contains("key 'env:DEEPSEEK_API_KEY_1,env:DEEPSEEK_API_KEY_2,"))
  }
}
