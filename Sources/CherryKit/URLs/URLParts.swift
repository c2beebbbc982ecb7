/// An `http` or `https` URL cut into its parts: the one URL parser of cherry (DESIGN
/// §1.2, §3), used by the URL rules when a URL is typed and by the request layer when
/// it connects.
///
/// It keeps the text exactly as typed (the rules build endpoints from it) and refuses
/// every URL whose host a browser (the WHATWG URL standard) and cherry would read
/// differently: a backslash, a second `@`, a percent-encoded, non-ASCII or oddly
/// written numeric host, an invalid IPv6 literal, or a port outside 1–65535. So the
/// host and port here are exactly where a request goes (``connectTarget``). Like a
/// browser, it finds the delimiters among code points, not characters (``URLByte``):
/// a `/` followed by a combining mark still ends the host.
public struct URLParts: Equatable, Sendable {
  /// `scheme://authority`, as typed.
  var origin: Substring
  /// The scheme, lower-cased: `http` or `https`.
  public var scheme: String
  /// The user name before `@`, as typed (percent-encoded), or `nil` when there is none.
  public var user: String?
  /// The password after `user:`, as typed (percent-encoded), or `nil` when there is none.
  public var password: String?
  /// The host cherry connects to, lower-cased, without the brackets of an IPv6 literal.
  public var host: String
  /// Whether the host is an IPv6 literal.
  public var isIPv6: Bool
  /// The port typed after the host, or `nil` for the scheme's default.
  public var explicitPort: Int?
  /// The path, empty or starting with `/`, as typed.
  public var path: Substring
  /// The query without its `?`, or `nil` when there is none (or it is empty).
  public var query: Substring?
  /// Whether the URL ended with `#` (use it exactly, DESIGN §1.2).
  public var exact: Bool

  /// Parses a URL.
  ///
  /// - Parameter text: A URL without surrounding whitespace.
  /// - Throws: ``URLRuleError``: not `http`/`https`, malformed, an ambiguous host, or a
  ///   port outside 1–65535.
  public init(_ text: String) throws(URLRuleError) {
    try self.init(text[...])
  }

  /// Cuts a trimmed URL into parts, checking what every rule relies on.
  ///
  /// - Parameter text: A trimmed, non-empty URL.
  /// - Throws: ``URLRuleError``.
  init(_ text: Substring) throws(URLRuleError) {
    let shown = URLSecrets.masked(String(text))
    // Printable ASCII, the usual URL, holds neither; only other text is looked at
    // character by character (this runs for every URL the shell loads or shows).
    if !text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
      for character in text where character.isWhitespace || Self.isControl(character) {
        throw .malformed(
          character.isWhitespace
            ? "\(shown) has a space inside it" : "\(shown) holds a control character")
      }
    }
    if text.utf8.contains(URLByte.backslash) {
      throw .ambiguousHost(
        what: "\(shown) has a backslash (\\), which a browser reads as \"/\" and cherry"
          + " would not, so the two could connect to different hosts",
        fix: "write \"/\" between the host and the path (a browser reads it as "
          + URLSecrets.masked(String(text.replacing("\\", with: "/"))) + "), or %5C for a backslash"
          + " inside the path")
    }
    exact = text.utf8.last == URLByte.hash
    let body = exact ? text[..<text.utf8.index(before: text.endIndex)] : text
    if body.utf8.contains(URLByte.hash) {
      throw .malformed("\(shown): a \"#\" may only end the URL (it means: use it exactly)")
    }
    guard let schemeEnd = Self.schemeSeparator(in: body) else {
      throw Self.withoutSlashes(body, text: text, shown: shown)
    }
    let typedScheme = body[..<schemeEnd.lowerBound]
    guard URLByte.isScheme(typedScheme.utf8) else {
      throw .malformed("\(shown) does not start with a scheme such as https://")
    }
    scheme = typedScheme.lowercased()
    guard scheme == "http" || scheme == "https" else {
      throw .unsupportedScheme(String(typedScheme))
    }
    let rest = body[schemeEnd.upperBound...]
    let authorityEnd =
      rest.utf8.firstIndex { $0 == URLByte.slash || $0 == URLByte.question } ?? rest.endIndex
    let authority: URLAuthority
    do {
      authority = try URLAuthority(rest[..<authorityEnd], url: shown)
    } catch {
      throw Self.ruleError(error, shown: shown, text: text)
    }
    user = authority.user.map(String.init)
    password = authority.password.map(String.init)
    host = authority.host
    isIPv6 = authority.isIPv6
    explicitPort = authority.port
    origin = body[..<authorityEnd]
    let afterAuthority = rest[authorityEnd...]
    if let mark = afterAuthority.utf8.firstIndex(of: URLByte.question) {
      path = afterAuthority[..<mark]
      let query = afterAuthority[afterAuthority.utf8.index(after: mark)...]
      self.query = query.isEmpty ? nil : query
    } else {
      path = afterAuthority
      query = nil
    }
  }

  /// The port a request connects to: the one typed, or the scheme's default.
  public var port: Int { explicitPort ?? (scheme == "https" ? 443 : 80) }

  /// Where a request to this URL connects, `host:port` (`[::1]:8080` for IPv6): what
  /// `url` names so that the user sees the host that gets the key.
  public var connectTarget: String {
    (isIPv6 ? "[\(host)]" : host) + ":\(port)"
  }

  /// Whether a request to this URL stays on this machine (see ``LoopbackHost``).
  public var isLoopback: Bool {
    isIPv6 ? LoopbackHost.isLoopback("[\(host)]") : LoopbackHost.isLoopback(host)
  }

  /// Whether another URL has the same origin: the same scheme, host and port.
  ///
  /// A request's credentials and custom headers may only ever go to its own origin (DESIGN §1.2,
  /// redirects).
  ///
  /// - Parameter other: The other URL.
  /// - Returns: `true` when scheme, host and port are all equal.
  public func isSameOrigin(as other: URLParts) -> Bool {
    scheme == other.scheme && host == other.host && port == other.port
  }

  // MARK: - Checks

  /// The error for a URL with no `://`: a missing scheme, a scheme that is not
  /// supported, or `http:`/`https:` without its two slashes (`http:/h/`).
  private static func withoutSlashes(_ body: Substring, text: Substring, shown: String)
    -> URLRuleError
  {
    let noScheme = URLRuleError.malformed(
      "\(shown) has no scheme: write https://\(shown) (or http:// for a local server)")
    guard let colon = body.firstIndex(of: ":"), URLByte.isScheme(body[..<colon].utf8) else {
      return noScheme
    }
    let rest = body[body.index(after: colon)...]
    if rest.allSatisfy(\.isNumber) { return noScheme }
    let scheme = body[..<colon].lowercased()
    guard scheme == "http" || scheme == "https" else {
      return .unsupportedScheme(String(body[..<colon]))
    }
    let fix = scheme + "://" + rest.drop { $0 == "/" } + (text.hasSuffix("#") ? "#" : "")
    return .missingSlashes(entered: String(text), fix: fix)
  }

  /// The rule error for an authority problem.
  private static func ruleError(_ problem: URLAuthority.Problem, shown: String, text: Substring)
    -> URLRuleError
  {
    switch problem.kind {
    case .missingHost: .malformed("\(shown) has no host name")
    case .portNotNumber: .malformed("\(shown) has a port that is not a number")
    case .portOutOfRange(let port): .portOutOfRange(entered: String(text), port: port)
    case .host: .ambiguousHost(what: problem.what, fix: problem.fix)
    }
  }

  /// Where the first `://` is.
  private static func schemeSeparator(in body: Substring) -> Range<Substring.Index>? {
    let bytes = body.utf8
    var start = bytes.startIndex
    while let colon = bytes[start...].firstIndex(of: URLByte.colon) {
      let after = bytes.index(after: colon)
      if bytes[after...].starts(with: [URLByte.slash, URLByte.slash]) {
        return colon..<bytes.index(after, offsetBy: 2)
      }
      start = after
    }
    return nil
  }

  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F
        || scalar.properties.generalCategory == .control
        || scalar.properties.generalCategory == .format
    }
  }
}

