/// Runs an operation under a total time limit (the test's `--timeout`, DESIGN §1.4).
///
/// AsyncHTTPClient's deadline stops at the response head; this one also covers the
/// body, so a stalled stream fails in time.
///
/// - Parameters:
///   - seconds: The limit.
///   - operation: The work; it is cancelled when the limit passes.
/// - Returns: The operation's result.
/// - Throws: ``TotalTimeoutError`` when the limit passes first, else the operation's error.
func withTotalTimeout<T: Sendable>(
  _ seconds: Double, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
      throw TotalTimeoutError()
    }
    defer { group.cancelAll() }
    guard let result = try await group.next() else { throw TotalTimeoutError() }
    return result
  }
}
