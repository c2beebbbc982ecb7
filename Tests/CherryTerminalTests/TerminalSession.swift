import CherryTestSupport
import Foundation
import Testing

/// The built `cherry` running interactively in a detached tmux pane (120×30) on a
/// private tmux server, driven with send-keys and read with capture-pane.
///
/// The pane runs `cherry --no-rc` (or, when asked, `cherry` reading its rc file)
/// with `CHERRY_HOME` set to the test's folder,
/// then prints `EXIT=<status>` and waits, so the exit status can be read. The
/// wrapper traps SIGINT: Ctrl-C reaches the whole foreground process group, and
/// a plain `sh` would die of it and take the pane with it.
final class TerminalSession {
  /// Failures of the harness itself (not of cherry).
  struct HarnessError: Error, CustomStringConvertible {
    var description: String
  }

  /// The private tmux server's socket name.
  let socket = "cherry-test-\(UUID().uuidString.prefix(8))"
  /// `CHERRY_HOME` for this run, kept alive as long as cherry runs.
  let home: TemporaryHome
  private let tmux: String

  /// Starts cherry in a new tmux server.
  ///
  /// - Parameters:
  ///   - home: The folder used as `CHERRY_HOME` (shared between runs to test history).
  ///   - environment: Extra environment variables for cherry (e.g. a C locale).
  ///   - arguments: Extra arguments after `--no-rc`.
  ///   - readsRC: Leave out `--no-rc`, so cherry runs `$CHERRY_RC` or `~/.cherryrc` first.
  ///   - standardOutput: A file cherry's standard output goes to instead of the
  ///     terminal (as in `cherry | tee log`), or `nil`.
  /// - Throws: ``HarnessError`` when tmux or the binary cannot be found or started.
  init(
    home: TemporaryHome, environment: [String: String] = [:], arguments: [String] = [],
    readsRC: Bool = false, standardOutput: String? = nil
  ) throws {
    guard let tmux = TerminalTestGate.tmuxPath else {
      throw HarnessError(description: "tmux is not installed: run scripts/test, which installs it")
    }
    guard let binary = BuiltBinary.existing("cherry") else {
      throw HarnessError(
        description: "no built cherry next to \(CommandLine.arguments[0]); set CHERRY_BIN")
    }
    self.tmux = tmux
    self.home = home
    let command = ([binary] + (readsRC ? [] : ["--no-rc"]) + arguments).map(Self.quoted)
      .joined(separator: " ")
    // No pager unless a test asks for one: long output would wait in `less`.
    let variables = (["CHERRY_HOME": home.url.path, "PAGER": "cat"].merging(environment) { $1 })
      .sorted { $0.key < $1.key }
      .map { "\($0.key)=\(Self.quoted($0.value))" }
      .joined(separator: " ")
    let redirect = standardOutput.map { " > " + Self.quoted($0) } ?? ""
    let script = "trap : INT; env \(variables) \(command)\(redirect); echo EXIT=$?; read x"
    // The server forks from this call and would inherit a capture pipe, so reading
    // it would never see EOF: this one call writes to /dev/null.
    _ = try run(
      ["new-session", "-d", "-x", "120", "-y", "30", "-s", "cherry", script], capture: false)
  }

