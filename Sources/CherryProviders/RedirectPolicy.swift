import CherryKit

/// Where a followed redirect goes, and how the request changes.
struct RedirectHop: Equatable, Sendable {
  /// The absolute URL of the next hop.
  var url: String
  /// The method of the next hop.
  var method: String
  /// Whether the body is dropped (the method became GET).
  var dropsBody: Bool
}

/// Which redirects cherry follows (DESIGN §1.2, issue 8): only to the same origin — the same
/// scheme, host and port — so that a key or custom header never leaves for another host and https
/// is never downgraded.
///
/// At most ``RequestDefaults/maxRedirects`` of them. Any other is reported with both URLs and the
/// fix.
enum RedirectPolicy {
  /// Decides about one redirect.
  ///
  /// - Parameters:
  ///   - hop: The request that was redirected (its URL and method).
  ///   - status: The redirect's status (301, 302, 303, 307 or 308).
  ///   - location: The `Location` header, as sent.
  ///   - redirectsSoFar: How many redirects this request already followed.
  /// - Returns: The next hop.
  /// - Throws: ``ProviderError`` of kind `redirect` for another origin, an unusable
  ///   address, or too many redirects.
  static func follow(
    from hop: RequestContext, status: Int, location: String, redirectsSoFar: Int
  ) throws(ProviderError) -> RedirectHop {
    guard let current = try? URLParts(hop.url) else {
      throw hop.error(.redirect, status: status, detail: "from an unusable URL", fix: movedFix)
    }
    let target = current.resolving(location)
    let shown = hop.masked(URLSecrets.masked(target))
    let next: URLParts
    do {
      next = try URLParts(target)
    } catch {
      throw hop.error(
        .redirect, status: status, detail: "to \(shown), which is not a usable URL",
        fix: movedFix)
    }
    guard current.isSameOrigin(as: next) else {
      throw hop.error(
        .redirect, status: status,
        detail: "to \(shown), \(difference(from: current, to: next)): the key stays with"
          + " \(current.connectTarget)",
        fix: movedFix)
    }
    guard redirectsSoFar < RequestDefaults.maxRedirects else {
      throw hop.error(
        .redirect, status: status,
        detail: "more than \(RequestDefaults.maxRedirects) redirects, the last to \(shown)",
        fix: "the provider redirects in a loop: check the URL (`url`) with the provider's"
          + " documentation")
    }
    let method: String
    switch status {
    case 303: method = hop.method == "HEAD" ? "HEAD" : "GET"
    case 301, 302: method = hop.method == "POST" ? "GET" : hop.method
    default: method = hop.method
    }
    return RedirectHop(url: target, method: method, dropsBody: method != hop.method)
  }

  /// The fix for a redirect that is not followed.
  private static let movedFix =
    "if the provider has moved there, point `url` at the new place (`url <new root>`;"
    + " `explain url` shows how the endpoints are built)"

  /// How two origins differ, in a few words.
  private static func difference(from current: URLParts, to next: URLParts) -> String {
    if current.scheme != next.scheme {
      return current.scheme == "https" ? "a downgrade from https to http" : "another scheme"
    }
    if current.host != next.host { return "another host" }
    return "another port"
  }
}
