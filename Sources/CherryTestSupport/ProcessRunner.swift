import CherrySystem
import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
  /// The exit status, or 128 + the signal number when a signal ended it.
  public var status: Int32
  /// Everything it wrote to standard output, as UTF-8.
  public var stdout: String
  /// Everything it wrote to standard error, as UTF-8.
  public var stderr: String
}

/// Runs an executable to completion with given arguments, environment and input.
///
/// It uses `posix_spawn`, `poll` and a blocking `waitpid` on the calling thread,
/// not Foundation's `Process`: `Process.waitUntilExit` was seen to wait forever on
/// this 2-core machine when the cooperative pool's threads were all inside it.
/// The child starts with every signal unblocked and at its default (the test
/// runner's threads block some, and a child would inherit that mask). A deadline
/// kills a child that hangs, so a broken test fails instead of stalling the run.
public enum ProcessRunner {
  /// Runs a program and waits for it.
  ///
  /// - Parameters:
  ///   - executable: The program's absolute path.
  ///   - arguments: Its arguments.
  ///   - environment: Variables to set on top of this process's environment, less
  ///     `CHERRY_HOME`, `CHERRY_RC` and `XDG_CONFIG_HOME`, plus `NO_COLOR=1`; a
  ///     `nil` value removes a variable.
  ///   - stdin: Text for standard input; `nil` gives the null device.
  ///   - currentDirectory: The working directory, or `nil` for the current one.
  ///   - deadline: Seconds after which the child is killed.
  /// - Returns: The exit status and the collected output.
  /// - Throws: ``ProcessRunnerError`` when the program cannot be started.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String?] = [:],
    stdin: String? = nil, currentDirectory: String? = nil, deadline: Double = 60
  ) throws -> ProcessResult {
    var env = ProcessInfo.processInfo.environment
    for name in ["CHERRY_HOME", "CHERRY_RC", "XDG_CONFIG_HOME"] { env[name] = nil }
    env["NO_COLOR"] = "1"
    for (name, value) in environment { env[name] = value }

    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    var inPipe: [Int32] = [-1, -1]
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw ProcessRunnerError("pipe") }
    if stdin != nil, pipe(&inPipe) != 0 { throw ProcessRunnerError("pipe") }

    // Swift's Glibc module lacks posix_spawn_file_actions_addchdir_np: `env -C`
    // changes the directory and then execs the program itself.
    let program = currentDirectory == nil ? executable : "/usr/bin/env"
    let words =
      currentDirectory.map { ["-C", $0, executable] + arguments } ?? arguments
    let pid: pid_t
    do {
      pid = try ChildSpawn.start(
        program, words, environment: env,
        stdin: stdin == nil ? .null : .descriptor(inPipe[0]), stdout: .descriptor(outPipe[1]),
        stderr: .descriptor(errPipe[1]),
        closing: [outPipe[0], errPipe[0]] + (stdin == nil ? [] : [inPipe[1]]))
    } catch {
      for fd in outPipe + errPipe { close(fd) }
      if stdin != nil { for fd in inPipe { close(fd) } }
      throw error
    }
    close(outPipe[1])
    close(errPipe[1])
    if stdin != nil { close(inPipe[0]) }

    let (out, err) = pump(
      input: stdin.map { Array($0.utf8) }, inFD: stdin != nil ? inPipe[1] : -1,
      outFD: outPipe[0], errFD: errPipe[0], pid: pid, deadline: deadline)

    let exitStatus = ChildSpawn.wait(pid)
    return ProcessResult(
      status: exitStatus, stdout: String(decoding: out, as: UTF8.self),
      stderr: String(decoding: err, as: UTF8.self))
  }

  /// Feeds standard input and drains both outputs until they close, killing the
  /// child at the deadline.
  private static func pump(
    input: [UInt8]?, inFD: Int32, outFD: Int32, errFD: Int32, pid: pid_t, deadline: Double
  ) -> ([UInt8], [UInt8]) {
    var out: [UInt8] = []
    var err: [UInt8] = []
    var written = 0
    var inOpen = inFD >= 0
    var outOpen = true
    var errOpen = true
    if inOpen { _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK) }
    if inOpen, (input ?? []).isEmpty {
      close(inFD)
      inOpen = false
    }
    let end = Date().addingTimeInterval(deadline)
    var killed = false
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while outOpen || errOpen {
      var fds: [pollfd] = []
      if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
      if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
      if inOpen { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
      let remaining = end.timeIntervalSinceNow
      if remaining <= 0, !killed {
        kill(pid, SIGKILL)
        killed = true
      }
      let ready = poll(&fds, nfds_t(fds.count), killed ? 1_000 : Int32(min(remaining, 1) * 1_000))
      if ready < 0, errno != EINTR { break }
      for entry in fds where entry.revents != 0 {
        if entry.fd == inFD, let input {
          let count = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
          if count > 0 { written += count }
          if count < 0, errno != EAGAIN, errno != EINTR || written >= input.count {
            close(inFD)
            inOpen = false
          } else if written >= input.count {
            close(inFD)
            inOpen = false
          }
          continue
        }
        let result = buffer.withUnsafeMutableBytes { bytes in
          Result { () throws(SystemError) in try SystemCall.read(entry.fd, into: bytes) }
        }
        switch result {
        case .success(let count) where count > 0:
          if entry.fd == outFD {
            out.append(contentsOf: buffer[..<count])
          } else {
            err.append(contentsOf: buffer[..<count])
          }
        case .failure(let error) where error.code == EAGAIN:
          continue  // the descriptor is non-blocking: nothing to read yet
        default:
          close(entry.fd)
          if entry.fd == outFD { outOpen = false } else { errOpen = false }
        }
      }
    }
    if inOpen { close(inFD) }
    return (out, err)
  }
}

/// A child process could not be started or waited for.
public struct ProcessRunnerError: Error, CustomStringConvertible {
  /// The failed call and the system's reason.
  public var description: String

  /// Describes a failed system call.
  ///
  /// - Parameters:
  ///   - call: What was called.
  ///   - code: The `errno` value; `nil` reads the current one.
  public init(_ call: String, code: Int32? = nil) {
    description = "\(call): \(String(cString: strerror(code ?? errno)))"
  }
}
