public import CherryKit
import CherryProviders

/// The cherry shell: a session in memory, the lines that change it, and the rules
/// for saving it (DESIGN §2).
///
/// It reads lines from a ``LineSource`` and writes to an ``Output``, so a test
/// drives it with strings. One ``CommandTable`` drives dispatch, help, completion
/// and suggestions.
public final class Shell {
  /// How the executable set it up.
  let options: ShellOptions
  /// Where text goes.
  let out: Output
  /// The session file, or `nil` for an in-memory session (`--demo`).
  let store: SessionStore?
  /// The session as it is now, in memory.
  var session: Session
  /// The session as last loaded or saved: the base of the store's 3-way merge,
  /// and what "unsaved changes" are measured against.
  var base: Session
  /// `set echo`, `set on_error`, `set trace`.
  var settings: ShellSettings
  /// The last `manage` listing, kept for `+ <n>` and completion.
  var listing: KeptListing?
  /// The keys each provider rejected in this shell's last test or check.
  var failedKeysInMemory: [String: [String: String]] = [:]
  /// The lines run in this process, masked, for `history`.
  var lineHistory: [String] = []
  /// Where the line being run comes from (innermost last).
  var frames: [Frame] = []
  /// Set by `quit`: the current file (or the prompt) ends after this line.
  var quitRequested = false
  /// The line editor's history (earlier runs included), for `history`; `nil`
  /// outside the prompt, where the lines of this run are shown.
  public var historyProvider: (() -> [String])?
  /// The HTTP client, created at the first request (start-up does no work beyond
  /// loading the session, DESIGN §5).
  var providerClient: ProviderClient?
  /// Where the selected provider was last found in the list.
  var selectedIndexCache: Int?
  /// Requests recorded for `set trace on`.
  let traces = TraceCollector()
  /// Every secret this process has seen (DESIGN §1.1: masked by value on every
  /// output path); the output and the request layer share it.
  public let secrets = SecretRegistry()
  /// The lines of scripts that failed, `FILE:LINE: what`, for `--keep-going`'s summary.
  var failedLines: [String] = []
  /// How many ``beginInterruptWatch()`` calls are open.
  var interruptDepth = 0
  /// Whether the command running now prints JSON (`--json`, `set json on`, or
  /// its own `--json`).
  var jsonOutput = false

  /// Creates a shell on the session file of `options`, or on `session` kept in
  /// memory when there is no file.
  ///
  /// - Parameters:
  ///   - options: The executable's options.
  ///   - output: Where text goes.
  ///   - session: A session to start from instead of the file (`--demo`); it is
  ///     never saved when `options.sessionPath` is `nil`.
  /// - Throws: ``StoreError`` when the session file cannot be read or is from a
  ///   newer cherry (exit status 3).
  public init(options: ShellOptions, output: Output, session: Session? = nil) throws(StoreError) {
    self.options = options
    self.out = output
    self.settings = ShellSettings(echo: options.echo, continueOnError: options.keepGoing)
    if let path = options.sessionPath {
      let store = SessionStore(path: path)
      let loaded = try store.load()
      self.store = store
      self.session = loaded.session
      for warning in loaded.warnings { output.errorLine("warning: " + warning) }
    } else {
      self.store = nil
      self.session = session ?? ProviderCatalogue.freshSession()
    }
    self.base = self.session
    output.secrets = secrets
    output.stopRequested = { [unowned self] in self.isInterrupted }
    for provider in self.session.providers { registerSecrets(of: provider) }
  }

  /// Registers the secrets of one provider's settings (keys, `env:` values that
  /// are set, secret header values, URL and proxy passwords).
  func registerSecrets(of provider: Provider) {
    secrets.register(SecretSet(provider: provider, environment: options.environment))
  }

  /// A command line as `--echo` and the history show it: secrets masked.
  ///
  /// - Parameter line: The line as typed.
  /// - Returns: The line with every secret masked.
  public func maskedLine(_ line: String) -> String {
    LineMasking.masked(line, secrets: secrets)
  }

  /// Stops the HTTP client if one was started; call before the process exits.
  public func shutdown() async {
    if let client = providerClient {
      providerClient = nil
      await client.shutdown()
    }
  }

  /// The session as it is now in memory (for tests and the executable).
  public var currentSession: Session { session }

  /// The prompt for the current state: `cherry(deepseek)> ` or `cherry> `.
  public var prompt: String { Prompt.text(selected: session.selected) }

  /// Completes the line before the cursor (Tab at the prompt).
  ///
  /// - Parameter lineBeforeCursor: The text left of the cursor.
  /// - Returns: Where the completed word starts (a Character offset) and the candidates.
  public func complete(_ lineBeforeCursor: String) -> (replaceFrom: Int, candidates: [String]) {
    Completer.complete(lineBeforeCursor, state: completionState())
  }

