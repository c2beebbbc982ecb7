import Foundation
import Testing

@testable import CherryShell

/// Walks the whole command table: every command, subcommand and option is
/// reachable by the parser, has help, completes, and is used in a transcript.
struct CommandTableTests {
  /// Every command of DESIGN §2.2's table.
  static let designCommands = [
    "providers", "use", "show", "provider", "key", "token", "url", "models-url", "api-version",
    "explain", "manage", "+", "-", "models", "model", "header", "proxy", "timeout", "test", "check",
    "enable", "disable", "ask", "save", "session", "dump", "source", "set", "pause", "help",
    "history", "quit", "exit",
  ]

  /// One node of the table with the words that reach it.
  struct Node: Sendable, CustomTestStringConvertible {
    let names: [String]
    let path: [CommandSpec]
    var spec: CommandSpec { path[path.count - 1] }
    var testDescription: String { names.joined(separator: " ") }
  }

  /// Every command and subcommand, depth first.
  static let nodes: [Node] = {
    var nodes: [Node] = []
    func visit(_ spec: CommandSpec, _ path: [CommandSpec]) {
      let path = path + [spec]
      nodes.append(Node(names: path.map(\.name), path: path))
      for sub in spec.subcommands { visit(sub, path) }
    }
    for command in CommandTable.all { visit(command, []) }
    return nodes
  }()

  /// Every option of every node that runs, with the node.
  static let options: [OptionCase] = nodes.filter { $0.spec.handler != nil }.flatMap { node in
    node.path.flatMap(\.options).map { OptionCase(node: node, option: $0) }
  }

  struct OptionCase: Sendable, CustomTestStringConvertible {
    let node: Node
    let option: OptionSpec
    var testDescription: String { node.testDescription + " " + option.name }
  }

  @Test(arguments: designCommands)
  func everyDesignCommandIsInTheTable(_ name: String) {
    #expect(CommandTable.command(named: name) != nil)
  }

  @Test func namesAndAliasesAreUniqueAtEveryLevel() {
    let names = CommandTable.all.flatMap(\.allNames)
    #expect(Set(names).count == names.count)
    for node in Self.nodes {
      let subs = node.spec.subcommands.flatMap(\.allNames)
      #expect(Set(subs).count == subs.count, "\(node.testDescription)")
      let options = node.path.flatMap(\.options).map(\.name) + Options.global.map(\.name)
      #expect(Set(options).count == options.count, "\(node.testDescription)")
    }
  }

  @Test(arguments: nodes)
  func everyNodeHasHelp(_ node: Node) {
    #expect(!node.spec.abstract.isEmpty)
    let help = HelpText.detail(node.path, width: 80).joined(separator: "\n")
    #expect(help.hasPrefix("usage: " + node.names[0]), "\(help)")
    #expect(help.contains(" " + node.names[node.names.count - 1]) || node.names.count == 1)
    #expect(help.contains(node.spec.abstract))
    for option in node.spec.options {
      #expect(help.contains(option.synopsis) && !option.help.isEmpty, "\(option.name)")
    }
  }

  @Test(arguments: nodes)
  func everyNodeThatRunsHasASchema(_ node: Node) {
    guard node.spec.handler != nil else { return }
    let file = JSONSchemaTests.root.path + "/docs/json/\(node.spec.json).schema.json"
    #expect(FileManager.default.fileExists(atPath: file), "no \(file)")
  }

