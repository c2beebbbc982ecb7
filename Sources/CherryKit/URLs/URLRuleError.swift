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
      return "\(KeyMask.maskLine(entered)) is \(kind)"
    }
  }

  /// How to fix it: one line, or one line per alternative.
  public var fix: String {
    switch self {
    case .empty:
      return "enter the provider's root URL, e.g. url https://api.example.com"
    case .unsupportedScheme:
      return "write the URL as https://… (or http://… for a local server)"
    case .malformed:
      return "check the URL and enter it again"
    case .pastedEndpoint(let entered, let suffix, let rootFix, let exactFix):
      var lines = ["enter the root: url \(KeyMask.maskLine(rootFix))"]
      if EndpointResolver.isModelListSuffix(suffix) {
        lines.append(
          "and to list models from this exact URL: models-url \(KeyMask.maskLine(entered))")
      } else if !exactFix.isEmpty {
        lines.append("or, to use this URL exactly as it is: url \(KeyMask.maskLine(exactFix))")
      }
      return lines.joined(separator: "\n")
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
