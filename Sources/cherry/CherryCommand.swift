import ArgumentParser
import CherryDemo
import CherryKit
import CherryShell
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

      Shell completion: cherry --generate-completion-script bash|zsh|fish prints \
      the script for that shell (scripts/install puts them in place, with the \
      manual page cherry(1)).
      """,
    version: CherryVersion.text)

  @Option(
    name: .long, help: ArgumentHelp("The session file.", valueName: "file"),
    completion: .file(extensions: ["json"]))
  var session: String?

  @Flag(name: .customLong("no-rc"), help: "Do not run ~/.cherryrc (or $CHERRY_RC) at the prompt.")
  var noRC = false

  @Option(
    name: .customShort("f"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp("Run a script (repeatable).", valueName: "file"), completion: .file())
  var files: [String] = []

  // Unconditional: a command may begin with a dash (`-c '- gpt-4o'`).
  @Option(
    name: .customShort("c"), parsing: .unconditionalSingleValue,
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

  /// `--man`: the manual page `cherry(1)` in roff, made from the command table and
  /// these flags (scripts/install writes it to share/man/man1/cherry.1).
  @Flag(name: .customLong("man"), help: .hidden)
  var manPage = false

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

  /// Refuses a command line that cannot work, before anything is opened (exit 2).
  func validate() throws {
    if let session, session.allSatisfy(\.isWhitespace) {
      throw ValidationError("--session needs the path of a session file, not an empty word")
    }
  }

  /// Required by the protocol; ``main()`` calls ``start()`` instead.
  mutating func run() async throws {
    throw ExitCode(await start().rawValue)
  }

  /// Wires the shell up and runs it.
  func start() async -> ExitStatus {
    if manPage { return Self.printManPage() }
    let environment = ProcessInfo.processInfo.environment
    let interactive = files.isEmpty && commands.isEmpty && LineEditor.isTerminal
    let colour = Output.wantsColour(
      noColorFlag: noColor, environment: environment, isTerminal: isatty(STDOUT_FILENO) != 0)
    let sink = StandardOutputSink(lineBuffered: interactive || isatty(STDOUT_FILENO) != 0)
    let output = Output(sink: sink, color: colour, width: TerminalWidth.columns(environment))

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

  /// Prints `cherry(1)` in roff: the command table, and the flags as
  /// argument-parser itself describes them, so neither can drift from the page.
  private static func printManPage() -> ExitStatus {
    do {
      let program = try ManPage.Program(toolInfo: _dumpHelp(), version: CherryVersion.text)
      let sink = StandardOutputSink(lineBuffered: false)
      sink.write(ManPage.roff(program: program), to: .standardOutput)
      sink.flush()
      return .success
    } catch {
      FileHandleText.writeError("error: cannot describe the flags for the manual page: \(error)\n")
      return .commandFailed
    }
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
    // History written before secrets were masked by value is masked now, once.
    editor.rewriteHistory { [unowned shell] line in shell.maskedLine(line) }
    let source = EditorLineSource(editor: editor) { [unowned shell] line in
      shell.maskedLine(line)
    }
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
  /// Masks a line's secrets before it is kept (the shell's ``Shell/maskedLine(_:)``).
  private let mask: (String) -> String

  init(editor: LineEditor, mask: @escaping (String) -> String) {
    self.editor = editor
    self.mask = mask
  }

  func nextLine(prompt: String) -> LineSourceInput {
    switch editor.readLine(prompt: prompt) {
    case .line(let line):
      var trimmed = Substring(line)
      while let first = trimmed.first, first == " " || first == "\t" { trimmed.removeFirst() }
      while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
      if !trimmed.isEmpty {
        editor.addHistory(mask(String(trimmed)))
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
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(STDERR_FILENO, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}

/// The width to wrap text to: the terminal's (stdout, else stderr), else
/// `$COLUMNS`, else 80.
enum TerminalWidth {
  static func columns(_ environment: [String: String]) -> Int {
    for fd in [STDOUT_FILENO, STDERR_FILENO] {
      var size = winsize()
      if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    return environment["COLUMNS"].flatMap(Int.init) ?? 80
  }
}
