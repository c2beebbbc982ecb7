/// Why an API URL was refused (DESIGN §1.2); nothing is stored.
///
/// Every fix it suggests leads to a working URL: a pasted model list or embeddings
/// endpoint is never offered with `#` (that would make it the chat endpoint).
public enum URLRuleError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The URL is empty or only spaces.
  case empty
  /// The scheme is not `http` or `https`; the value is the scheme as typed.
  case unsupportedScheme(String)
  /// Not a usable URL; the value says what is wrong with it.
  case malformed(String)
  /// The URL is a full endpoint (it ends in `suffix`, such as `/chat/completions`)
  /// without `#`. `rootFix` is the URL to enter so that cherry builds the same
  /// endpoint; `exactFix` the same URL with `#` to use it as it is, or empty when
  /// that would not work (a model list, embeddings, another style's operation).
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

  /// What went wrong, in one line.
  public var what: String {
    switch self {
    case .empty:
      return "no URL given"
    case .unsupportedScheme(let scheme):
      return "the URL scheme \"\(KeyMask.maskLine(scheme))\" is not supported: "
        + "only http and https are"
    case .malformed(let reason):
      return "not a usable URL: \(KeyMask.maskLine(reason))"
    case .pastedEndpoint(let entered, let suffix, _, _):
      let kind =
        EndpointResolver.isModelListSuffix(suffix)
        ? "the model-list endpoint (it ends in \(suffix)), not the API URL"
        : "a full endpoint (it ends in \(suffix)); cherry adds that part itself"
      return "\(URLSecrets.masked(entered)) is \(kind)"
    case .ambiguousHost(let what, _):
      return KeyMask.maskLine(what)
    case .portOutOfRange(let entered, let port):
      return "the port \(port) in \(URLSecrets.masked(entered)) is outside 1–65535"
    case .missingSlashes(let entered, _):
      return "\(URLSecrets.masked(entered)) is missing the two slashes after its scheme"
    }
  }

  /// How to fix it, for `url`: one line, or one line per alternative.
  public var fix: String { fix(command: "url") }

  /// How to fix it, naming the command the URL was given to (`url`, `anthropic-url`).
  ///
  /// - Parameter command: The command whose value was refused.
  /// - Returns: One line, or one line per alternative.
  public func fix(command: String) -> String {
    switch self {
    case .empty:
      return "enter the provider's root URL, e.g. \(command) https://api.example.com"
    case .unsupportedScheme:
      return "write the URL as https://… (or http://… for a local server)"
    case .malformed:
      return "check the URL and enter it again"
    case .pastedEndpoint(let entered, let suffix, let rootFix, let exactFix):
      var lines = ["enter the root: \(command) \(URLSecrets.masked(rootFix))"]
      if EndpointResolver.isModelListSuffix(suffix) {
        lines.append(
          "and to list models from this exact URL: models-url \(URLSecrets.masked(entered))")
      } else if !exactFix.isEmpty {
        lines.append(
          "or, to use this URL exactly as it is: \(command) \(URLSecrets.masked(exactFix))")
      }
      return lines.joined(separator: "\n")
    case .ambiguousHost(_, let fix):
      return KeyMask.maskLine(fix)
    case .portOutOfRange:
      return "give the port the server listens on, or leave it out for the scheme's default"
    case .missingSlashes(_, let fix):
      return "write it as \(URLSecrets.masked(fix))"
    }
  }

  /// The message for the user: ``what``, then ``fix`` on the lines after it.
  ///
  /// A malformed URL's reason often holds its own fix (`write https://…`), so its
  /// description is the one line of ``what``.
  public var description: String {
    if case .malformed = self { return what }
    return what + "\n" + fix
  }
}
