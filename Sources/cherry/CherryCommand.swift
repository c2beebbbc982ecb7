import ArgumentParser
import CherryDemo
import CherryKit
import CherryShell
import CherrySystem
import FoundationEssentials
import Glibc
import LineEditor

/// The `cherry` executable: the options of DESIGN §2.1, the wiring, and the exit
/// status.
///
/// Everything else is in CherryShell.
///
/// `@main` sits on this type in a file not named `main.swift` (notes/swift-http.md:
/// from `main.swift`, the synchronous `main()` would run instead of `run()`).
@main
struct CherryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cherry",
    abstract: "A shell for setting up LLM model providers.",
    discussion: """
      With no -f or -c, on a terminal, cherry starts its prompt (after ~/.cherryrc \
      or $CHERRY_RC unless --no-rc). -f and -c run in the order given; piped stdin \
      is read as a script. Exit status: 0 ok, 1 a command failed, 2 bad command \
      line, 3 the session file could not be read or written.
      """,
    version: CherryVersion.text)

  @Option(name: .long, help: ArgumentHelp("The session file.", valueName: "file"))
  var session: String?

  @Flag(name: .customLong("no-rc"), help: "Do not run ~/.cherryrc (or $CHERRY_RC) at the prompt.")
  var noRC = false

  @Option(
    name: .customShort("f"), help: ArgumentHelp("Run a script (repeatable).", valueName: "file"))
  var files: [String] = []

  @Option(
    name: .customShort("c"),
    help: ArgumentHelp("Run one command (repeatable).", valueName: "command"))
  var commands: [String] = []

  @Flag(help: "Print each script line before it runs (keys masked).")
  var echo = false

  @Flag(
    name: .customLong("keep-going"),
    help: "Run every line even after a failure; save what succeeded.")
  var keepGoing = false

  @Flag(help: "Print JSON from providers, show, models, manage, test and check.")
  var json = false

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR does the same).")
  var noColor = false

  @Flag(help: "Start the built-in demo provider and use a throw-away session.")
  var demo = false

  /// Parses the command line with exit status 2 (not argument-parser's 64) for a
  /// bad command line, then runs.
  static func main() async {
    let command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandleText.writeError(fullMessage(for: error) + "\n")
        Glibc.exit(ExitStatus.usage.rawValue)
      }
      exit(withError: error)
    }
    guard let cherry = command as? CherryCommand else {
      do {
        var other = command
        try other.run()
        Glibc.exit(0)
      } catch {
        exit(withError: error)
      }
    }
    let status = await cherry.start()
    Glibc.exit(status.rawValue)
  }

  /// Required by the protocol; ``main()`` calls ``start()`` instead.
  mutating func run() async throws {
    throw ExitCode(await start().rawValue)
  }

  /// Wires the shell up and runs it.
  func start() async -> ExitStatus {
    let environment = ProcessInfo.processInfo.environment
    let interactive = files.isEmpty && commands.isEmpty && LineEditor.isTerminal
    let colour = !noColor && (environment["NO_COLOR"] ?? "").isEmpty && isatty(STDOUT_FILENO) != 0
    let sink = StandardOutputSink(lineBuffered: interactive || isatty(STDOUT_FILENO) != 0)
    let output = Output(sink: sink, color: colour)

    var options = ShellOptions(
      sessionPath: session ?? CherryPaths.sessionFile(environment: environment),
      environment: environment)
    options.echo = echo
    options.keepGoing = keepGoing
    options.json = json
    options.isTerminal = LineEditor.isTerminal
    if options.isTerminal {
      // Through the line editor's reader, which catches Ctrl-C (and restores the
      // terminal), so Ctrl-C at a pause stops the script instead of the shell.
      options.waitForEnter = { LineEditor.readSecret(prompt: "") != nil }
    }
    if isatty(STDIN_FILENO) != 0 {
      options.interrupts = SignalInterruptWatch()
    }
    options.showSpinner = isatty(STDERR_FILENO) != 0
    if interactive {
      options.readSecret = { prompt in LineEditor.readSecret(prompt: prompt) }
    }

    var demoServer: DemoServer?
    var demoSession: Session?
    if demo {
      do {
        let server = try await DemoServer.start()
        demoServer = server
        demoSession = DemoSession.make(port: server.port)
        options.sessionPath = nil
        sink.write(
          "demo provider on 127.0.0.1:\(server.port); this session is thrown away at exit\n",
          to: .standardError)
      } catch {
        sink.write("error: cannot start the demo provider: \(error)\n", to: .standardError)
        return .commandFailed
      }
    }

    let shell: Shell
    do {
      shell = try Shell(options: options, output: output, session: demoSession)
    } catch {
      let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
      sink.write("error: \(lines.first ?? "")\n", to: .standardError)
      for line in lines.dropFirst() where !line.isEmpty {
        sink.write("  \(line)\n", to: .standardError)
      }
      return .sessionFile
    }

    let status: ExitStatus
    if interactive {
      status = await runInteractive(shell, environment: environment)
    } else {
      var inputs = CommandLineOrder.inputs(
        arguments: Array(CommandLine.arguments.dropFirst()), files: files, commands: commands)
      if inputs.isEmpty { inputs = [.standardInput(FileDescriptorLineSource(fd: STDIN_FILENO))] }
      status = await shell.runBatch(inputs)
    }
    sink.flush()
    await shell.shutdown()
    if let demoServer { try? await demoServer.stop() }
    return status
  }

  /// The prompt: libedit with history and Tab completion, after the rc file.
  private func runInteractive(_ shell: Shell, environment: [String: String]) async -> ExitStatus {
    let editor = LineEditor(historyPath: CherryPaths.historyFile(environment: environment))
    editor.completer = { [unowned shell] line in shell.complete(line) }
    var rcFile: String?
    if !noRC {
      let path = CherryPaths.rcFile(environment: environment)
      if access(path, F_OK) == 0 {
        rcFile = path
      } else if let explicit = environment["CHERRY_RC"], !explicit.isEmpty {
        FileHandleText.writeError("warning: CHERRY_RC names \(explicit), which does not exist\n")
      }
    }
    let source = EditorLineSource(editor: editor)
    shell.historyProvider = { editor.history }
    let status = await shell.runInteractive(source, rcFile: rcFile)
    try? editor.saveHistory()
    return status
  }
}

/// Adapts ``LineEditor`` to the shell's ``LineSource``: each line goes to the
/// history masked (DESIGN §2.4), and the history file is written at once so a
/// crash loses nothing.
final class EditorLineSource: LineSource {
  private let editor: LineEditor

  init(editor: LineEditor) {
    self.editor = editor
  }

  func nextLine(prompt: String) -> LineSourceInput {
    switch editor.readLine(prompt: prompt) {
    case .line(let line):
      var trimmed = Substring(line)
      while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
      while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
      if !trimmed.isEmpty {
        editor.addHistory(KeyMask.maskLine(String(trimmed)))
        try? editor.saveHistory()
      }
      return .line(line)
    case .interrupted:
      return .interrupted
    case .endOfFile:
      return .endOfFile
    }
  }
}

/// Writes to stderr without Foundation.
enum FileHandleText {
  static func writeError(_ text: String) {
    try? SystemCall.writeAll(STDERR_FILENO, text)
  }
}
