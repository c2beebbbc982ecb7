import Foundation
import Testing

@testable import CherryShell

/// The README as a newcomer meets it: every command block runs as written and
/// exits as the text says (issue 11), and the walk-through catches a block that
/// does not.
struct ReadmeWalkthroughTests {
  /// The files a user reads, in the repository.
  static let documents = ["README.md", "docs/guide.md"]

  @Test(arguments: documents)
  func everyBlockRunsAsWritten(_ document: String) throws {
    let text = try String(contentsOfFile: Repository.path(document), encoding: .utf8)
    let blocks = FencedBlock.all(in: text)
    #expect(blocks.contains { $0.language == "cherry" && !$0.noRun })
    #expect(blocks.contains { $0.language == "sh" && !$0.noRun })
    let problems = ReadmeWalkthrough(name: document).problems(in: text)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test(arguments: documents + ["docs/reference.md", "docs/json.md"])
  func linksGoOnlyToFilesOfTheRepository(_ document: String) throws {
    let text = try String(contentsOfFile: Repository.path(document), encoding: .utf8)
    let folder = (document as NSString).deletingLastPathComponent
    var targets: [String] = []
    var rest = text[...]
    while let open = rest.range(of: "](") {
      let tail = rest[open.upperBound...]
      guard let close = tail.firstIndex(of: ")") else { break }
      targets.append(String(tail[..<close]))
      rest = tail[close...]
    }
    for target in targets {
      #expect(!target.contains("://"), "\(document): \(target) is not a file of the repository")
      let path = String(target.prefix { $0 != "#" })
      guard !path.isEmpty else { continue }  // an anchor on the same page
      let resolved = folder.isEmpty ? path : folder + "/" + path
      #expect(
        FileManager.default.fileExists(atPath: Repository.path(resolved)),
        "\(document): \(target) does not exist")
    }
    for word in ["DESIGN.md", "the seed", "seed's"] {
      #expect(!text.contains(word), "\(document) mentions \(word)")
    }
  }

  @Test func theReadmeLeadsToTheGuideAndTheSchemas() throws {
    let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
    for link in ["(docs/guide.md)", "(docs/json.md)", "(docs/json/)", "(docs/reference.md)"] {
      #expect(readme.contains(link), "the README does not link \(link)")
    }
    // Install comes first, and the last section is the one another part of the
    // project writes.
    let headings = readme.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.first == "## Install")
    #expect(headings.last == "## Moving a setup")
  }

  @Test func theGuideNamesEveryCommand() throws {
    let guide = try String(contentsOfFile: Repository.path("docs/guide.md"), encoding: .utf8)
    for spec in CommandTable.all {
      #expect(guide.contains("`\(spec.name)"), "docs/guide.md does not name \(spec.name)")
    }
  }

  @Test func aBlockThatIsNotTrueIsCaught() {
    let markdown = """
      ```sh
      cherry -c 'use nowhere'
      cherry -c 'use nowhere'        # exits 1: no such provider
      cherry --version               # exits 1: but it succeeds
      ```

      ```
      cherry --version
      ```

      ```cherry
      cherry> use deepseek
      cherry> url
      ```

      ```cherry no-run: parsed only
      cherry(deepseek)> manage --kind nonsense
      cherry(deepseek)> tset
      ```

      ```sh no-run
      cherry --frobnicate -c 'use deepseek'
      scripts/nowhere
      ```

      ```cherryrc
      use deepseek
      ```

      ```sh nope
      true
      ```
      """
    let problems = ReadmeWalkthrough(name: "T.md").problems(in: markdown)
    let lines = problems.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
    #expect(
      lines == [
        "T.md:2", "T.md:4", "T.md:7", "T.md:13", "T.md:17", "T.md:18", "T.md:22", "T.md:23",
        "T.md:26", "T.md:30",
      ], "\(problems.joined(separator: "\n"))")
  }

  @Test func aBlockThatIsTrueRunsCleanly() {
    let markdown = """
      ```cherryrc file=one.cherryrc
      use deepseek   # a comment
      key env:DEEPSEEK_API_KEY
      ```

      ```sh
      cherry -f one.cherryrc
      cherry -c 'use deepseek' -c 'key list' | grep -q env:DEEPSEEK_API_KEY
      cherry -f missing.cherryrc     # exits 1: no such file
      ```

      ```cherry
      cherry(demo-openai)> + gpt-4o
      cherry(demo-openai)> use demo-anthropic
      cherry(demo-anthropic)> models
      ```

      ```text
      anything at all
      ```
      """
    let problems = ReadmeWalkthrough(name: "T.md").problems(in: markdown)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }
}

/// How the walk-through reads a Markdown file.
struct FencedBlockTests {
  @Test func infoStringsSayWhatABlockIs() {
    let blocks = FencedBlock.all(
      in: """
        text
        ```sh no-run: needs a key
        a
        ```
        ~~~~cherryrc file=x.cherryrc
        ```
        b
        ~~~~
          ```
          indented
          ```
        """)
    #expect(
      blocks == [
        FencedBlock(
          line: 2, language: "sh", noRun: true, fileName: nil, unknownAttributes: [],
          lines: ["a"]),
        FencedBlock(
          line: 5, language: "cherryrc", noRun: false, fileName: "x.cherryrc",
          unknownAttributes: [], lines: ["```", "b"]),
        FencedBlock(
          line: 9, language: "", noRun: false, fileName: nil, unknownAttributes: [],
          lines: ["indented"]),
      ])
  }

  @Test func commentsAndPromisedStatuses() {
    #expect(
      ReadmeWalkthrough.splitComment("cherry -c '# not' x  # exits 1: why")
        == ("cherry -c '# not' x  ", "exits 1: why"))
    #expect(
      ReadmeWalkthrough.splitComment("url https://a.example/x#") == ("url https://a.example/x#", "")
    )
    #expect(ReadmeWalkthrough.expectedStatus("exits 3: the file") == 3)
    #expect(ReadmeWalkthrough.expectedStatus("runs every line, exits 1 if one failed") == 0)
    #expect(ReadmeWalkthrough.splitPrompt("cherry(deepseek)> url #x")! == ("deepseek", "url #x"))
  }
}
