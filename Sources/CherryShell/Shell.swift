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

  /// Runs one line: echo, split, dispatch; a failure leaves the session as it was.
  func run(line: String) async -> LineResult {
    if settings.echo, !(frames.last?.isPrompt ?? false) {
      out.line(out.paint(prompt, .dim) + KeyMask.maskLine(line))
    }
    let words: [String]
    do {
      words = try WordSplitter.split(line, environment: options.environment)
    } catch {
      report(ErrorMessage.words(error))
      return .failed(.commandFailed)
    }
    guard !words.isEmpty else { return .succeeded }
    if frames.count <= 1 {
      lineHistory.append(line)  // masked when shown: scripts never pay for it
    }
    let snapshot = session
    do {
      let invocation = try parse(words, line: line)
      try check(invocation.spec)
      try await invocation.spec.handler(self, invocation)
      return .succeeded
    } catch let error as ShellError {
      if !error.keepsChanges { session = snapshot }
      let atPrompt = frames.last?.isPrompt ?? false
      if !error.alreadyReported, !(error.summarizedAbove && atPrompt) { report(error) }
      return .failed(error.status)
    } catch {
      session = snapshot
      let shellError = ErrorMessage.from(error)
      report(shellError)
      return .failed(shellError.status)
    }
  }

  /// Finds the command and splits options from positionals.
  func parse(_ words: [String], line: String) throws(ShellError) -> Invocation {
    var words = words
    var head = words[0]
    // `+gpt-4o` and `-gpt-4o` work without the space.
    if CommandTable.spec(named: head) == nil, head.count > 1,
      let first = head.first, first == "+" || (first == "-" && !head.hasPrefix("--"))
    {
      words.insert(String(head.dropFirst()), at: 1)
      head = String(first)
      words[0] = head
    }
    guard let spec = CommandTable.spec(named: head) else {
      throw ErrorMessage.unknownCommand(head, suggestion: Suggestion.closestCommand(to: head))
    }
    var positionals: [String] = []
    var options: [String: String] = [:]
    var index = 1
    var optionsDone = false
    while index < words.count {
      let word = words[index]
      index += 1
      if !optionsDone, word == "--", !spec.options.isEmpty {
        optionsDone = true
        continue
      }
      if !optionsDone, word.hasPrefix("--"), word.count > 2 {
        var name = word
        var inlineValue: String?
        if let eq = word.firstIndex(of: "=") {
          name = String(word[..<eq])
          inlineValue = String(word[word.index(after: eq)...])
        }
        guard let option = spec.options.first(where: { $0.name == name }) else {
          throw ErrorMessage.unknownOption(spec, name)
        }
        if option.value == nil {
          options[name] = ""
        } else if let inlineValue {
          options[name] = inlineValue
        } else {
          guard index < words.count else { throw ErrorMessage.optionNeedsValue(spec, name) }
          options[name] = words[index]
          index += 1
        }
        continue
      }
      positionals.append(word)
      if spec.optionsBeforeText { optionsDone = true }
    }
    return Invocation(
      word: words[0], spec: spec, positionals: positionals, options: options, line: line)
  }

  private func check(_ spec: CommandSpec) throws(ShellError) {
    switch spec.requirement {
    case .none: return
    case .selectedProvider:
      guard (try? selectedIndex()) != nil else { throw ErrorMessage.noProviderSelected(spec) }
    }
  }

  // MARK: - Reporting

  /// Where the current line comes from, as `FILE:LINE`, `-c#N` or `<stdin>:LINE`;
  /// `nil` at the prompt.
  var location: String? { frames.last?.location }

  /// Prints an error with its location and hints.
  func report(_ error: ShellError) {
    let prefix = location.map { $0 + ": " } ?? ""
    out.errorLine(prefix + out.paint("error:", .boldRed) + " " + error.message)
    for hint in error.hints { out.errorLine("  " + hint) }
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
  func saveIfChanged() throws(ShellError) {
    guard let store, session != base else { return }
    do {
      let merged = try store.save(session, base: base)
      session = merged
      base = merged
    } catch {
      throw ErrorMessage.store(error)
    }
  }
}

/// The settings of `set`.
struct ShellSettings {
  /// `set echo on`: print each script line before it runs.
  var echo: Bool
  /// `set on_error continue` (or `--keep-going`): a failing line does not stop the script.
  var continueOnError: Bool
  /// `set trace on`: print each request.
  var trace = false
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