  deinit {
    // cherry writes its history as it exits, after kill-server returns: wait for it
    // to end, or the test's home is removed first and written again (left behind).
    let pane = (try? run(["list-panes", "-t", "cherry", "-F", "#{pane_pid}"])).flatMap {
      Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let running = pane.map(Self.children(of:)) ?? []
    _ = try? run(["kill-server"])
    Polling.until(seconds: 10) { running.allSatisfy(Self.hasEnded) }
    // tmux leaves the socket file behind after kill-server.
    let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    unlink("\(folder)/tmux-\(getuid())/\(socket)")
  }

  /// Sends tmux key names ("Tab", "Up", "Enter", "C-c", "C-d") or plain words.
  func press(_ keys: String...) throws {
    _ = try run(["send-keys", "-t", "cherry"] + keys)
  }

  /// Types text literally (UTF-8 included), without pressing Enter.
  func type(_ text: String) throws {
    _ = try run(["send-keys", "-t", "cherry", "-l", text])
  }

  /// Types a line and presses Enter.
  func enter(_ line: String) throws {
    try type(line)
    try press("Enter")
  }

  /// The pane now, scrollback included, wrapped lines joined, trailing spaces kept.
  func screen() throws -> TerminalScreen {
    TerminalScreen(capture: try run(["capture-pane", "-p", "-J", "-S", "-", "-t", "cherry"]))
  }

  /// Polls the pane until `condition` holds, or records an issue showing the
  /// pane when the deadline passes.
  ///
  /// - Parameters:
  ///   - what: What is awaited, for the failure message.
  ///   - timeout: The deadline.
  ///   - sourceLocation: Where a timeout is reported.
  ///   - condition: Checked against each capture.
  /// - Returns: The capture that satisfied the condition (or the last one).
  /// - Throws: ``HarnessError`` when tmux fails, or cancellation.
  @discardableResult
  func waitUntil(
    _ what: String, timeout: Duration = .seconds(20),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (TerminalScreen) -> Bool
  ) async throws -> TerminalScreen {
    var current = try screen()
    // A capture starts a tmux client: check every 50 ms, not at the default pace.
    let shown = try await Polling.until(seconds: timeout / .seconds(1), every: .milliseconds(50)) {
      current = try screen()
      return condition(current)
    }
    if !shown {
      Issue.record(
        "timed out waiting for \(what); the pane shows:\n\(current)",
        sourceLocation: sourceLocation)
    }
    return current
  }

  /// Waits for a prompt line beyond the first `count`, with nothing typed yet.
  @discardableResult
  func waitForPrompt(
    after count: Int, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> TerminalScreen {
    try await waitUntil("prompt #\(count + 1)", sourceLocation: sourceLocation) { screen in
      screen.prompts.count > count && screen.lastPrompt?.typed.isEmpty == true
    }
  }

  /// Runs one command at the prompt and waits for the next prompt.
  @discardableResult
  func command(
    _ line: String, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> TerminalScreen {
    let before = try await waitForPrompt(after: 0, sourceLocation: sourceLocation).prompts.count
    try enter(line)
    return try await waitForPrompt(after: before, sourceLocation: sourceLocation)
  }

  /// Waits for the wrapper's `EXIT=<status>` line and returns the status.
  func exitStatus(sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int? {
    // After a Ctrl-C the terminal's `^C` echo may share the line: `^CEXIT=130`.
    let screen = try await waitUntil("cherry to exit", sourceLocation: sourceLocation) {
      $0.lines.contains { $0.contains("EXIT=") }
    }
    let line = screen.lines.last { $0.contains("EXIT=") }
    return line.flatMap { line in
      line.range(of: "EXIT=").flatMap {
        Int(line[$0.upperBound...].trimmingCharacters(in: .whitespaces))
      }
    }
  }

  /// Runs tmux on this test's server and returns its standard output.
  @discardableResult
  private func run(_ arguments: [String], capture: Bool = true) throws -> String {
    var environment = ProcessInfo.processInfo.environment
    environment["TMUX"] = nil  // tests started inside tmux must not nest into it
    environment["CHERRY_RC"] = nil
    let (status, text) = try ChildProcess.run(
      tmux, ["-f", "/dev/null", "-u", "-L", socket] + arguments, environment: environment,
      capture: capture)
    guard status == 0 else {
      throw HarnessError(description: "tmux \(arguments.joined(separator: " ")): \(text)")
    }
    return text
  }

  /// The processes `pid` started (Linux's `/proc/<pid>/task/<pid>/children`).
  private static func children(of pid: Int32) -> [Int32] {
    let list = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
    return (list ?? "").split(separator: " ").compactMap { Int32($0) }
  }

  /// Whether a process is gone or a zombie (it has done all it will ever do).
  private static func hasEnded(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let end = stat.lastIndex(of: ")")
    else { return true }
    return stat[end...].dropFirst(2).first == "Z"
  }

  /// Single-quotes a word for sh.
  private static func quoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// A temporary `CHERRY_HOME`, removed when the test ends.
final class TemporaryHome {
  /// The folder.
  let url: URL

  /// Creates an empty folder under the system's temporary directory.
  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("cherry-terminal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The history file cherry keeps in this home.
  var historyFile: URL { url.appendingPathComponent("history") }
}
