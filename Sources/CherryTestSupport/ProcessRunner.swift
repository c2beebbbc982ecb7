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

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if stdin != nil {
      posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
      posix_spawn_file_actions_addclose(&actions, inPipe[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in [outPipe[0], errPipe[0]] { posix_spawn_file_actions_addclose(&actions, fd) }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    // Swift's Glibc module lacks posix_spawn_file_actions_addchdir_np: `env -C`
    // changes the directory and then execs the program itself.
    let program = currentDirectory == nil ? executable : "/usr/bin/env"
    let words =
      currentDirectory.map { ["/usr/bin/env", "-C", $0, executable] + arguments }
      ?? [executable] + arguments
    let argv = words.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    close(outPipe[1])
    close(errPipe[1])
    if stdin != nil { close(inPipe[0]) }
    guard spawned == 0 else {
      close(outPipe[0])
      close(errPipe[0])
      if stdin != nil { close(inPipe[1]) }
      throw ProcessRunnerError("posix_spawn \(executable)", code: spawned)
    }

    let (out, err) = pump(
      input: stdin.map { Array($0.utf8) }, inFD: stdin != nil ? inPipe[1] : -1,
      outFD: outPipe[0], errFD: errPipe[0], pid: pid, deadline: deadline)

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw ProcessRunnerError("waitpid") }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros that Swift does not import.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
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
        let count = read(entry.fd, &buffer, buffer.count)
        if count > 0 {
          if entry.fd == outFD {
            out.append(contentsOf: buffer[..<count])
          } else {
            err.append(contentsOf: buffer[..<count])
          }
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
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

  init(_ call: String, code: Int32 = errno) {
    description = "\(call): \(String(cString: strerror(code)))"
  }
}
