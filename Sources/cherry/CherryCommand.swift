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

  @Flag(help: "Print every command's result as one line of JSON on stdout (docs/json.md).")
  var json = false

  @Flag(name: .customLong("no-color"), help: "No colours (NO_COLOR does the same).")
  var noColor = false

  @Flag(help: "Start the built-in demo provider and use a throw-away session.")
  var demo = false

  @Flag(help: "In scripts, wait for Enter before each command (lessons, on a terminal).")
  var step = false

  @Flag(help: "Type each echoed command out, as if typed (lessons, on a terminal).")
  var typing = false

  @Option(
    name: .customLong("typing-speed"),
    help: ArgumentHelp("Characters a second for --typing (default 25).", valueName: "cps"))
  var typingSpeed: Double?

  @Flag(
    name: .customShort("i"),
    help: "After the -f and -c scripts, stay at the prompt with what they did.")
  var interactiveAfter = false

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
    if let typingSpeed, !(typingSpeed > 0 && typingSpeed <= 10_000) {
      throw ValidationError("--typing-speed needs a number of characters a second, from 1")
    }
    if interactiveAfter, files.isEmpty, commands.isEmpty {
      throw ValidationError("-i stays at the prompt after -f or -c scripts: give one")
    }
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
    // A pager quit early, or `cherry | head`, closes the pipe: a write then fails
    // with EPIPE, which is handled, instead of the signal ending cherry.
    signal(SIGPIPE, SIG_IGN)
    if manPage { return Self.printManPage() }
    let environment = ProcessInfo.processInfo.environment
    let interactive =
      (files.isEmpty && commands.isEmpty || interactiveAfter) && LineEditor.isTerminal
    let colour = Output.wantsColour(
      noColorFlag: noColor, environment: environment, isTerminal: isatty(STDOUT_FILENO) != 0)
    let sink = StandardOutputSink(lineBuffered: interactive || isatty(STDOUT_FILENO) != 0)
    let size = TerminalWidth.size(environment)
    let output = Output(sink: sink, color: colour, width: size.columns, height: size.rows)

    var options = ShellOptions(
      sessionPath: session ?? CherryPaths.sessionFile(environment: environment),
      environment: environment)
    options.echo = echo
    options.keepGoing = keepGoing
    options.step = step
    if typing || typingSpeed != nil { options.typingSpeed = typingSpeed ?? 25 }
    options.typeOut = { text, pause in
      FileHandleText.writeError(text)
      if pause > 0 { usleep(useconds_t(min(pause, 1) * 1_000_000)) }
    }
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
    if interactive, isatty(STDOUT_FILENO) != 0 {
      let command = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
      options.pager = { text in Pager.show(text, command: command) }
    }
    if options.isTerminal {
      // A bare `key` asks on the terminal, in a script too (DESIGN §2.3).
      options.readSecret = { prompt in LineEditor.readSecret(prompt: prompt) }
      options.readAnswer = { prompt in LineEditor.readAnswer(prompt: prompt) }
    }

    var demoServer: DemoServer?
    var demoSession: Session?
    if demo {
      do {
        let server = try await DemoServer.start()
        demoServer = server
        demoSession = DemoSession.make(port: server.port)
        options.sessionPath = nil
        options.demo = DemoControl(server)
        // Scripts and the tour reach the demo server by this name (`tour --print`).
        options.environment["CHERRY_DEMO_ROOT"] = DemoSession.root(port: server.port)
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
      sink.write("error: \(error.what)\n", to: .standardError)
      for line in error.fix.split(separator: "\n") { sink.write("  \(line)\n", to: .standardError) }
      // A path that cannot be a session file is a bad command line (2); a file
      // that cannot be read or is from a newer cherry is a session problem (3).
      if case .invalidPath = error { return .usage }
      return .sessionFile
    }

    let status: ExitStatus
    if interactive {
      let scripts =
        interactiveAfter
        ? CommandLineOrder.inputs(
          arguments: Array(CommandLine.arguments.dropFirst()), files: files, commands: commands)
        : []
      status = await runInteractive(shell, environment: environment, scripts: scripts)
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
  private func runInteractive(
    _ shell: Shell, environment: [String: String], scripts: [ShellInput]
  ) async -> ExitStatus {
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
    // `-i`: the scripts first (no rc: the scripts are the setup), then the prompt.
    let status =
      scripts.isEmpty
      ? await shell.runInteractive(source, rcFile: rcFile)
      : await shell.runThenInteract(scripts, source: source)
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
    try? SystemCall.writeAll(STDERR_FILENO, text)
  }
}

/// The size to wrap and page text to: the terminal's (stdout, else stderr),
/// else `$COLUMNS` × `$LINES`, else 80 × 24.
enum TerminalWidth {
  static func size(_ environment: [String: String]) -> (columns: Int, rows: Int) {
    for fd in [STDOUT_FILENO, STDERR_FILENO] {
      var size = winsize()
      if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return (Int(size.ws_col), Int(size.ws_row))
      }
    }
    return (
      environment["COLUMNS"].flatMap(Int.init) ?? 80, environment["LINES"].flatMap(Int.init) ?? 24
    )
  }
}

/// Output longer than the screen, through the user's pager (DESIGN §2.1).
enum Pager {
  /// Runs `command` (through `/bin/sh`, as `$PAGER` is written) with `text` on its
  /// standard input, and waits for it.
  ///
  /// - Returns: Whether the pager ran; `false` lets the caller print the text.
  static func show(_ text: String, command: String) -> Bool {
    fflush(nil)
    guard let pipe = popen(command, "w") else { return false }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, pipe) }
    let status = pclose(pipe)
    // A pager that could not start (127: not found) showed nothing.
    return written > 0 && status != 127 << 8
  }
}

extension DemoControl {
  /// The shell's handle on the demo server of `--demo`.
  init(_ server: DemoServer) {
    self.init(
      faultWords: DemoFault.words,
      setFault: { words, provider in try server.setFault(words: words, for: provider) },
      status: { server.faultStatus }, reset: { server.resetToStart() },
      startingProvider: { server.startingProvider($0) },
      root: DemoSession.root(port: server.port))
  }
}
