import CherryTestSupport
import Foundation

@testable import CherryShell

/// Runs the command blocks of a Markdown file as a reader would type them, in
/// order, in one folder and one home, with the built `cherry` on the PATH, and
/// lists every way the file is not true.
///
/// What each block is comes from its info string (``FencedBlock``):
/// - `sh`: each line runs in `bash -o pipefail`, and exits 0 unless its comment
///   says `exits N`;
/// - `cherry`: lines typed at the prompt they show (`cherry(deepseek)> url`),
///   piped to one `cherry --echo` (with `--demo` when the first prompt is a demo
///   provider's), which must exit 0 and echo each line after the prompt shown;
/// - `cherryrc file=NAME`: saved as NAME, for the blocks after it;
/// - `text`: output, not commands;
/// - `no-run` after any of them: the commands are only parsed (cherry's flags and
///   command table; a `scripts/…` file must exist).
///
/// Any other block is a problem, so a new block is never skipped unnoticed. No
/// request leaves the machine: every proxy variable points at a closed port on
/// 127.0.0.1, and loopback (the demo provider) never goes through a proxy.
final class ReadmeWalkthrough {
  /// The folder the commands run in; `HOME` is a folder inside it.
  let folder = TemporaryFolder()
  /// The file's name, for messages.
  let name: String
  private let environment: [String: String?]
  private lazy var cherryFlags: [ManPage.Flag]? = {
    guard let dump = try? run(Cherry.binary, ["--experimental-dump-help"]), dump.status == 0
    else { return nil }
    return try? ManPage.Program(toolInfo: dump.stdout, version: "").flags
  }()

