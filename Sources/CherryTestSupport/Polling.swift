import Foundation

/// Waits for a condition by polling it until a deadline, instead of sleeping a
/// fixed time (the project never sleeps to wait in tests).
public enum Polling {
  /// Polls `condition` every few milliseconds until it holds or time runs out.
  ///
  /// - Parameters:
  ///   - seconds: The deadline.
  ///   - condition: The check; it should be cheap.
  /// - Returns: Whether the condition held before the deadline.
  @discardableResult
  public static func until(seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if try condition() { return true }
      usleep(5_000)
    }
    return try condition()
  }
}
