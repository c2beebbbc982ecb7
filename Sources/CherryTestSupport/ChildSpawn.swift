import Foundation

/// Starts child processes for tests with `posix_spawn`, with every signal
/// unblocked and at its default.
///
/// The test runner's threads block some signals, and a child inherits that mask:
/// started naively, `cherry` under tmux ignored Ctrl-C and helper servers
/// ignored SIGTERM. Foundation's `Process` is avoided too (its
/// `waitUntilExit` was seen to hang on this 2-core machine).
public enum ChildSpawn {
  /// Where one of the child's standard streams goes.
  public enum Stream: Sendable {
    /// The null device.
    case null
    /// A file, created or truncated, mode 0600.
    case file(String)
    /// An open descriptor of this process (a pipe's end), closed in the child
    /// once it is in place.
    case descriptor(Int32)
    /// Wherever standard output goes (for standard error only).
    case standardOutput
  }

  /// Starts a program and returns at once.
  ///
  /// - Parameters:
  ///   - executable: The program's absolute path.
  ///   - arguments: Its arguments, without the program itself.
  ///   - environment: Its whole environment.
  ///   - stdin: Where standard input comes from.
  ///   - stdout: Where standard output goes.
  ///   - stderr: Where standard error goes.
  ///   - closing: Further descriptors to close in the child (the parent's pipe ends).
  /// - Returns: The child's process id.
  /// - Throws: ``ProcessRunnerError`` when it cannot be started.
  public static func start(
    _ executable: String, _ arguments: [String], environment: [String: String],
    stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null, closing: [Int32] = []
  ) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var used: Set<Int32> = []
    for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
      switch stream {
      case .null:
        posix_spawn_file_actions_addopen(
          &actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
      case .file(let path):
        posix_spawn_file_actions_addopen(
          &actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      case .descriptor(let fd):
        posix_spawn_file_actions_adddup2(&actions, fd, target)
        used.insert(fd)
      case .standardOutput:
        posix_spawn_file_actions_adddup2(&actions, 1, target)
      }
    }
    for fd in used.union(closing) where fd > 2 {
      posix_spawn_file_actions_addclose(&actions, fd)
    }

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

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard code == 0 else { throw ProcessRunnerError("posix_spawn \(executable)", code: code) }
    return pid
  }

  /// Waits for a child to end.
  ///
  /// - Parameter pid: The child.
  /// - Returns: Its exit status, or 128 + the signal that ended it.
  public static func wait(_ pid: Int32) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    // WIFEXITED / WEXITSTATUS / WTERMSIG are macros that Swift does not import.
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  /// Kills a child with SIGKILL (a child of the test runner may ignore SIGTERM)
  /// and reaps it.
  ///
  /// - Parameter pid: The child.
  public static func kill(_ pid: Int32) {
    Glibc.kill(pid, SIGKILL)
    _ = wait(pid)
  }
}