  // MARK: - Running one line

  /// What running a line came to.
  enum LineResult: Equatable {
    case succeeded
    case failed(ExitStatus)
  }

  /// Runs one line: echo, split, walk the table, run the handler, show the
  /// report; a failure undoes what the command changed (except the keys it used,
  /// ``CherryKit/Session/undoingChanges(since:)``).
  func run(line: String) async -> LineResult {
    if !(frames.last?.isPrompt ?? false) {
      if let narration = Narration.text(of: line) {
        // A lesson's comment is prose for the class, not a command.
        if settings.echo { narrate(narration) }
        return .succeeded
      }
      if settings.echo { echo(line) }
      if options.step, settings.echo || options.isTerminal, !line.allSatisfy(\.isWhitespace) {
        guard waitForStep() else { return fail(ErrorMessage.pauseInterrupted(), command: nil) }
      }
    }
    jsonOutput = options.json || settings.json
    let words: [String]
    do {
      words = try WordSplitter.split(line, environment: options.environment)
    } catch {
      return fail(ErrorMessage.words(error), command: nil)
    }
    guard !words.isEmpty else { return .succeeded }
    if frames.count <= 1 {
      lineHistory.append(line)  // masked when shown: scripts never pay for it
    }
    let invocation: Invocation
    do {
      invocation = try CommandParser.parse(words, line: line)
    } catch {
      jsonOutput = jsonOutput || words.contains(Options.json.spec.name)
      // Only a command the table knows is named in the document.
      return fail(error, command: CommandTable.command(named: words[0]).map { _ in words[0] })
    }
    jsonOutput = options.json || settings.json || invocation.has(Options.json)
    if invocation.has(Options.help) {
      // The help of a command is what `help <command>` prints: a `help` document.
      show(Report.text(HelpText.detail(invocation.path, width: out.width)), "help")
      return .succeeded
    }
    let snapshot = session
    do {
      try checkRequirement(invocation)
      let handler = invocation.spec.handler
      guard let handler else { return .succeeded }  // the parser never returns such a node
      let report = try await handler(self, invocation)
      registerChangedSecrets(since: snapshot)
      show(report, invocation.name)
      guard let failure = report.outcome.failure else { return .succeeded }
      session = session.undoingChanges(since: snapshot)
      if case .failedAbove = report.outcome, !(frames.last?.isPrompt ?? false) {
        reportError(failure)
      }
      return .failed(failure.status)
    } catch {
      session = session.undoingChanges(since: snapshot)
      return fail(ErrorMessage.from(error), command: invocation.name)
    }
  }

  /// Shows a command's report: its JSON document, or its text; then its warnings.
  private func show(_ report: any CommandReport, _ command: String) {
    if jsonOutput {
      out.line(
        JSONDocument.make(command: command, report: report, error: report.outcome.failure),
        masking: !report.revealsSecrets)
    } else if !page(report) {
      report.write(to: out)
    }
    for warning in report.warnings { warn(warning) }
    for line in report.notes { note(line) }
  }

  /// At the prompt, text longer than the screen goes through the pager (DESIGN
  /// §2.1, as psql and git do); `false` when it is not paged.
  private func page(_ report: any CommandReport) -> Bool {
    guard settings.pager, frames.last?.isPrompt == true, let pager = options.pager,
      !report.revealsSecrets
    else { return false }
    let lines = report.textLines(out)
    guard lines.count >= out.height else { return false }
    out.sink.flush()
    return pager(lines.map(out.cleaned).joined(separator: "\n") + "\n")
  }

  /// Reports a failed line: the error on standard error, and with `--json` its
  /// `"ok": false` document on standard output.
  private func fail(_ error: ShellError, command: String?) -> LineResult {
    if jsonOutput {
      out.line(JSONDocument.make(command: command, report: nil, error: error))
    }
    reportError(error)
    return .failed(error.status)
  }

  /// Registers the secrets of the providers a command changed or added, before
  /// anything more is printed.
  ///
  /// Runs after every command, so it compares in place, and only what the secrets
  /// come from: a provider is usually where it was (a command changes one at most),
  /// and only one that moved is looked for.
  private func registerChangedSecrets(since before: Session) {
    let old = before.providers
    let new = session.providers
    for index in new.indices {
      let unchanged =
        index < old.count && old[index].id == new[index].id
        ? SecretSet.sameSources(old[index], new[index])
        : old.contains { SecretSet.sameSources($0, new[index]) }
      if !unchanged { registerSecrets(of: new[index]) }
    }
  }

