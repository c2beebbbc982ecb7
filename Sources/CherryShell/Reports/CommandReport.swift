/// How a command ended, when it returned rather than threw.
enum CommandOutcome {
  /// It did what was asked.
  case succeeded
  /// It failed, and what it printed already says how (the ✗ lines of `test` and
  /// `check`, a sourced file's own error): at the prompt nothing more is printed;
  /// a script still gets its `FILE:LINE: error:` line (DESIGN §2.3), and `--json`
  /// its `"ok": false` document.
  case failedAbove(ShellError)
  /// It failed, and the error was already reported where it happened (a line of
  /// a sourced file, with its own `FILE:LINE`): nothing more is printed, but
  /// `--json` still gets its `"ok": false` document.
  case failedReported(ShellError)

  /// The error, when the command failed.
  var failure: ShellError? {
    switch self {
    case .succeeded: return nil
    case .failedAbove(let error), .failedReported(let error): return error
    }
  }
}

/// What a command produced: data for standard output, as text or as one JSON
/// object (DESIGN §2.1: data on stdout; notes, warnings and confirmations go to
/// stderr as they happen).
///
/// The JSON object is the command's envelope (`ok`, `command`) with the report's
/// own fields beside them; each command declares its shape's schema in the table
/// (``CommandSpec/json``, a file in `docs/json/`).
protocol CommandReport: Encodable {
  /// Writes the data as text to standard output.
  func write(to out: Output)
  /// The data as text lines (what ``write(to:)`` writes), for the pager.
  func textLines(_ out: Output) -> [String]
  /// How the command ended.
  var outcome: CommandOutcome { get }
  /// Warnings about the data, printed to standard error after it.
  var warnings: [String] { get }
  /// Notes that follow the data (what to do next), printed to standard error.
  var notes: [String] { get }
  /// Whether the data holds secrets on purpose (`dump --with-keys`): they are
  /// written whole, not masked.
  var revealsSecrets: Bool { get }
}

extension CommandReport {
  var outcome: CommandOutcome { .succeeded }
  var warnings: [String] { [] }
  var notes: [String] { [] }
  var revealsSecrets: Bool { false }
  func textLines(_ out: Output) -> [String] { [] }
}

/// A report made of a JSON shape and the text lines that show it.
///
/// The text is made only when it is shown, so `--json` never pays for it.
struct Report<Data: Encodable>: CommandReport {
  /// The report's JSON fields.
  let data: Data
  /// The text for standard output.
  let text: (Output) -> [String]
  /// How the command ended.
  var outcome: CommandOutcome = .succeeded
  /// Warnings about the data.
  var warnings: [String] = []
  /// Notes that follow the data.
  var notes: [String] = []
  /// Whether the data holds secrets on purpose.
  var revealsSecrets = false

  init(
    _ data: Data, outcome: CommandOutcome = .succeeded, warnings: [String] = [],
    notes: [String] = [], text: @escaping (Output) -> [String] = { _ in [] }
  ) {
    self.data = data
    self.outcome = outcome
    self.warnings = warnings
    self.notes = notes
    self.text = text
  }

  func textLines(_ out: Output) -> [String] { text(out) }

  func write(to out: Output) {
    for (number, line) in text(out).enumerated() {
      // A million-line listing stops at Ctrl-C, not at its end.
      if number % 256 == 255, out.stopRequested() {
        out.errorLine("(the rest was cut off by Ctrl-C)")
        return
      }
      out.line(line, masking: !revealsSecrets)
    }
  }

  func encode(to encoder: any Encoder) throws {
    try data.encode(to: encoder)
  }
}

/// The report of a command that has no data to show: its confirmation (if any)
/// went to standard error as it happened.
struct EmptyData: Encodable {}

extension Report where Data == EmptyData {
  /// Nothing to show.
  static var none: Report<EmptyData> { Report(EmptyData()) }
}

/// The report of a text command (`help`, `dump`, `explain`, `history`): its text,
/// wrapped as `{"text": …}` in JSON.
struct TextData: Encodable {
  /// The text, lines joined with newlines.
  let text: String
}

extension Report where Data == TextData {
  /// Text lines, shown as they are.
  static func text(_ lines: [String]) -> Report<TextData> {
    Report(TextData(text: lines.joined(separator: "\n"))) { _ in lines }
  }
}
