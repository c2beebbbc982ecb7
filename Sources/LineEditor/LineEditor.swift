import CEditLine
import CLibEdit
import Glibc

/// The interactive line reader: libedit's line editing with a prompt, persistent
/// history, Tab completion through a closure, UTF-8 input, and Ctrl-C / Ctrl-D
/// reported as values.
///
/// Create one per process (libedit keeps its state in C globals), on the thread
/// that reads, and only when ``isTerminal`` is true; piped input should be read
/// without it.
public final class LineEditor {
  /// Offers completions for Tab.
  ///
  /// Called with the line up to the cursor; returns the Character offset in that
  /// text where the word being completed starts and the full words that may
  /// replace it. A unique candidate is inserted with a space after it (none after a
  /// trailing `/`); several insert their common prefix, and a second Tab lists
  /// them. `nil` (the default) completes nothing; Tab never completes file names
  /// on its own.
  public var completer: ((_ lineBeforeCursor: String) -> (replaceFrom: Int, candidates: [String]))?

  /// The persistent history.
  private let historyFile: HistoryFile
  /// The last failure of the automatic save after ``addHistory(_:)``, reported by
  /// the next ``saveHistory()`` if that fails too.
  private var lastSaveError: LineEditorError?

  /// Sets up the terminal locale and libedit, and loads the history.
  ///
  /// - Parameters:
  ///   - historyPath: The history file (created mode 0600 on the first save);
  ///     `nil` keeps history in memory only.
  ///   - historyLimit: The most entries kept, in memory and in the file.
  public init(historyPath: String?, historyLimit: Int = 1000) {
    // The locale first: libedit decides at initialisation whether input is UTF-8.
    TerminalLocale.configure()
    CompletionBridge.install()
    if TerminalOutput.descriptor != STDOUT_FILENO, TerminalOutput.descriptor >= 0,
      let stream = fdopen(dup(TerminalOutput.descriptor), "w")
    {
      cel_set_output(stream)
    }
    _ = cel_initialize()
    historyFile = HistoryFile(path: historyPath, limit: historyLimit)
    historyFile.load()
  }

  /// Reads one line, with editing, history recall and completion.
  ///
  /// - Parameter prompt: The prompt, e.g. `cherry(deepseek)> `; ANSI colour
  ///   sequences in it are allowed.
  /// - Returns: The line; `.interrupted` after Ctrl-C (the typed text is dropped
  ///   and a newline printed); `.endOfFile` after Ctrl-D on an empty line or when
  ///   the input ends (a newline is printed).
  public func readLine(prompt: String) -> LineEditorInput {
    CompletionBridge.completer = completer
    defer { CompletionBridge.completer = nil }
    TerminalOutput.write("")  // flush what the shell printed before the prompt
    let marked = PromptText.marked(prompt)
    let (raw, interrupted) = InterruptSignal.catching { readline(marked) }
    guard let raw else {
      TerminalOutput.write("\n")
      return interrupted ? .interrupted : .endOfFile
    }
    let text = String(cString: raw)
    free(raw)
    return .line(text)
  }

  /// Adds an accepted line to the history and writes the history file at once,
  /// so a crash loses nothing.
  ///
  /// Trailing whitespace is trimmed; empty lines and a repeat of the newest entry
  /// are skipped. A failed write is not reported here: ``saveHistory()`` reports it.
  ///
  /// - Parameter line: The line with any key already masked: it is stored as given.
  public func addHistory(_ line: String) {
    guard historyFile.add(line) else { return }
    do {
      try historyFile.save()
      lastSaveError = nil
    } catch {
      lastSaveError = error
    }
  }

  /// Writes the history file now, mode 0600.
  ///
  /// - Throws: ``LineEditorError/cannotWriteHistory(path:reason:)`` when the file
  ///   cannot be written.
  public func saveHistory() throws {
    do {
      try historyFile.save()
      lastSaveError = nil
    } catch {
      throw lastSaveError ?? error
    }
  }

  /// Rewrites the history through `transform` (masking secrets that were not
  /// known as such when the entries were written) and saves it when anything
  /// changed.
  ///
  /// - Parameter transform: Maps an entry to what should be kept.
  /// - Returns: How many entries changed.
  @discardableResult
  public func rewriteHistory(_ transform: (String) -> String) -> Int {
    let entries = history
    let rewritten = entries.map(transform)
    let changed = zip(entries, rewritten).filter { $0 != $1 }.count
    guard changed > 0 else { return 0 }
    clear_history()
    for entry in rewritten { _ = historyFile.add(entry) }
    try? saveHistory()
    return changed
  }

  /// The history entries, oldest first, as stored (keys masked).
  public var history: [String] {
    (0..<Int(cel_history_count())).compactMap { index in
      cel_history_line(Int32(index)).map { String(cString: $0) }
    }
  }

  /// Reads a secret line with echo off, for a bare `key` on a terminal.
  ///
  /// The terminal settings are restored on every path out, Ctrl-C included.
  ///
  /// - Parameter prompt: Shown before reading.
  /// - Returns: The line without its newline; `nil` on Ctrl-C or end of input.
  public static func readSecret(prompt: String) -> String? {
    SecretReader.read(prompt: prompt)
  }

  /// Asks a question on the terminal and reads the answer as typed (a yes/no
  /// before an import changes anything).
  ///
  /// - Parameter prompt: The question.
  /// - Returns: The answer; `nil` on Ctrl-C or end of input.
  public static func readAnswer(prompt: String) -> String? {
    SecretReader.readVisible(prompt: prompt)
  }

  /// Whether standard input is a terminal and there is one to draw on: the test
  /// for interactive mode (as sqlite3 decides; standard output may be a pipe).
  public static var isTerminal: Bool {
    isatty(STDIN_FILENO) != 0 && TerminalOutput.descriptor >= 0
  }
}
