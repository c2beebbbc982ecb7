/// Runs many jobs with a bound on how many are in flight (DESIGN §1.4: `check`, and
/// `test` across keys), so that 3,000 keys never open 3,000 connections at once.
enum BoundedConcurrency {
  /// Runs jobs `0..<count`, at most `concurrency` at a time, handing each result to
  /// `onResult` as it arrives (in completion order, on the caller's task).
  ///
  /// - Parameters:
  ///   - count: The number of jobs.
  ///   - concurrency: The most jobs in flight (at least 1).
  ///   - job: Runs one job, given its index.
  ///   - onResult: Receives each job's index and result.
  static func run<Result: Sendable>(
    _ count: Int, concurrency: Int, _ job: @escaping @Sendable (Int) async -> Result,
    onResult: (Int, Result) -> Void
  ) async {
    await withTaskGroup(of: (Int, Result).self) { group in
      var next = 0
      func startNext() {
        guard next < count else { return }
        let index = next
        next += 1
        group.addTask { (index, await job(index)) }
      }
      for _ in 0..<max(1, concurrency) { startNext() }
      for await (index, result) in group {
        onResult(index, result)
        startNext()
      }
    }
  }
}
