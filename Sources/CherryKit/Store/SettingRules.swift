/// The limits on per-provider request settings (DESIGN §1.6) that both the commands
/// that set them and the store that loads them check, so that a value from the file
/// is held to the same rule as a typed one.
public enum SettingRules {
  /// The longest request timeout, in seconds: a day; longer is surely a typo, and far
  /// longer (`1e300`) cannot even be turned into a deadline.
  public static let longestTimeout: Double = 86_400

  /// Whether a timeout can be used: a finite number of seconds above 0 and at most
  /// ``longestTimeout``.
  ///
  /// - Parameter seconds: The timeout.
  /// - Returns: `true` when requests can use it.
  public static func isUsableTimeout(_ seconds: Double) -> Bool {
    seconds.isFinite && seconds > 0 && seconds <= longestTimeout
  }

  /// Whether `name` can be an HTTP header name: one or more token characters
  /// (RFC 9110 §5.6.2: ASCII letters, digits and ``!#$%&'*+-.^_`|~``).
  ///
  /// - Parameter name: The name as typed or stored.
  /// - Returns: `true` when it is a valid header name.
  public static func isHeaderName(_ name: String) -> Bool {
    !name.isEmpty
      && name.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"):
          return true
        default:
          return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
      }
  }

  /// Whether `value` can be sent as a header value: it holds no line break and no
  /// NUL, which would end the header early or inject another one.
  ///
  /// - Parameter value: The value as typed or stored.
  /// - Returns: `true` when it can be sent.
  public static func isHeaderValue(_ value: String) -> Bool {
    !value.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }
  }
}
