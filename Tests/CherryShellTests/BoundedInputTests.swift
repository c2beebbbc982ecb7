import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Input that would never end, or never fit, is refused with a clear error and
/// nothing saved (issue 8 "Bounded work"; DESIGN §2.4 limits).
struct BoundedInputTests {
  @Test(arguments: [["-c", "source /dev/zero"], ["-f", "/dev/zero"], ["-c", "source /dev"]])
  func aScriptMustBeAFileOrAPipe(_ arguments: [String]) throws {
    let cherry = Cherry()
    let result = try cherry.run(["-c", "use deepseek"] + arguments)
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("is not a regular file or a pipe")
        || result.stderr.contains("is a directory"), "\(result.stderr)")
    #expect(cherry.sessionBytes() == nil)
  }

  @Test func aLineOverOneMebibyteIsRefusedInAFile() throws {
    let cherry = Cherry()
    let long = String(repeating: "a", count: FileText.maximumLine + 10)
    let file = cherry.folder.write("long.cherryrc", "use deepseek\n" + long + "\n")
    let result = try cherry.run(["-f", file])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("long.cherryrc:2: a line is longer than 1 MiB"), "\(result.stderr)")
    #expect(cherry.sessionBytes() == nil)
  }

  @Test func aLineOverOneMebibyteIsRefusedOnStdin() throws {
    let cherry = Cherry()
    let long = String(repeating: "b", count: FileText.maximumLine + 10)
    let result = try cherry.run([], stdin: "use deepseek\n" + long + "\nuse openai\n")
    #expect(result.status == 1)
    #expect(result.stderr.contains("<stdin>:2: error: cannot read further: line 2 is longer"))
    #expect(cherry.sessionBytes() == nil)
  }

  @Test func aScriptOverSixtyFourMebibytesIsRefused() throws {
    let cherry = Cherry()
    let path = cherry.folder.path + "/huge.cherryrc"
    let line = "# " + String(repeating: "c", count: 1000) + "\n"
    let data = Data(
      String(repeating: line, count: (FileText.maximumScript / line.utf8.count) + 2).utf8)
    #expect(FileManager.default.createFile(atPath: path, contents: data))
    let result = try cherry.run(["-c", "use deepseek", "-f", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("a script may hold at most 64 MiB"), "\(result.stderr)")
    #expect(cherry.sessionBytes() == nil)
  }

  /// `-c '- gpt-4o'` is a command, not a flag (argument-parser would read it as one).
  @Test func aCommandMayBeginWithADash() throws {
    let cherry = Cherry()
    let result = try cherry.run(["-c", "use deepseek", "-c", "+ gpt-4o", "-c", "- gpt-4o"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("removed gpt-4o"))
  }

  /// An empty session path is a bad command line (2), and leaves no lock file.
  @Test func anEmptySessionPathExitsTwo() throws {
    let cherry = Cherry()
    let result = try cherry.run(["--session", "", "-c", "providers"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("--session needs the path"))
    let left = try FileManager.default.contentsOfDirectory(atPath: cherry.folder.path)
    #expect(left.isEmpty, "\(left)")
  }
}
