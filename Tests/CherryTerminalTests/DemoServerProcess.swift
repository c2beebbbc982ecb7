import CherryTestSupport
import Foundation

/// A `cherry-demo` server running in the background for one test, killed at the end.
///
/// Started with ``ChildSpawn`` (signals unblocked and at their default); its
/// standard output stays open on a pipe until ``stop()``, so a late
/// line never meets a closed pipe. Stopped with SIGKILL: a child of the test runner
/// may ignore SIGTERM.
final class DemoServerProcess {
  /// The port printed on the first line (`port <N>`).
  let port: Int
  private let pid: pid_t
  private let output: Int32
  private var stopped = false

  /// Starts the built `cherry-demo` and reads its port.
  ///
  /// - Parameters:
  ///   - arguments: Its arguments, e.g. `["--fault", "stall"]`.
  ///   - timeout: How long to wait for the `port <N>` line, in seconds.
  /// - Throws: ``TerminalSession/HarnessError`` when it cannot start or prints no port.
  init(arguments: [String], timeout: Double = 20) throws {
    guard let path = BuiltBinary.existing("cherry-demo") else {
      throw TerminalSession.HarnessError(description: "no built cherry-demo; set CHERRY_BIN_DIR")
    }
    var pipe: [Int32] = [-1, -1]
    guard Glibc.pipe(&pipe) == 0 else { throw Self.error("pipe") }

    let child: pid_t
    do {
      child = try ChildSpawn.start(
        path, arguments, environment: ProcessInfo.processInfo.environment,
        stdout: .descriptor(pipe[1]), closing: [pipe[0]])
    } catch {
      close(pipe[0])
      close(pipe[1])
      throw TerminalSession.HarnessError(description: "\(error)")
    }
    close(pipe[1])
    pid = child
    output = pipe[0]

    guard let line = Self.firstLine(of: output, timeout: timeout), line.hasPrefix("port "),
      let port = Int(line.dropFirst("port ".count))
    else {
      Self.kill(pid)
      close(output)
      throw TerminalSession.HarnessError(description: "cherry-demo printed no `port <N>` line")
    }
    self.port = port
  }

  deinit {
    stop()
  }

  /// Kills the server and reaps it.
  func stop() {
    guard !stopped else { return }
    stopped = true
    Self.kill(pid)
    close(output)
  }

  private static func kill(_ pid: pid_t) {
    ChildSpawn.kill(pid)
  }

  /// Reads up to the first newline, polling with a deadline.
  private static func firstLine(of fd: Int32, timeout: Double) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1)
    while !bytes.contains(10) {
      let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
      guard left > 0 else { return nil }
      var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, left)
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else { return nil }
      // One byte at a time: what follows the first line stays in the pipe.
      let count = read(fd, &buffer, 1)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return nil }
      bytes.append(buffer[0])
    }
    return String(decoding: bytes.dropLast(), as: UTF8.self)
  }

  private static func error(_ call: String, code: Int32 = errno) -> any Error {
    TerminalSession.HarnessError(description: "\(call): \(String(cString: strerror(code)))")
  }
}