/// Path helpers shared by the URL rules; all compare segments, never raw text, so
/// that `/v1x` is not taken for `/v1`.
enum URLPath {
  /// `v<digits>` optionally followed by `alpha` or `beta`, in any case (`v1`, `V1`,
  /// `v2beta`, `v3alpha`); `v1.5` and `version2` are not versions.
  static func isVersionSegment(_ segment: Substring) -> Bool {
    let bytes = Array(segment.utf8)
    guard bytes.count >= 2, bytes[0] == 0x76 || bytes[0] == 0x56 else { return false }
    var index = 1
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    guard index > 1 else { return false }
    let tail = String(decoding: bytes[index...], as: UTF8.self).lowercased()
    return tail.isEmpty || tail == "alpha" || tail == "beta"
  }

  /// The path without its trailing slashes.
  static func trimmingSlashes(_ path: Substring) -> Substring {
    var result = path
    while result.hasSuffix("/") { result = result.dropLast() }
    return result
  }

  /// The last segment of a path without trailing slashes.
  static func lastSegment(_ path: Substring) -> Substring {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return path[path.index(after: slash)...]
  }

  /// Whether any segment of the path is a version segment, as Cherry Studio's
  /// `hasAPIVersion` tests the path (`/v3alpha/resources` has one, `/av1/users` none).
  static func hasVersionSegment(_ path: Substring) -> Bool {
    versionSegment(in: path) != nil
  }

  /// The last version segment of the path, wherever it is (`v1beta` in
  /// `/v1beta/openai`), or `nil` when it has none.
  static func versionSegment(in path: Substring) -> Substring? {
    path.split(separator: "/").last { isVersionSegment($0) }
  }

  /// The path without a last segment equal to `segment` (ignoring case), or `nil`
  /// when it does not end with it.
  static func droppingSegment(_ segment: String, from path: Substring) -> Substring? {
    let last = lastSegment(path)
    guard last.lowercased() == segment, last.startIndex > path.startIndex else { return nil }
    return path[..<path.index(before: last.startIndex)]
  }

  /// The path without a final `/<operation>` (segments joined by `/`, compared
  /// exactly), or `nil` when it does not end with it at a segment boundary.
  static func droppingSuffix(_ operation: String, from path: Substring) -> Substring? {
    let suffix = "/" + operation
    guard path.hasSuffix(suffix) else { return nil }
    return path.dropLast(suffix.count)
  }
}
