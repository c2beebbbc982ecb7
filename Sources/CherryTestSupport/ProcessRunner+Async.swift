import Foundation

extension ProcessRunner {
  /// Runs a program on a thread of its own and waits for it without holding a
  /// thread of Swift's cooperative pool.
  ///
  /// Use this from async tests whose child talks to a server running inside the
  /// test process (a `DemoServer`): that server's handlers run on the cooperative
  /// pool, which has only as many threads as cores (two here), so a blocking wait
  /// on a pool thread can starve the very server the child is waiting for.
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
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread {
        continuation.resume(
          with: Result {
            try run(
              executable, arguments, environment: environment, stdin: stdin,
              currentDirectory: currentDirectory, deadline: deadline)
          })
      }
      thread.start()
    }
  }
}
