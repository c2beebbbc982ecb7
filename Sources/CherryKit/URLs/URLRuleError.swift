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

  // MARK: Hosts and ports (issue 8)
  /// A browser and cherry would read the host differently, or it is not a host cherry
  /// can connect to as written: a backslash, a second `@`, a percent-encoded,
  /// non-ASCII or oddly written numeric host (`0x7f000001`), a bad IPv6 literal.
  /// `what` says what is wrong (secrets masked), `fix` how to write it.
  case ambiguousHost(what: String, fix: String)
  /// The port is 0 or above 65535; `port` is as typed.
  case portOutOfRange(entered: String, port: String)
  /// An `http:` or `https:` URL without its two slashes (`http:/h/`); `fix` is the
  /// same URL with them.
  case missingSlashes(entered: String, fix: String)

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
    // Hosts and ports (issue 8)
    case .ambiguousHost(let what, let fix):
      return "\(KeyMask.maskLine(what))\n\(KeyMask.maskLine(fix))"
    case .portOutOfRange(let entered, let port):
      return "the port \(port) in \(URLSecrets.masked(entered)) is outside 1–65535\n"
        + "give the port the server listens on, or leave it out for the scheme's default"
    case .missingSlashes(let entered, let fix):
      return "\(URLSecrets.masked(entered)) is missing the two slashes after its"
        + " scheme\nwrite it as \(URLSecrets.masked(fix))"
    }
  }
}
