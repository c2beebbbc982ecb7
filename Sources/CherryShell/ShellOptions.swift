/// How the executable set the shell up (DESIGN §2.1).
///
/// Closures reach the terminal (a secret prompt, waiting for Enter) without
/// CherryShell importing the line editor.
public struct ShellOptions {
  /// The session file, or `nil` for a throw-away session kept in memory (`--demo`).
  public var sessionPath: String?
  /// The environment `$NAME` and `env:NAME` read from.
  public var environment: [String: String]
  /// `--echo`: print each script line before it runs, keys masked.
  public var echo: Bool
  /// `--keep-going`: run every line, save what succeeded, exit 1 if anything failed.
  public var keepGoing: Bool
  /// `--step`: wait for Enter before each command of a script (on a terminal).
  public var step = false
  /// `--typing`: echoed commands are typed out at this many characters a second
  /// (on a terminal); `nil` prints them at once.
  public var typingSpeed: Double?
  /// Writes one piece of typed-out text and waits before the next (`--typing`);
  /// the executable gives it the terminal.
  public var typeOut: ((_ text: String, _ pause: Double) -> Void)?
  /// `--json`: `providers`, `show`, `models`, `manage`, `test` and `check` print JSON.
  public var json: Bool
  /// Whether stdin and stdout are a terminal: `pause` waits and a bare `key` asks.
  public var isTerminal: Bool
  /// Reads a secret with echo off; `nil` when there is no terminal to ask.
  public var readSecret: ((_ prompt: String) -> String?)?
  /// Waits for Enter (`pause` on a terminal) and says whether it came: `false`
  /// when Ctrl-C or the end of input ended the wait; `nil` makes `pause` do nothing.
  public var waitForEnter: (() -> Bool)?
  /// Catches Ctrl-C while a request runs, so it cancels the request and not the
  /// shell; `nil` leaves Ctrl-C alone (tests, pipes).
  public var interrupts: (any InterruptWatch)?
  /// Show a spinner on standard error while a request runs (a terminal only).
  public var showSpinner: Bool
  /// Shows text through the pager (`$PAGER`, or `less -FRX`) and says whether it
  /// did; `nil` when standard output is not a terminal (never page a pipe).
  public var pager: ((_ text: String) -> Bool)?
  /// The demo server of `--demo`; `nil` otherwise (the `demo` commands and the
  /// tour need it).
  public var demo: DemoControl?

  /// Creates options with the defaults of a plain script run.
  ///
  /// - Parameters:
  ///   - sessionPath: The session file, or `nil` for an in-memory session.
  ///   - environment: The environment variables.
  public init(sessionPath: String?, environment: [String: String]) {
    self.sessionPath = sessionPath
    self.environment = environment
    self.echo = false
    self.keepGoing = false
    self.json = false
    self.isTerminal = false
    self.readSecret = nil
    self.waitForEnter = nil
    self.interrupts = nil
    self.showSpinner = false
  }
}

/// The exit statuses of DESIGN §2.1.
public enum ExitStatus: Int32, Sendable {
  /// Every command succeeded (or an interactive session ended with `quit` / Ctrl-D).
  case success = 0
  /// A command failed.
  case commandFailed = 1
  /// The command line was wrong.
  case usage = 2
  /// The session file could not be read, written or locked, or is from a newer cherry.
  case sessionFile = 3
  /// Ctrl-C ended a script (`-f`, `-c`, piped stdin); nothing was saved (128 + SIGINT,
  /// as shells report a process the signal ended).
  case interrupted = 130
}

/// One input of a non-interactive run, in command-line order.
public enum ShellInput {
  /// `-f FILE`.
  case file(path: String)
  /// `-c COMMAND`; `index` is its 1-based position among the `-c`s (`-c#N`).
  case command(String, index: Int)
  /// Piped stdin, read as a script (`<stdin>:LINE`).
  case standardInput(any LineSource)
}

/// Ctrl-C while a request runs (DESIGN §2: it cancels the request and keeps the shell).
///
/// The executable implements it with a signal handler; CherryShell only polls it.
public protocol InterruptWatch: Sendable {
  /// Starts catching Ctrl-C and clears any earlier press.
  func start()
  /// Whether Ctrl-C was pressed since ``start()``.
  var interrupted: Bool { get }
  /// Restores the previous handling of Ctrl-C.
  func stop()
}
