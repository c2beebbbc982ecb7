import Foundation

/// Runs blocking work on a thread of its own, off Swift's cooperative pool.
///
/// A test whose child process or HTTP call talks to a server running inside the
/// test process (a `DemoServer`) must not block a pool thread while it waits: the
/// server's handlers run on that pool, which has only as many threads as cores
/// (two here), so the wait can starve the very server it is waiting for.
public enum OffPool {
  /// Runs `work` on a new thread and resumes with its result.
  ///
  /// - Parameter work: The blocking work.
  /// - Returns: What `work` returned.
  /// - Throws: What `work` threw.
  public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws
    -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try work() }) }
      thread.start()
    }
  }
}

extension ProcessRunner {
  /// Runs a program like ``run(_:_:environment:stdin:currentDirectory:deadline:)``,
  /// waiting for it off the cooperative pool (see ``OffPool``).
  ///
  /// - Parameters:
  ///   - executable: The program's absolute path.
  ///   - arguments: Its arguments.
  ///   - environment: As for ``run(_:_:environment:stdin:currentDirectory:deadline:)``.
  ///   - stdin: Text for standard input; `nil` gives the null device.
  ///   - currentDirectory: The working directory, or `nil` for the current one.
  ///   - deadline: Seconds after which the child is killed.
  /// - Returns: The exit status and the collected output.
  /// - Throws: ``ProcessRunnerError`` when the program cannot be started.
  public static func runDetached(
    _ executable: String, _ arguments: [String], environment: [String: String?] = [:],
    stdin: String? = nil, currentDirectory: String? = nil, deadline: Double = 60
  ) async throws -> ProcessResult {
    try await OffPool.run {
      try run(
        executable, arguments, environment: environment, stdin: stdin,
        currentDirectory: currentDirectory, deadline: deadline)
    }
  }
}
