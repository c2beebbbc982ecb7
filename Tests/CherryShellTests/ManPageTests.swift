import CherryTestSupport
import Foundation
import Testing

@testable import CherryShell

/// `cherry(1)`: generated from the command table and the executable's flags,
/// rendered by `man` without a warning, covering every node of the table, and
/// kept in the repository as `docs/reference.md`.
@Suite(.enabled(if: ManRenderer.enabled, ManRenderer.reason))
struct ManPageTests {
  /// A program like cherry, with a flag of each shape.
  static let program = ManPage.Program(
    name: "cherry", abstract: "A shell for setting up LLM model providers.",
    discussion: ".cherryrc files\nrun first.\n\nA second paragraph.", version: "cherry 9.9",
    flags: [
      ManPage.Flag(names: ["--session"], valueName: "file", abstract: "The session file."),
      ManPage.Flag(names: ["-f"], valueName: "file", abstract: "Run a script.", isRepeating: true),
      ManPage.Flag(names: ["--demo"], abstract: "Start the demo."),
      ManPage.Flag(names: ["-h", "--help"], abstract: "Show help information."),
    ])

  /// The rendered page of ``program``, whitespace runs folded to one space.
  static let page: String = {
    (try? ManRenderer.render(ManPage.roff(program: program)).text).map(ManRenderer.fold) ?? ""
  }()

  @Test(arguments: CommandTableTests.nodes)
  func everyNodeOfTheTableIsOnThePage(_ node: CommandTableTests.Node) {
    let page = Self.page
    let spec = node.spec
    var expected = Synopsis.forms(node.path, names: node.names)
    expected.append(ManPage.sentence(spec.abstract))
    if !spec.discussion.isEmpty { expected.append(spec.discussion) }
    for option in spec.options {
      expected.append(option.synopsis)
      expected.append(ManPage.sentence(option.help))
      if let defaultText = option.defaultText { expected.append("Default: \(defaultText).") }
    }
    for choice in (spec.leading + spec.arguments).flatMap(\.choices) where !choice.help.isEmpty {
      expected.append("\(choice.word) \(ManPage.sentence(choice.help))")
    }
    expected += spec.examples
    if spec.handler != nil, spec.json != "empty" {
      expected.append("docs/json/\(spec.json).schema.json")
    }
    for text in expected.map(ManRenderer.fold) {
      #expect(page.contains(text), "\(node.testDescription): '\(text)' is not on the page")
    }
  }

  @Test func theProgramsFlagsAndSectionsAreOnThePage() {
    let page = Self.page
    for text in [
      "NAME cherry - a shell for setting up LLM model providers",
      "SYNOPSIS cherry [--session <file>] [-f <file>]… [--demo]",
      "cherry --generate-completion-script bash|zsh|fish",
      ".cherryrc files run first.", "A second paragraph.",
      "--session <file> The session file.", "-f <file> Run a script.",
      "-h, --help Show help information.", "Every command also takes these options:",
      "--json Print the result as one JSON object", "EXIT STATUS 0 Every command succeeded.",
      "130 Ctrl-C ended a script", "ENVIRONMENT CHERRY_HOME", "FILES $CHERRY_HOME/session.json",
      "SEE ALSO", "cherry 9.9",
    ] {
      #expect(page.contains(text), "'\(text)' is not on the page")
    }
    #expect(!page.contains("the seed"))
  }

