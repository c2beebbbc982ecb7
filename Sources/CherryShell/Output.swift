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

/// The shell's writer: lines to a sink, with colour only when asked for
/// (a terminal, no `NO_COLOR`, no `--no-color`; the executable decides).
public final class Output {
  /// The sink written to.
  public let sink: any OutputSink
  /// Whether ANSI colours are used.
  public let color: Bool

  /// Creates an output.
  ///
  /// - Parameters:
  ///   - sink: Where the text goes.
  ///   - color: Whether to use ANSI colours.
  public init(sink: any OutputSink, color: Bool) {
    self.sink = sink
    self.color = color
  }

  /// Writes one line to standard output.
  func line(_ text: String) {
    sink.write(text + "\n", to: .standardOutput)
  }

  /// Writes text to standard output as is.
  func text(_ text: String) {
    sink.write(text, to: .standardOutput)
  }

  /// Writes one line to standard error.
  func errorLine(_ text: String) {
    sink.write(text + "\n", to: .standardError)
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
    case bold = "1"
    case boldRed = "1;31"
  }
}
