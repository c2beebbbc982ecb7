public import CherryKit
import CherrySystem
import Glibc

/// One of the two streams a command writes to.
public enum OutputStream: Sendable {
  /// Results: tables, settings pages, JSON.
  case standardOutput
  /// Errors, warnings, the spinner.
  case standardError
}

/// Where the shell's text goes: the process's stdout/stderr, or a buffer in a test.
public protocol OutputSink: AnyObject {
  /// Writes text to one stream.
  ///
  /// - Parameters:
  ///   - text: The text, with its own newlines.
  ///   - stream: The stream to write to.
  func write(_ text: String, to stream: OutputStream)
  /// Writes out anything buffered (before a prompt, before reading a secret, at exit).
  func flush()
}

/// The process's stdout and stderr, through `write(2)`.
///
/// Standard output is buffered and flushed at 64 KiB, before anything is written
/// to standard error (so the two stay in order on a terminal), and on
/// ``flush()``; a 10,000-line replay then costs a handful of system calls.
public final class StandardOutputSink: OutputSink {
  private var buffer: [UInt8] = []
  private let lineBuffered: Bool

  /// Creates the sink.
  ///
  /// - Parameter lineBuffered: Flush standard output after every write (at the
  ///   prompt, so output appears as it is produced, e.g. a streamed answer).
  public init(lineBuffered: Bool) {
    self.lineBuffered = lineBuffered
    buffer.reserveCapacity(1 << 16)
  }

  deinit { flush() }

  /// Writes text to one stream.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - stream: The stream.
  public func write(_ text: String, to stream: OutputStream) {
    switch stream {
    case .standardOutput:
      buffer.append(contentsOf: text.utf8)
      if lineBuffered || buffer.count >= 1 << 16 { flush() }
    case .standardError:
      flush()
      var bytes = Array(text.utf8)
      Self.writeAll(&bytes, to: 2)
    }
  }

  /// Writes out buffered standard output.
  public func flush() {
    guard !buffer.isEmpty else { return }
    Self.writeAll(&buffer, to: 1)
    buffer.removeAll(keepingCapacity: true)
  }

  private static func writeAll(_ bytes: inout [UInt8], to fd: Int32) {
    // A closed pipe: nothing sensible left to do with the text.
    try? SystemCall.writeAll(fd, bytes)
  }
}

/// A sink that keeps everything, for tests and transcripts: each stream apart,
/// and both interleaved in the order written.
public final class CapturingOutputSink: OutputSink {
  /// What was written to standard output.
  public private(set) var standardOutput = ""
  /// What was written to standard error.
  public private(set) var standardError = ""
  /// Both streams, in the order written.
  public private(set) var combined = ""

  /// Creates an empty sink.
  public init() {}

  /// Keeps the text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - stream: The stream.
  public func write(_ text: String, to stream: OutputStream) {
    switch stream {
    case .standardOutput: standardOutput += text
    case .standardError: standardError += text
    }
    combined += text
  }

  /// Does nothing: nothing is buffered.
  public func flush() {}
}

/// The shell's writer: data to standard output, everything else to standard
/// error (DESIGN §2.1), with colour only when asked for (a terminal, no
/// `NO_COLOR`, no `--no-color`; `CLICOLOR_FORCE=1` forces it; the executable
/// decides).
public final class Output {
  /// The sink written to.
  public let sink: any OutputSink
  /// Whether ANSI colours are used.
  public let color: Bool
  /// The width text wraps to (help, long messages): the terminal's, or 80.
  public let width: Int
  /// The terminal's height: longer output goes through the pager at the prompt.
  public let height: Int
  /// The secrets to mask in everything written (DESIGN §1.1: every output path);
  /// the shell sets it.
  public var secrets: SecretRegistry?
  /// Whether a long output should stop now (Ctrl-C at the prompt); the shell sets it.
  var stopRequested: () -> Bool = { false }

  /// Creates an output.
  ///
  /// - Parameters:
  ///   - sink: Where the text goes.
  ///   - color: Whether to use ANSI colours.
  ///   - width: The columns to wrap long text to.
  ///   - height: The rows of the terminal, for the pager.
  public init(sink: any OutputSink, color: Bool, width: Int = 80, height: Int = 24) {
    self.sink = sink
    self.color = color
    self.width = max(20, width)
    self.height = max(2, height)
  }

  /// Whether to colour: never with `--no-color` or `NO_COLOR`; always with
  /// `CLICOLOR_FORCE` set (and not `0`); otherwise only on a terminal.
  ///
  /// - Parameters:
  ///   - noColorFlag: `--no-color` was given.
  ///   - environment: The environment.
  ///   - isTerminal: Whether the output is a terminal.
  /// - Returns: Whether to use ANSI colours.
  public static func wantsColour(
    noColorFlag: Bool, environment: [String: String], isTerminal: Bool
  ) -> Bool {
    if noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty { return false }
    if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
    return isTerminal
  }

  /// Writes one line of data to standard output.
  func line(_ text: String, masking: Bool = true) {
    sink.write((masking ? clean(text) : Self.safe(text)) + "\n", to: .standardOutput)
  }

  /// Writes data to standard output as is (a streamed answer).
  func text(_ text: String) {
    sink.write(clean(text), to: .standardOutput)
  }

  /// Writes one line to standard error (notes, confirmations, errors).
  func errorLine(_ text: String) {
    sink.write(clean(text) + "\n", to: .standardError)
  }

  /// Text as it may be written: secrets masked, controls made visible.
  func cleaned(_ text: String) -> String { clean(text) }

  /// Text as it may be written: secrets masked, controls made visible.
  private func clean(_ text: String) -> String {
    Self.safe(secrets?.mask(text) ?? text)
  }

  /// The last line of defence against terminal control from outside text.
  ///
  /// Every control or bidi-override character is made visible (``VisibleText``),
  /// except the colour codes ``paint(_:_:)`` writes (`ESC [ digits ; … m`).
  /// Renderers escape provider text themselves, one line at a time; this catches
  /// the rest.
  static func safe(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.contains(where: { VisibleText.isUnsafe($0, layout: .text) }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\u{1B}", let end = colourCodeEnd(scalars, from: index) {
        result.append(contentsOf: scalars[index..<end])
        index = end
        continue
      }
      if VisibleText.isUnsafe(scalar, layout: .text) {
        result.append(contentsOf: VisibleText.escaped(String(scalar)).unicodeScalars)
      } else {
        result.append(scalar)
      }
      index = scalars.index(after: index)
    }
    return String(result)
  }

  /// Where an `ESC [ digits ; … m` colour code starting at `start` ends, or `nil`
  /// when the escape is anything else.
  private static func colourCodeEnd(
    _ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index
  ) -> String.UnicodeScalarView.Index? {
    var index = scalars.index(after: start)
    guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
    index = scalars.index(after: index)
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "m" { return scalars.index(after: index) }
      guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
      index = scalars.index(after: index)
    }
    return nil
  }

  /// Wraps text in a colour when colours are on.
  func paint(_ text: String, _ colour: Colour) -> String {
    color ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// The ANSI colours the shell uses.
  enum Colour: String {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case dim = "2"
    case italic = "3"
    case bold = "1"
    case boldRed = "1;31"
  }
}
