/// A number of seconds as users type it after `timeout` and `--timeout`:
/// `30`, `2.5` or `30s`.
enum Seconds {
  /// The longest timeout accepted, a day; longer is surely a typo.
  static let maximum: Double = 86_400

  /// Reads a positive number of seconds, with an optional trailing `s`.
  ///
  /// - Parameter text: The word as typed.
  /// - Returns: The seconds, or `nil` when the word is not a number in (0, a day].
  static func parse(_ text: String) -> Double? {
    let number = text.hasSuffix("s") ? String(text.dropLast()) : text
    guard let seconds = Double(number), seconds > 0, seconds.isFinite, seconds <= maximum else {
      return nil
    }
    return seconds
  }
}
