import CherryKit

/// A number of seconds as users type it after `timeout` and `--timeout`:
/// `30`, `2.5` or `30s`.
enum Seconds {
  /// Reads a positive number of seconds, with an optional trailing `s`.
  ///
  /// - Parameter text: The word as typed.
  /// - Returns: The seconds, or `nil` when the word is not a usable timeout
  ///   (``SettingRules/isUsableTimeout(_:)``, the rule the store loads by too).
  static func parse(_ text: String) -> Double? {
    let number = text.hasSuffix("s") ? String(text.dropLast()) : text
    guard let seconds = Double(number), SettingRules.isUsableTimeout(seconds) else { return nil }
    return seconds
  }
}