  /// Prepares an empty folder and home.
  ///
  /// - Parameter name: The Markdown file's name, for messages (`README.md`).
  init(name: String) {
    self.name = name
    let home = folder.path + "/home"
    try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let dead = "http://127.0.0.1:\(Self.closedPort())"
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    var environment: [String: String?] = [
      "HOME": home,
      "PATH": URL(fileURLWithPath: Cherry.binary).deletingLastPathComponent().path
        + ":" + path, "NO_PROXY": nil, "no_proxy": nil,
    ]
    for variable in ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"] {
      environment[variable] = dead
      environment[variable.lowercased()] = dead
    }
    self.environment = environment
  }

  /// Walks the whole file.
  ///
  /// - Parameter markdown: The file's text.
  /// - Returns: One line per problem, `NAME:LINE: what`; empty when it all holds.
  func problems(in markdown: String) -> [String] {
    FencedBlock.all(in: markdown).flatMap(problems) + wording
  }

  /// Output that a user must not read, found while running the blocks.
  private var wording: [String] = []

  private func problems(_ block: FencedBlock) -> [String] {
    let at = "\(name):\(block.line)"
    if !block.unknownAttributes.isEmpty {
      return ["\(at): unknown words after ```\(block.language): \(block.unknownAttributes)"]
    }
    switch block.language {
    case "sh":
      return block.lines.enumerated().flatMap { offset, line in
        shellLine(line, at: "\(name):\(block.line + 1 + offset)", run: !block.noRun)
      }
    case "cherry":
      return prompt(block, at: at)
    case "cherryrc":
      var problems = block.lines.enumerated().compactMap { offset, line in
        commandProblem(line).map { "\(name):\(block.line + 1 + offset): \($0)" }
      }
      if let file = block.fileName {
        folder.write(file, block.lines.joined(separator: "\n") + "\n")
      } else if !block.noRun {
        problems.append("\(at): a cherryrc block is saved as a file: ```cherryrc file=NAME")
      }
      return problems
    case "text":
      return []
    default:
      return [
        "\(at): say what this block is: ```sh, ```cherry, ```cherryrc file=NAME or ```text, and add no-run: why, for one that must not run"
      ]
    }
  }

  // MARK: - sh

  private func shellLine(_ line: String, at: String, run shouldRun: Bool) -> [String] {
    let (command, comment) = Self.splitComment(line)
    guard !command.allSatisfy(\.isWhitespace) else { return [] }
    guard shouldRun else { return parseShell(command, at: at) }
    let expected = Self.expectedStatus(comment)
    guard let result = try? run("/bin/bash", ["-o", "pipefail", "-c", command]) else {
      return ["\(at): bash could not start"]
    }
    guard result.status == expected else {
      return [
        "\(at): `\(command)` exited \(result.status), the README says \(expected)\n\(result.stdout)\(result.stderr)"
      ]
    }
    return []
  }

  /// A line of a block that does not run: cherry's flags must exist, each `-c`
  /// must parse, and a `scripts/…` program must be there.
  private func parseShell(_ command: String, at: String) -> [String] {
    let words = WordSplitter.scan(command).words.map(\.text)
      .prefix { !["|", ">", "<", ";", "&&", "||", "2>", "2>&1"].contains($0) }
    guard let program = words.first else { return [] }
    if program.hasPrefix("scripts/") {
      let path = Repository.path(program)
      return FileManager.default.isExecutableFile(atPath: path)
        ? [] : ["\(at): \(program) is not an executable of the repository"]
    }
    guard program == "cherry" else { return [] }
    guard let flags = cherryFlags else { return ["\(at): cannot read cherry's flags"] }
    var problems: [String] = []
    var rest = Array(words.dropFirst())[...]
    while let word = rest.popFirst() {
      guard let flag = flags.first(where: { $0.names.contains(word) }) else {
        problems.append("\(at): cherry has no flag \(word)")
        continue
      }
      guard flag.valueName != nil else { continue }
      guard let value = rest.popFirst() else {
        problems.append("\(at): \(word) needs a value")
        break
      }
      if word == "-c", let problem = commandProblem(value) {
        problems.append("\(at): -c '\(value)': \(problem)")
      }
    }
    return problems
  }

  // MARK: - cherry

  private func prompt(_ block: FencedBlock, at: String) -> [String] {
    var problems: [String] = []
    var typed: [(line: Int, shown: String?, command: String)] = []
    for (offset, line) in block.lines.enumerated() {
      let lineAt = "\(name):\(block.line + 1 + offset)"
      guard let (shown, command) = Self.splitPrompt(line) else {
        problems.append("\(lineAt): a line of a cherry block starts with its prompt: cherry> …")
        continue
      }
      if let problem = commandProblem(command) { problems.append("\(lineAt): \(problem)") }
      typed.append((block.line + 1 + offset, shown, command))
    }
    guard problems.isEmpty, !block.noRun, let first = typed.first else { return problems }
    // --echo shows each line after the prompt cherry had then: the prompts the
    // block shows are checked against cherry's own.
    let arguments = ["--echo"] + ((first.shown ?? "").hasPrefix("demo-") ? ["--demo"] : [])
    let stdin = typed.map(\.command).joined(separator: "\n") + "\n"
    guard let result = try? run(Cherry.binary, arguments, stdin: stdin) else {
      return ["\(at): cherry could not start"]
    }
    guard result.status == 0 else {
      return [
        "\(at): cherry \(arguments.joined(separator: " ")) with these lines exited \(result.status), not 0\n\(result.stderr)"
      ]
    }
    let echoed = result.stderr.split(separator: "\n").compactMap { Self.splitPrompt(String($0)) }
    guard echoed.count == typed.count else {
      return [
        "\(at): cherry echoed \(echoed.count) prompts for \(typed.count) lines\n\(result.stderr)"
      ]
    }
    for (line, prompt) in zip(typed, echoed) where line.shown != prompt.selected {
      problems.append(
        "\(name):\(line.line): cherry's prompt here is \(Self.prompt(prompt.selected)), not \(Self.prompt(line.shown))"
      )
    }
    return problems
  }

  // MARK: - Helpers

  /// Why a cherry command line does not parse against the table; `nil` when it does.
  private func commandProblem(_ line: String) -> String? {
    let scanned = WordSplitter.scan(line)
    if let quote = scanned.openQuote { return "the \(quote) quote is never closed" }
    let words = scanned.words.map(\.text)
    guard !words.isEmpty else { return nil }
    do {
      _ = try CommandParser.parse(words, line: line)
      return nil
    } catch {
      return ([error.what] + error.fix).joined(separator: "; ")
    }
  }

  private func run(_ program: String, _ arguments: [String], stdin: String? = nil) throws
    -> ProcessResult
  {
    let result = try ProcessRunner.run(
      program, arguments, environment: environment, stdin: stdin,
      currentDirectory: folder.path)
    // What a user reads never calls Cherry Studio's settings page "the seed".
    if (result.stdout + result.stderr).lowercased().contains("the seed") {
      wording.append("\(program) \(arguments.joined(separator: " ")) says \"the seed\"")
    }
    return result
  }

  /// A shell line and its comment: the text after the first `#` that starts a
  /// word outside quotes.
  static func splitComment(_ line: String) -> (command: String, comment: String) {
    var quote: Character?
    var escaped = false
    var previous: Character = " "
    for index in line.indices {
      let character = line[index]
      defer { previous = character }
      if escaped {
        escaped = false
      } else if let open = quote {
        if character == open { quote = nil }
      } else if character == "\\" {
        escaped = true
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == "#", previous == " " || previous == "\t" {
        let comment = line[line.index(after: index)...]
        return (String(line[..<index]), comment.trimmingCharacters(in: .whitespaces))
      }
    }
    return (line, "")
  }

  /// The status a comment promises: `exits 1: …` is 1; anything else is 0.
  static func expectedStatus(_ comment: String) -> Int32 {
    guard comment.hasPrefix("exits ") else { return 0 }
    return Int32(comment.dropFirst("exits ".count).prefix { $0.isNumber }) ?? 0
  }

  /// `cherry(deepseek)> url` → (`deepseek`, `url`); `cherry> use x` → (`nil`, `use x`).
  static func splitPrompt(_ line: String) -> (selected: String?, command: String)? {
    guard line.hasPrefix("cherry") else { return nil }
    var rest = line.dropFirst("cherry".count)
    var selected: String?
    if rest.hasPrefix("(") {
      guard let close = rest.firstIndex(of: ")") else { return nil }
      selected = String(rest[rest.index(after: rest.startIndex)..<close])
      rest = rest[rest.index(after: close)...]
    }
    guard rest.hasPrefix(">") else { return nil }
    return (selected, String(rest.dropFirst()).trimmingCharacters(in: .whitespaces))
  }

  private static func prompt(_ selected: String?) -> String {
    selected.map { "cherry(\($0))>" } ?? "cherry>"
  }

  /// A port on 127.0.0.1 where nothing listens: bound, read, closed.
  private static func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return 9 }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
      }
    }
    return bound ? Int(UInt16(bigEndian: address.sin_port)) : 9
  }
}

/// Paths in the repository this test file belongs to.
enum Repository {
  /// The repository's root folder.
  static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// A path inside the repository.
  ///
  /// - Parameter relative: Such as `README.md` or `scripts/install`.
  /// - Returns: The absolute path.
  static func path(_ relative: String) -> String {
    root + "/" + relative
  }
}
