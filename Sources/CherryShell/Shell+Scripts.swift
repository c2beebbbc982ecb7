import CherryKit

/// What running the lines of one source came to.
struct SourceResult {
  /// The worst status of a failed line, or `nil` when none failed.
  var failure: ExitStatus?
  /// A failing line stopped the source (`on_error stop`): nothing it did may be kept.
  var stopped = false
  /// The source ended with `quit`.
  var quit = false

  mutating func record(_ status: ExitStatus) {
    if failure == nil || status == .sessionFile || status == .interrupted { failure = status }
  }
}

extension Shell {
  /// How deep `source` may nest (DESIGN §2.3: a file that sources itself is refused).
  static let maximumSourceDepth = 16

  /// Runs `-f` files, `-c` commands and piped stdin in command-line order, then
  /// saves once if nothing stopped the run (DESIGN §2.3–2.4).
  ///
  /// A failing line stops the run and nothing is saved, unless `--keep-going` or
  /// `set on_error continue`: then every line runs, what succeeded is saved, and
  /// the status is still 1. `quit` in a file or a `-c` ends the run.
  ///
  /// - Parameter inputs: The inputs in command-line order.
  /// - Returns: The exit status of DESIGN §2.1.
  public func runBatch(_ inputs: [ShellInput]) async -> ExitStatus {
    let total = await runInputs(inputs)
    out.sink.flush()
    if total.failure == .interrupted {
      if hasUnsavedChanges, store != nil {
        out.errorLine("note: nothing was saved: the script was interrupted (Ctrl-C)")
      }
      return .interrupted
    }
    if total.stopped {
      if hasUnsavedChanges, store != nil {
        out.errorLine("note: nothing was saved: the script stopped at its first error")
      }
      return total.failure ?? .commandFailed
    }
    do {
      try saveIfChanged()
    } catch {
      reportError(error)
      return .sessionFile
    }
    if total.failure != nil, settings.continueOnError, !failedLines.isEmpty {
      // `--keep-going`: the run went on; say which lines did not.
      out.errorLine("\(Describe.count(failedLines.count, "line")) failed:")
      for line in failedLines { out.errorLine("  " + line) }
    }
    return total.failure ?? .success
  }

  /// Runs the scripts of `-i`, then stays at the prompt with what they did.
  ///
  /// As `python -i` does. A script that stops (an error, Ctrl-C at a pause) is
  /// undone, as a sourced file at the prompt is — except in `--demo` when Ctrl-C
  /// stopped it: its session is in memory and keeps what was done so far
  /// (DESIGN §2.1 lessons).
  ///
  /// - Parameters:
  ///   - inputs: The scripts, in command-line order.
  ///   - source: The line editor, for the prompt afterwards.
  /// - Returns: The prompt's status (0).
  public func runThenInteract(_ inputs: [ShellInput], source: any LineSource) async
    -> ExitStatus
  {
    let snapshot = session
    beginInterruptWatch()
    let total = await runInputs(inputs)
    endInterruptWatch()
    if total.stopped {
      if keepsInterruptedWork(total) {
        note("note: the lesson stopped; the demo session keeps what it did so far")
      } else {
        session = session.undoingChanges(since: snapshot)
        note("note: nothing the scripts did was kept (they stopped); the prompt starts as before")
      }
    }
    do {
      try saveIfChanged()
    } catch {
      reportError(error)
    }
    if total.quit { return .success }  // `quit` in a script ends the run, -i or not
    return await runInteractive(source, rcFile: nil)
  }

  /// Whether a stopped script keeps what it did: only when Ctrl-C stopped it in the
  /// demo, whose session is in memory (a lesson cut short keeps its state).
  func keepsInterruptedWork(_ result: SourceResult) -> Bool {
    store == nil && result.failure == .interrupted
  }

  /// Runs the inputs of a batch in order, without saving.
  private func runInputs(_ inputs: [ShellInput]) async -> SourceResult {
    var total = SourceResult()
    for input in inputs {
      let result: SourceResult
      switch input {
      case .file(let path):
        result = await runFileInput(path)
      case .command(let text, let index):
        result = await runLines(
          StringLineSource(text), frame: Frame(kind: .commandLine(index: index)))
      case .standardInput(let source):
        result = await runLines(source, frame: Frame(kind: .standardInput))
      }
      if let failure = result.failure { total.record(failure) }
      if result.stopped {
        total.stopped = true
        break
      }
      if result.quit {
        total.quit = true
        break
      }
    }
    return total
  }

