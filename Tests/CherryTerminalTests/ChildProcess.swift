import CherryTestSupport
import Foundation

/// Runs a program (tmux) to completion, its output combined or thrown away.
///
/// Started through ``ChildSpawn``: the child starts with every signal unblocked
/// and at its default, since tmux would pass the test runner's mask on to cherry,
/// where a blocked SIGINT would make Ctrl-C do nothing.
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
    guard capture else {
      let pid = try spawn(path, arguments, environment, stdout: .null, stderr: .null)
      return (ChildSpawn.wait(pid), "")
    }
    var pipe: [Int32] = [-1, -1]
    guard Glibc.pipe(&pipe) == 0 else {
      throw TerminalSession.HarnessError(description: "pipe: \(String(cString: strerror(errno)))")
    }
    let pid: pid_t
    do {
      pid = try spawn(
        path, arguments, environment, stdout: .descriptor(pipe[1]), stderr: .standardOutput,
        closing: [pipe[0]])
    } catch {
      close(pipe[0])
      close(pipe[1])
      throw error
    }
    close(pipe[1])
    var output = Data()
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
    return (ChildSpawn.wait(pid), String(decoding: output, as: UTF8.self))
  }

  private static func spawn(
    _ path: String, _ arguments: [String], _ environment: [String: String],
    stdout: ChildSpawn.Stream, stderr: ChildSpawn.Stream, closing: [Int32] = []
  ) throws -> pid_t {
    do {
      return try ChildSpawn.start(
        path, arguments, environment: environment, stdout: stdout, stderr: stderr,
        closing: closing)
    } catch {
      throw TerminalSession.HarnessError(description: "\(error)")
    }
  }
}