  private func checkRequirement(_ invocation: Invocation) throws(ShellError) {
    for spec in invocation.path {
      switch spec.requirement {
      case .none: continue
      case .selectedProvider:
        guard (try? selectedIndex()) != nil else {
          throw ErrorMessage.noProviderSelected(invocation.name)
        }
      case .demo:
        guard options.demo != nil else { throw ErrorMessage.needsDemo(invocation.name) }
      }
    }
  }

  // MARK: - Reporting

  /// Where the current line comes from, as `FILE:LINE`, `-c#N` or `<stdin>:LINE`;
  /// `nil` at the prompt.
  var location: String? { frames.last?.location }

  /// Prints an error with its location and how to fix it.
  func reportError(_ error: ShellError) {
    let prefix = location.map { $0 + ": " } ?? ""
    if let location { failedLines.append(location + ": " + error.what) }
    out.errorLine(prefix + out.paint("error:", .boldRed) + " " + error.what)
    for line in error.fix { out.errorLine("  " + line) }
  }

  /// Prints a note (a confirmation, progress) to standard error.
  func note(_ message: String) {
    out.errorLine(message)
  }

  /// Prints a warning with the location of the current line.
  func warn(_ message: String) {
    let prefix = location.map { $0 + ": " } ?? ""
    out.errorLine(prefix + out.paint("warning:", .yellow) + " " + message)
  }

  // MARK: - Saving

  /// Whether the session differs from what was last loaded or saved.
  var hasUnsavedChanges: Bool { session != base }

  /// Saves the session when it changed (DESIGN §2.4): under the store's lock, the
  /// file is re-read and this shell's changes re-applied.
  ///
  /// - Throws: ``ShellError`` with status 3 when the file cannot be written or a
  ///   field was changed by another cherry too.
  ///
  /// At the prompt a field another cherry changed too keeps the other's value:
  /// the shell takes it, says so, and goes on saving (DESIGN §2.4); in a script
  /// it is refused (exit 3), since the script's result would not be what it wrote.
  func saveIfChanged(evenIfUnchanged: Bool = false) throws(ShellError) {
    guard let store, evenIfUnchanged || session != base else { return }
    let atPrompt = frames.first?.isPrompt == true
    let selected = session.selected
    do {
      let outcome = try store.save(
        session, base: base, onConflict: atPrompt ? .keepTheirs : .refuse)
      // What other cherries saved is this shell's now: its secrets are known first.
      for provider in outcome.session.providers where session.provider(provider.id) != provider {
        registerSecrets(of: provider)
      }
      session = outcome.session
      base = outcome.session
      for conflict in outcome.conflicts { reportTakenOver(conflict) }
      if let selected, session.selected == nil {
        warn("\(selected) was removed by another cherry: no provider is selected now")
      }
    } catch {
      throw ErrorMessage.store(error)
    }
  }

  /// Says that another cherry's value of a field won, and what it is now.
  private func reportTakenOver(_ conflict: SessionConflict) {
    guard let theirs = conflict.theirs else {
      warn("not saved: another cherry removed \(conflict.providerID); it is gone here too")
      return
    }
    let now: String
    switch conflict.field {
    case "keys": now = KeyCommands.summary(theirs)
    case "url": now = URLSecrets.masked(theirs.url)
    default: now = "its value"
    }
    warn(
      "not saved: another cherry changed \(conflict.place) too; now using \(now)"
        + " (change it again to set yours)")
  }
}

/// The values `set` changes (``ShellSetting`` declares each).
struct ShellSettings {
  /// `set echo on`: print each script line before it runs.
  var echo: Bool
  /// `set on_error continue` (or `--keep-going`): a failing line does not stop the script.
  var continueOnError: Bool
  /// `set trace on`: print each request.
  var trace = false
  /// `set json on`: every command prints JSON.
  var json = false
  /// `set pager off`: never page long output.
  var pager = true
}

/// The last `manage` listing and whose it is.
struct KeptListing {
  /// The provider it was fetched from.
  var providerID: String
  /// The listing.
  var listing: ModelListing
}

/// Where a line comes from.
struct Frame {
  /// What kind of input it is.
  enum Kind: Equatable {
    case prompt
    case file(path: String)
    case commandLine(index: Int)
    case standardInput
  }

  var kind: Kind
  /// The 1-based number of the line being run.
  var line = 0

  var isPrompt: Bool { kind == .prompt }

  var location: String? {
    switch kind {
    case .prompt: return nil
    case .file(let path): return "\(path):\(line)"
    case .commandLine(let index): return "-c#\(index)"
    case .standardInput: return "<stdin>:\(line)"
    }
  }
}
