import Foundation

/// Runs a program to completion with posix_spawn and a blocking waitpid.
///
/// Not Foundation's `Process`: its `waitUntilExit` can wait forever when every
/// thread of the small cooperative pool is inside it (seen on 2 cores). And the
/// child starts with every signal unblocked and at its default: the test runner's
/// threads block signals, and tmux would pass that mask on to cherry, where a
/// blocked SIGINT would make Ctrl-C do nothing.
enum ChildProcess {
  /// Runs `path` with `arguments` and returns its status and combined output.
  ///
  /// - Parameters:
  ///   - path: The executable.
  ///   - arguments: Its arguments (without argv[0]).
  ///   - environment: Its environment.
  ///   - capture: Whether to collect stdout and stderr; otherwise they go to
  ///     /dev/null (needed when the child leaves a daemon holding them open).
  /// - Returns: The exit status (128 + signal when killed) and the output.
  /// - Throws: ``TerminalSession/HarnessError`` when the program cannot be started.
  static func run(
    _ path: String, _ arguments: [String], environment: [String: String], capture: Bool
  ) throws -> (status: Int32, output: String) {
    var pipe: [Int32] = [-1, -1]
    if capture, Glibc.pipe(&pipe) != 0 { throw posixError("pipe") }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if capture {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
      posix_spawn_file_actions_addclose(&actions, pipe[0])
      posix_spawn_file_actions_addclose(&actions, pipe[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    if capture { close(pipe[1]) }
    guard spawned == 0 else {
      if capture { close(pipe[0]) }
      throw posixError("posix_spawn \(path)", code: spawned)
    }

    var output = Data()
    if capture {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = read(pipe[0], &buffer, buffer.count)
        if count > 0 {
          output.append(contentsOf: buffer[..<count])
        } else if count < 0, errno == EINTR {
          continue
        } else {
          break
        }
      }
      close(pipe[0])
    }

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { throw posixError("waitpid") }
    }
    // WIFEXITED / WEXITSTATUS / WTERMSIG, which are macros Swift does not import.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (exitStatus, String(decoding: output, as: UTF8.self))
  }

  /// An error naming the failed call and errno's text.
  private static func posixError(_ call: String, code: Int32 = errno) -> any Error {
    TerminalSession.HarnessError(description: "\(call): \(String(cString: strerror(code)))")
  }
}
