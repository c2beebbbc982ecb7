import Foundation
import Testing

@testable import CherryShell

struct LineSourceTests {
  private func drain(_ source: any LineSource) -> [String] {
    var lines: [String] = []
    while case .line(let line) = source.nextLine(prompt: "") { lines.append(line) }
    return lines
  }

  @Test(arguments: [
    ("a\nb\n", ["a", "b"]), ("a\r\nb", ["a", "b"]), ("", []), ("\n", [""]),
    ("a\n\nb", ["a", "", "b"]),
    ("模型\n", ["模型"]),
  ])
  func stringSourceSplitsLines(_ text: String, _ expected: [String]) {
    #expect(drain(StringLineSource(text)) == expected)
  }

  @Test func descriptorSourceReadsAPipeInChunks() throws {
    let pipe = Pipe()
    let text = (1...20_000).map { "line \($0)" }.joined(separator: "\r\n") + "\nlast"
    let writer = pipe.fileHandleForWriting
    let thread = Thread {
      writer.write(Data(text.utf8))
      try? writer.close()
    }
    thread.start()
    let lines = drain(FileDescriptorLineSource(fd: pipe.fileHandleForReading.fileDescriptor))
    #expect(lines.count == 20_001)
    #expect(lines.first == "line 1")
    #expect(lines[19_999] == "line 20000")
    #expect(lines.last == "last")
  }
}

struct PromptTests {
  @Test func showsTheSelectedProvider() {
    #expect(Prompt.text(selected: "deepseek") == "cherry(deepseek)> ")
    #expect(Prompt.text(selected: nil) == "cherry> ")
  }
}

struct DumpWriterTests {
  @Test(arguments: [
    "plain", "with space", "it's", "$HOME", "#hash", "", "back\\slash", "模型", "a\"b",
    "gpt[1]*?", "a,b", "--flag", "'", "''",
  ])
  func quotedWordsSplitBack(_ word: String) throws {
    let quoted = try #require(DumpWriter.quote(word))
    #expect(try WordSplitter.split("x " + quoted, environment: [:]) == ["x", word])
  }

  /// A value with a control character cannot be one line of a script: it is never
  /// written, so a replay cannot run a line dump did not write.
  @Test(arguments: ["a\nheader set X-Injected yes", "a\rb", "\u{1B}[2J", "x\u{202E}y"])
  func unwritableValuesAreRefused(_ word: String) {
    #expect(DumpWriter.quote(word) == nil)
  }

  @Test func keyVariablesAreShellNames() {
    #expect(DumpWriter.keyVariable(for: "deepseek", index: nil) == "DEEPSEEK_API_KEY")
    #expect(DumpWriter.keyVariable(for: "302ai", index: 2) == "_302AI_API_KEY_2")
    #expect(DumpWriter.keyVariable(for: "new-api", index: 1) == "NEW_API_API_KEY_1")
  }
}
