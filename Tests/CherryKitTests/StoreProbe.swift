import CherrySystem
import CherryTestSupport
import Foundation

/// A running `cherry-store-probe` child (Tests/Probes/cherry-store-probe) that a test
/// talks to line by line: it waits for the probe's report lines with `poll(2)` and
/// a deadline, never with sleeps, and can kill it at a chosen moment.
final class StoreProbe {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errors = Pipe()
  private let exited = DispatchSemaphore(value: 0)
  private var pending: [UInt8] = []
  /// Every stdout line read so far.
  private(set) var lines: [String] = []

  /// The probe executable, built next to the test bundle by `swift test`.
  static var executable: String { BuiltBinary.path("cherry-store-probe") }

  /// Starts the probe with the given arguments.
  ///
  /// - Parameter arguments: FILE COMMAND [ARGUMENTS] [--wait] [--lock-timeout S].
  /// - Throws: When it cannot be started.
  init(_ arguments: [String]) throws {
    process.executableURL = URL(fileURLWithPath: Self.executable)
    process.arguments = arguments
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let exited = self.exited
    process.terminationHandler = { _ in exited.signal() }
    // A probe that died before reading its stdin must not kill the test run.
    signal(SIGPIPE, SIG_IGN)
    try process.run()
  }

  /// Reads stdout until a line starting with `prefix` comes, or the deadline passes.
  ///
  /// - Parameters:
  ///   - prefix: The start of the awaited line.
  ///   - seconds: The deadline.
  /// - Returns: The line, or `nil` when the probe ended or time ran out first.
  func line(startingWith prefix: String, within seconds: Double = 30) -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if let newline = pending.firstIndex(of: 0x0A) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        lines.append(line)
        if line.hasPrefix(prefix) { return line }
        continue
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return nil }
      var descriptor = pollfd(
        fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, Int32(min(remaining * 1000, 1000)) + 1)
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = buffer.withUnsafeMutableBytes { try? SystemCall.read(descriptor.fd, into: $0) }
      guard let count, count > 0 else { return nil }  // end of output: the probe has exited
      pending.append(contentsOf: buffer[0..<count])
    }
  }

  /// Sends one line to the probe's stdin.
  ///
  /// - Parameter text: The line, without its newline.
  func send(_ text: String) {
    input.fileHandleForWriting.write(Data((text + "\n").utf8))
  }

  /// Kills the probe at once (SIGKILL: no clean-up code of its own runs).
  func kill() {
    _ = Foundation.kill(process.processIdentifier, SIGKILL)
  }

  /// Waits for the probe to end.
  ///
  /// - Parameter seconds: The deadline; a probe still running then is killed.
  /// - Returns: The exit status (128 + the signal for a killed probe), the rest of
  ///   its stdout as lines, and its stderr.
  func finish(within seconds: Double = 60) -> (status: Int32, stdout: [String], stderr: String) {
    try? input.fileHandleForWriting.close()
    if exited.wait(timeout: .now() + seconds) == .timedOut {
      kill()
      exited.wait()
    }
    let rest = output.fileHandleForReading.readDataToEndOfFile()
    pending.append(contentsOf: rest)
    let text = String(decoding: pending, as: UTF8.self)
    pending = []
    lines += text.split(separator: "\n").map(String.init)
    let stderr = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return (status, lines, stderr)
  }

  /// Runs the probe to its end with no interaction.
  ///
  /// - Parameter arguments: FILE COMMAND [ARGUMENTS].
  /// - Returns: What ``finish(within:)`` returns.
  /// - Throws: When it cannot be started.
  static func run(_ arguments: [String]) throws -> (status: Int32, stdout: [String], stderr: String)
  {
    try StoreProbe(arguments).finish()
  }
}

/// Makes a folder that even root cannot add files to, where the system allows it:
/// a non-root user gets mode 0555; root (as in the CI container), which ignores
/// modes, gets the immutable attribute (`chattr +i`, needs CAP_LINUX_IMMUTABLE).
enum UnwritableFolder {
  /// Makes `path` unwritable.
  ///
  /// - Parameter path: An existing folder.
  /// - Returns: Whether it worked: creating a file in it now fails.
  static func make(_ path: String) -> Bool {
    if geteuid() == 0 {
      guard let chattr = chattrPath,
        (try? ProcessRunner.run(chattr, ["+i", path]).status) == 0
      else { return false }
    } else {
      chmod(path, 0o555)
    }
    let probe = path + "/.writable-check"
    if FileManager.default.createFile(atPath: probe, contents: Data()) {
      unlink(probe)
      undo(path)
      return false
    }
    return true
  }

  /// Whether this machine lets the tests make a folder unwritable (tried once on a
  /// throw-away folder).
  static let isSupported: Bool = {
    guard let folder = try? TemporaryDirectory(prefix: "cherry-unwritable") else { return false }
    defer { folder.remove() }
    guard make(folder.path) else { return false }
    undo(folder.path)
    return true
  }()

  /// Makes `path` writable again.
  ///
  /// - Parameter path: A folder given to ``make(_:)``.
  static func undo(_ path: String) {
    if geteuid() == 0, let chattr = chattrPath {
      _ = try? ProcessRunner.run(chattr, ["-i", path])
    } else {
      chmod(path, 0o755)
    }
  }

  private static var chattrPath: String? {
    ["/usr/bin/chattr", "/bin/chattr", "/sbin/chattr"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
}
