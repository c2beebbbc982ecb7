import Foundation

/// Waits for a condition by polling it until a deadline, instead of sleeping a
/// fixed time (the project never sleeps to wait in tests).
///
/// The one poll helper of the test suites: synchronous code (a test waiting on a
/// child process) uses the first form, async code (a test waiting on a server in
/// its own process, or on tmux) the second, which never blocks a thread of the
/// concurrency pool that such a server may need to answer.
public enum Polling {
  /// Polls `condition` until it holds or time runs out.
  ///
  /// - Parameters:
  ///   - seconds: The deadline.
  ///   - interval: The wait between two checks; raise it for costly checks.
  ///   - condition: The check.
  /// - Returns: Whether the condition held before the deadline (it is checked once
  ///   more at the deadline).
  /// - Throws: What `condition` throws, at once.
  @discardableResult
  @_disfavoredOverload  // in async code, the suspending form below
  public static func until(
    seconds: Double = 10, every interval: Duration = .milliseconds(5),
    _ condition: () throws -> Bool
  ) rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(seconds)
    while clock.now < deadline {
      if try condition() { return true }
      let (wholeSeconds, attoseconds) = interval.components
      usleep(UInt32(wholeSeconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }
    return try condition()
  }

  /// Polls `condition` until it holds or time runs out, suspending between checks.
  ///
  /// - Parameters:
  ///   - seconds: The deadline.
  ///   - interval: The wait between two checks; raise it for costly checks.
  ///   - condition: The check.
  /// - Returns: Whether the condition held before the deadline (it is checked once
  ///   more at the deadline).
  /// - Throws: What `condition` throws, or `CancellationError`, at once.
  @discardableResult
  public static func until(
    seconds: Double = 10, every interval: Duration = .milliseconds(5),
    _ condition: () async throws -> Bool
  ) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(seconds)
    while clock.now < deadline {
      if try await condition() { return true }
      try? await Task.sleep(for: interval)
    }
    return try await condition()
  }
}
