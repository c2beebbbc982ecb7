/// Why an API URL was refused (DESIGN §1.2); nothing is stored.
public enum URLRuleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The URL is empty or only spaces.
  case empty
  /// The scheme is not `http` or `https`; the value is the scheme as typed.
  case unsupportedScheme(String)
  /// Not a usable URL; the value says what is wrong with it.
  case malformed(String)
  /// The URL is a full endpoint (it ends in `suffix`, such as `/chat/completions`)
  /// without `#`. `rootFix` is the URL to enter so that cherry builds the same
  /// endpoint, `exactFix` the same URL with `#` to use it as it is.
  case pastedEndpoint(entered: String, suffix: String, rootFix: String, exactFix: String)

  /// The message for the user: what went wrong, then the fix.
  public var description: String {
    switch self {
    case .empty:
      return "no URL given\nenter the provider's root URL, e.g. url https://api.example.com"
    case .unsupportedScheme(let scheme):
      return "the URL scheme \"\(KeyMask.maskLine(scheme))\" is not supported: "
        + "only http and https are\nwrite the URL as https://… (or http://… for a local server)"
    case .malformed(let reason):
      return "not a usable URL: \(KeyMask.maskLine(reason))"
    case .pastedEndpoint(let entered, let suffix, let rootFix, let exactFix):
      return "\(KeyMask.maskLine(entered)) is a full endpoint (it ends in \(suffix)); "
        + "cherry adds that part itself\n"
        + "enter the root: url \(KeyMask.maskLine(rootFix))\n"
        + "or, to use this URL exactly as it is: url \(KeyMask.maskLine(exactFix))"
    }
  }
}