  @Test func roffReadsEveryCharacterAsText() {
    #expect(RoffWriter.escape(#"a-b\c … ✓"#) == #"a\-b\ec \[u2026] \[u2713]"#)
    let roff = ManPage.roff(program: Self.program)
    #expect(roff.contains("\n\\&.cherryrc files run first."))
    #expect(roff.hasPrefix(".TH \"CHERRY\" 1 \"\" \"cherry 9.9\" \"User Commands\"\n"))
    // Every request line is one the man macros know.
    let requests = Set(
      roff.split(separator: "\n").filter { $0.hasPrefix(".") }.map { $0.prefix { $0 != " " } })
    #expect(
      requests.isSubset(of: [
        ".TH", ".nh", ".ad", ".SH", ".SS", ".PP", ".TP", ".RS", ".RE", ".nf", ".fi", ".br",
      ]))
  }

  @Test func theExecutablesPageRendersWithoutAWarning() throws {
    let cherry = try ProcessRunner.run(Cherry.binary, ["--man"])
    #expect(cherry.status == 0, "\(cherry.stderr)")
    let rendered = try ManRenderer.render(cherry.stdout)
    #expect(rendered.status == 0)
    #expect(rendered.warnings.isEmpty, "\(rendered.warnings)")
    let page = ManRenderer.fold(rendered.text)
    // Every flag `cherry --help` shows is on the page (argument-parser's help, not
    // the description the page is made from).
    let help = try ProcessRunner.run(Cherry.binary, ["--help"]).stdout
    let flags = Set(
      help.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," })
        .filter { $0.hasPrefix("-") && $0.count > 1 && !$0.hasPrefix("---") })
    #expect(flags.contains("--keep-going"))
    for flag in flags { #expect(page.contains(String(flag)), "\(flag) is not on the page") }
    for node in CommandTableTests.nodes where node.spec.handler != nil {
      let form = Synopsis.forms(node.path, names: node.names).first ?? ""
      #expect(page.contains(ManRenderer.fold(form)), "\(form) is not on the page")
    }
  }

  @Test func theReferenceInTheRepositoryIsTheSamePage() throws {
    let dump = try ProcessRunner.run(Cherry.binary, ["--experimental-dump-help"])
    let version = try ProcessRunner.run(Cherry.binary, ["--version"]).stdout
    let program = try ManPage.Program(
      toolInfo: dump.stdout, version: version.trimmingCharacters(in: .whitespacesAndNewlines))
    let markdown = ManPage.markdown(program: program)
    let path = Repository.path("docs/reference.md")
    if ProcessInfo.processInfo.environment["CHERRY_UPDATE_DOCS"] == "1" {
      try markdown.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let kept = try? String(contentsOfFile: path, encoding: .utf8)
    #expect(
      kept == markdown,
      "docs/reference.md is out of date: CHERRY_UPDATE_DOCS=1 swift test --skip-build --filter ManPageTests rewrites it"
    )
    for node in CommandTableTests.nodes where node.spec.handler != nil {
      let form = Synopsis.forms(node.path, names: node.names).first ?? ""
      #expect(markdown.contains(form), "\(form) is not in docs/reference.md")
    }
  }

  @Test func argumentParsersDescriptionGivesTheFlags() throws {
    let json = """
      {"serializationVersion":0,"command":{"commandName":"cherry","abstract":"A shell.",
      "discussion":"More.","arguments":[
      {"kind":"option","shouldDisplay":true,"isOptional":true,"isRepeating":true,
       "parsingStrategy":"unconditional","names":[{"kind":"short","name":"f"}],
       "valueName":"file","abstract":"Run a script."},
      {"kind":"flag","shouldDisplay":false,"isOptional":true,"isRepeating":false,
       "parsingStrategy":"default","names":[{"kind":"long","name":"man"}],"valueName":"man"},
      {"kind":"flag","shouldDisplay":true,"isOptional":true,"isRepeating":false,
       "parsingStrategy":"default","names":[{"kind":"long","name":"help"},
       {"kind":"short","name":"h"}],"valueName":"help","abstract":"Show help."},
      {"kind":"positional","shouldDisplay":true,"isOptional":true,"isRepeating":false,
       "parsingStrategy":"default","valueName":"rest"}]}}
      """
    let program = try ManPage.Program(toolInfo: json, version: "cherry 1")
    #expect(
      program
        == ManPage.Program(
          name: "cherry", abstract: "A shell.", discussion: "More.", version: "cherry 1",
          flags: [
            ManPage.Flag(
              names: ["-f"], valueName: "file", abstract: "Run a script.", isRepeating: true),
            ManPage.Flag(names: ["-h", "--help"], abstract: "Show help."),
          ]))
    #expect(throws: DecodingError.self) {
      _ = try ManPage.Program(toolInfo: "{}", version: "")
    }
  }
}

/// `man -l` on a roff text: man-db as Debian ships it (scripts/test installs it).
enum ManRenderer {
  /// The `man` program on the PATH, or `nil`.
  static let path: String? = {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
      .split(separator: ":")
    return folders.map { "\($0)/man" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Whether the suite runs: with `man`, or under CI, where a missing `man` fails.
  static var enabled: Bool {
    path != nil || ProcessInfo.processInfo.environment["CI"] != nil
  }

  /// Why it is skipped.
  static let reason: Comment =
    "man is not installed (scripts/test installs man-db; with CI set these tests fail instead)"

  /// Renders a page as `man` shows it, 100 columns wide.
  ///
  /// - Parameter roff: The page's source.
  /// - Returns: The exit status, the text, and groff's warnings.
  /// - Throws: When `man` is missing or cannot start.
  static func render(_ roff: String) throws -> (status: Int32, text: String, warnings: String) {
    guard let man = path else { throw ProcessRunnerError("man: not installed", code: ENOENT) }
    let folder = TemporaryFolder()
    let file = folder.write("cherry.1", roff)
    let result = try ProcessRunner.run(
      man, ["--warnings", "-l", file],
      environment: [
        "MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8", "MAN_KEEP_FORMATTING": nil,
      ])
    // Overstrike (x\bx) is how man shows bold on a printer; read it as plain text.
    var text = ""
    for character in result.stdout {
      if character == "\u{8}" { _ = text.popLast() } else { text.append(character) }
    }
    return (result.status, text, result.stderr)
  }

  /// Text with every run of spaces and line ends made one space, so a phrase is
  /// found wherever `man` wrapped it.
  static func fold(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }
}