  /// Runs `~/.cherryrc` (if given), then reads and runs lines at the prompt until
  /// `quit` or Ctrl-D, saving after each command that changed the session.
  ///
  /// - Parameters:
  ///   - source: The line editor.
  ///   - rcFile: The rc file to run first, or `nil`. A failing rc reports its
  ///     `FILE:LINE`, is not applied, and the prompt still starts.
  /// - Returns: Always ``ExitStatus/success`` (psql's rule, DESIGN §2.1).
  public func runInteractive(_ source: any LineSource, rcFile: String?) async -> ExitStatus {
    frames = [Frame(kind: .prompt)]
    if let rcFile {
      let snapshot = session
      beginInterruptWatch()
      let result = await runSourced(rcFile, displayPath: rcFile)
      endInterruptWatch()
      if result.stopped {
        session = snapshot
        out.errorLine("note: \(ErrorMessage.sourcedFileFailed(rcFile))")
      }
      saveAtPrompt()
    }
    var warnedAboutUnsaved = false
    /// Whether leaving now is all right: with changes the file does not have (a
    /// save was refused), the first quit warns and a second one leaves.
    func mayLeave() -> Bool {
      guard store != nil, hasUnsavedChanges, !warnedAboutUnsaved else { return true }
      warnedAboutUnsaved = true
      let fields = SessionCommands.differences(from: base, to: session).joined(separator: "; ")
      warn(
        "unsaved changes (\(fields)): 'save' to try again, or quit again to leave without them")
      return false
    }
    while true {
      out.sink.flush()
      switch source.nextLine(prompt: prompt) {
      case .endOfFile:
        out.errorLine("")  // after the ^D libedit echoed, on the terminal
        if mayLeave() { return .success }
      case .interrupted:
        continue
      case .refused(let reason):
        reportError(ShellError("the line was not read: \(reason)"))
      case .line(let line):
        // Ctrl-C during the command cancels it, never the shell (DESIGN §2.1).
        beginInterruptWatch()
        _ = await run(line: line)
        endInterruptWatch()
        saveAtPrompt()
        if quitRequested {
          quitRequested = false
          if mayLeave() { return .success }
        } else if !line.allSatisfy(\.isWhitespace) {
          warnedAboutUnsaved = false
        }
      }
    }
  }

  /// At the prompt each changing command saves (DESIGN §2.4); a failure is reported
  /// and the changes stay in memory for the next attempt.
  private func saveAtPrompt() {
    do {
      try saveIfChanged()
    } catch {
      reportError(error)
    }
  }

  /// Runs every line of a source in a new frame.
  func runLines(_ source: any LineSource, frame: Frame) async -> SourceResult {
    frames.append(frame)
    defer { frames.removeLast() }
    var result = SourceResult()
    while true {
      if isInterrupted {
        reportError(ErrorMessage.cancelled)
        result.record(.interrupted)
        result.stopped = true
        break
      }
      let input = source.nextLine(prompt: prompt)
      if case .refused(let reason) = input {
        frames[frames.count - 1].line += 1
        reportError(
          ShellError(
            "cannot read further: \(reason)",
            fix: ["a command fits on one line of at most 1 MiB, a script in 64 MiB"]))
        result.record(.commandFailed)
        result.stopped = true
        break
      }
      guard case .line(let line) = input else { break }
      frames[frames.count - 1].line += 1
      if case .failed(let status) = await run(line: line) {
        result.record(status)
        if !settings.continueOnError || status == .interrupted {
          result.stopped = true
          break
        }
      }
      if quitRequested {
        quitRequested = false
        result.quit = true
        break
      }
    }
    return result
  }

  /// Runs a `-f FILE`.
  private func runFileInput(_ path: String) async -> SourceResult {
    do {
      let text = try FileText.read(path, environment: options.environment)
      return await runLines(StringLineSource(text), frame: Frame(kind: .file(path: path)))
    } catch {
      reportError(error)
      var result = SourceResult()
      result.record(.commandFailed)
      result.stopped = !settings.continueOnError
      return result
    }
  }

  /// Runs a file named by `source` (or the rc file): nested at most
  /// ``maximumSourceDepth`` deep; `quit` inside ends that file only.
  func runSourced(_ path: String, displayPath: String) async -> SourceResult {
    do {
      let text = try FileText.read(path, environment: options.environment)
      return await runLines(StringLineSource(text), frame: Frame(kind: .file(path: displayPath)))
    } catch {
      reportError(error)
      var result = SourceResult()
      result.record(.commandFailed)
      result.stopped = true
      return result
    }
  }

  /// The `source` command: the file is all or nothing, at the prompt too.
  func source(_ argument: String) async throws(ShellError) -> any CommandReport {
    // frames[0] is the prompt or the top-level script; the rest are sourced files.
    let nested = max(0, frames.count - 1)
    guard nested < Self.maximumSourceDepth else {
      throw ErrorMessage.sourceTooDeep(argument, limit: Self.maximumSourceDepth)
    }
    let path = resolvePath(argument)
    let text = try FileText.read(path, environment: options.environment)
    let snapshot = session
    let result = await runLines(StringLineSource(text), frame: Frame(kind: .file(path: path)))
    if result.stopped, !keepsInterruptedWork(result) {
      session = snapshot
      let failed = ErrorMessage.sourcedFileFailed(path)
      if frames.last?.isPrompt == true { note("note: " + failed) }
      return Report(EmptyData(), outcome: .failedReported(ShellError(failed)))
    }
    return Report.none
  }

  /// A path relative to the file being run is taken from that file's folder, so a
  /// set of scripts can source each other wherever they are run from.
  func resolvePath(_ path: String) -> String {
    let expanded = FileText.expandTilde(path, environment: options.environment)
    guard !expanded.hasPrefix("/"), let frame = frames.last, case .file(let current) = frame.kind,
      let slash = current.lastIndex(of: "/")
    else { return expanded }
    let candidate = String(current[...slash]) + expanded
    return FileText.exists(candidate) ? candidate : expanded
  }
}