  @Test(arguments: nodes)
  func everyNodeIsReachable(_ node: Node) throws {
    guard node.spec.handler != nil else {
      // A node that needs a subcommand says so.
      #expect(throws: ShellError.self) {
        try CommandParser.parse(Self.minimalWords(node), line: "")
      }
      return
    }
    let words = Self.minimalWords(node)
    let invocation = try CommandParser.parse(words, line: words.joined(separator: " "))
    #expect(invocation.path.map(\.name) == node.names, "\(words)")
  }

  @Test(arguments: nodes)
  func everyNodeCompletes(_ node: Node) {
    var state = CompleterTests.state
    state.selectedHasDefaultURL = true
    var words = Self.minimalWords(node).prefix(upTo: Self.nameIndex(node))
    let name = node.names[node.names.count - 1]
    words.append(String(name.dropLast()))
    let line = words.joined(separator: " ")
    let result = Completer.complete(line, state: state)
    #expect(result.candidates.contains(name), "\(line) → \(result.candidates)")
  }

  @Test(arguments: options)
  func everyOptionCompletesAndParses(_ c: OptionCase) throws {
    let words = Self.minimalWords(c.node)
    // Right after the command's name: some commands end options at their first argument.
    let typed = words.prefix(upTo: Self.nameIndex(c.node) + 1) + [String(c.option.name.dropLast())]
    let line = typed.joined(separator: " ")
    let result = Completer.complete(line, state: CompleterTests.state)
    #expect(result.candidates.contains(c.option.name), "\(line) → \(result.candidates)")
    var given = Array(words.prefix(upTo: Self.nameIndex(c.node) + 1))
    given.append(c.option.name)
    if c.option.takesValue { given.append(Self.sample(c.option.kind, choices: c.option.choices)) }
    given += words.dropFirst(Self.nameIndex(c.node) + 1)
    let invocation = try CommandParser.parse(given, line: given.joined(separator: " "))
    #expect(invocation.path.map(\.name) == c.node.names, "\(given)")
    // What the parser accepts, the usage line shows (a parent's options too).
    let usage = Synopsis.forms(c.node.path, names: c.node.names)
    #expect(usage.contains { $0.contains(c.option.synopsis) }, "\(usage)")
  }

  /// Every command, subcommand and option appears in at least one transcript.
  @Test func everyNodeAndOptionAppearsInATranscript() throws {
    var usedPaths = Set<[String]>()
    var usedOptions = Set<String>()
    for name in TranscriptTests.names {
      let text = try String(
        contentsOfFile: TranscriptTests.folder + "/" + name, encoding: .utf8)
      for line in text.split(separator: "\n") {
        guard
          let words = try? WordSplitter.split(
            String(line), environment: TranscriptTests.environment), !words.isEmpty,
          let invocation = try? CommandParser.parse(words, line: String(line))
        else { continue }
        for depth in 1...invocation.path.count {
          usedPaths.insert(invocation.path.prefix(depth).map(\.name))
        }
        for option in invocation.path.flatMap(\.options) + Options.global
        where words.contains(where: {
          $0 == option.name || $0.hasPrefix(option.name + "=") || $0 == option.shortName
        }) {
          usedOptions.insert(invocation.path.map(\.name).joined(separator: " ") + " " + option.name)
        }
      }
    }
    for node in Self.nodes where node.spec.handler != nil {
      #expect(usedPaths.contains(node.names), "no transcript runs '\(node.testDescription)'")
    }
    for c in Self.options {
      #expect(
        usedOptions.contains(c.testDescription), "no transcript uses '\(c.testDescription)'")
    }
  }

  @Test func helpListsEveryCommand() {
    let text = HelpText.overview(width: 80).joined(separator: "\n")
    for spec in CommandTable.all {
      #expect(text.contains("  " + spec.name), "help does not list \(spec.name)")
    }
  }

  // MARK: - Minimal lines

  /// The shortest words that reach a node: its names, leading arguments,
  /// required arguments and required options, each with a sample value.
  static func minimalWords(_ node: Node) -> [String] {
    var words: [String] = []
    for spec in node.path {
      words.append(spec.name)
      words += spec.leading.map { sample($0.kind, choices: $0.choices) }
    }
    let spec = node.spec
    for option in spec.options where option.isRequired {
      words += [option.name, sample(option.kind, choices: [])]
    }
    for argument in spec.arguments where !argument.arity.isOptional {
      words.append(sample(argument.kind, choices: argument.choices))
    }
    return words
  }

  /// Where the node's own name is among its minimal words.
  static func nameIndex(_ node: Node) -> Int {
    var index = 0
    for spec in node.path.dropLast() { index += 1 + spec.leading.count }
    return index
  }

  /// A value of a kind the parser takes.
  static func sample(_ kind: ValueKind, choices: [Choice]) -> String {
    switch kind {
    case .command: return "key"
    case .providerID: return "deepseek"
    case .modelID, .addedModelID: return "gpt-4o"
    case .style: return "openai"
    case .kind: return "chat"
    case .endpointType: return "anthropic"
    case .fault: return "401"
    case .kindChange: return "+vision"
    case .file: return "setup.cherryrc"
    case .url: return "https://api.example.com"
    case .number: return "1"
    case .seconds: return "5"
    case .keys: return "sk-test-0123456789abcdef"
    case .headerName: return "X-Test"
    case .word: return choices.first?.word ?? "on"
    case .text: return "text"
    }
  }
}
