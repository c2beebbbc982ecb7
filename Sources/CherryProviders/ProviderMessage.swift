import CherryKit
import FoundationEssentials

/// The provider's own words from an error body: `error.message`, `message`, an
/// `error` string or `detail` (notes/cherry-studio-behaviour.md §5.1), and a code.
///
/// The text is kept as it came (up to the error body's cap): it is masked and cut to
/// one line only when shown (``display(_:secrets:)``), so a secret it echoes is masked
/// whole, never cut first.
struct ProviderMessage: Equatable, Sendable {
  /// The message as it came, trimmed; `nil` when the body has none.
  var text: String?
  /// The machine code (`error.code`, `error.type`, `error.status`), when there is one.
  var code: String?

  /// The longest message kept; longer ones are cut with an ellipsis.
  static let maxLength = 300

  /// Reads the message from an error body.
  ///
  /// - Parameter body: The bytes of the error body (already capped).
  /// - Returns: The message and code found, each `nil` when absent.
  static func extract(from body: [UInt8]) -> ProviderMessage {
    guard !body.isEmpty else { return ProviderMessage(text: nil, code: nil) }
    if let json = JSONValue.parse(body) {
      return extract(json: json)
    }
    let text = String(decoding: body, as: UTF8.self).trimmingWhitespace
    // An HTML error page says nothing useful in one line.
    if text.hasPrefix("<") { return ProviderMessage(text: nil, code: nil) }
    return ProviderMessage(text: text, code: nil)
  }

  /// Reads the message from a parsed error body or stream error event.
  ///
  /// - Parameter json: The parsed body.
  /// - Returns: The message and code found.
  static func extract(json: JSONValue) -> ProviderMessage {
    // Gemini sometimes wraps its error in a one-element array.
    if let first = json.array?.first { return extract(json: first) }
    var text: String?
    var code: String?
    if let error = json["error"] {
      if let string = error.string {
        text = string
      } else {
        text = error["message"]?.string ?? error["msg"]?.string
        code = codeString(error["code"]) ?? error["status"]?.string ?? error["type"]?.string
        if let reason = error["details"]?.array?.first?["reason"]?.string { code = reason }
      }
    }
    if text == nil {
      text = json["message"]?.string ?? json["detail"]?.string ?? json["msg"]?.string
    }
    if code == nil { code = codeString(json["code"]) ?? json["type"]?.string }
    return ProviderMessage(text: text?.trimmingWhitespace, code: code)
  }

  /// A code that may be a string or a number.
  private static func codeString(_ value: JSONValue?) -> String? {
    if let string = value?.string { return string }
    if let number = value?.number { return String(Int(number)) }
    return nil
  }

  /// A provider's text as shown: the secrets masked by value, then key-looking words
  /// by shape, and only then made one line of at most ``maxLength`` characters.
  ///
  /// - Parameters:
  ///   - text: The text as it came.
  ///   - secrets: The secrets to mask.
  ///   - maxLength: The longest line kept; longer ones end with an ellipsis.
  /// - Returns: One safe line.
  static func display(_ text: String, secrets: RequestSecrets, maxLength: Int = maxLength) -> String
  {
    let masked = KeyMask.maskLine(secrets.mask(text))
    var line = String(masked.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingWhitespace
    if line.count > maxLength {
      line = String(line.prefix(maxLength)) + "…"
    }
    return line
  }
}
