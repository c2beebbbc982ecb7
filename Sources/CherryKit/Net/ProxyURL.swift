/// A proxy address, as the `proxy` command and the environment (`HTTPS_PROXY`,
/// `HTTP_PROXY`, `ALL_PROXY`) give it: the one proxy parser of cherry (DESIGN §3), so
/// that what `proxy` accepts is exactly what the request layer can use.
///
/// Accepted, as cherry's HTTP client (AsyncHTTPClient) can use them:
/// - `http://[user:password@]host[:port]`: an HTTP proxy that tunnels with CONNECT,
///   with basic authentication when a user is given (port 80 by default);
/// - `host:port` (no scheme): the same, as curl reads it;
/// - `socks5://host[:port]` and `socks5h://host[:port]`: SOCKS5 without
///   authentication (port 1080 by default). The proxy resolves host names in both
///   forms.
///
/// Refused, each with the reason and the fix: `https://` proxies, SOCKS with a user or
/// password, `socks://` and SOCKS4, a path after the address, and any host the URL
/// rules refuse (``URLParts``).
public struct ProxyURL: Hashable, Sendable {
  /// How cherry talks to the proxy.
  public enum Kind: String, Hashable, Sendable {
    /// An HTTP proxy, tunnelling with CONNECT.
    case http
    /// A SOCKS5 proxy without authentication.
    case socks5
  }

  /// How cherry talks to the proxy.
  public var kind: Kind
  /// The proxy's host, lower-cased, without the brackets of an IPv6 literal.
  public var host: String
  /// Whether the host is an IPv6 literal.
  public var isIPv6: Bool
  /// The proxy's port, typed or the default (80 for HTTP, 1080 for SOCKS5).
  public var port: Int
  /// The user name for basic authentication, percent-decoded, or `nil`.
  public var user: String?
  /// The password for basic authentication, percent-decoded, or `nil`.
  public var password: String?

  /// Creates a proxy address.
  ///
  /// - Parameters:
  ///   - kind: HTTP or SOCKS5.
  ///   - host: The host, without brackets.
  ///   - port: The port.
  ///   - user: The user name, or `nil`.
  ///   - password: The password, or `nil`.
  public init(kind: Kind, host: String, port: Int, user: String? = nil, password: String? = nil) {
    self.kind = kind
    self.host = host.lowercased()
    self.isIPv6 = host.contains(":")
    self.port = port
    self.user = user
    self.password = password
  }

  /// Parses a proxy URL.
  ///
  /// - Parameter text: The URL; whitespace around it is ignored.
  /// - Returns: The proxy.
  /// - Throws: ``ProxyURLError``, with what is wrong and the fix.
  public static func parse(_ text: String) throws(ProxyURLError) -> ProxyURL {
    let value = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
    let entered = String(value)
    guard !entered.isEmpty else { throw .empty }
    let shown = URLSecrets.masked(entered)
    let isControl: (Character) -> Bool = { character in
      character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
    if let bad = entered.first(where: { $0.isWhitespace || isControl($0) }) {
      throw .badAddress(
        what: "the proxy URL \(shown) has \(bad.isWhitespace ? "a space" : "a control character")"
          + " inside it",
        fix: "write it as http://host:port, without spaces")
    }
    let kind: Kind
    let rest: Substring
    if let schemeEnd = entered.firstRange(of: "://") {
      let scheme = entered[..<schemeEnd.lowerBound].lowercased()
      rest = entered[schemeEnd.upperBound...]
      switch scheme {
      case "http": kind = .http
      case "socks5", "socks5h": kind = .socks5
      case "https": throw .httpsProxy(host: Self.hostShown(rest))
      case "socks", "socks4", "socks4a": throw .socksVersion(scheme: scheme)
      default: throw .unsupportedScheme(String(entered[..<schemeEnd.lowerBound]))
      }
    } else {
      kind = .http
      rest = entered[...]
    }
    if rest.contains("\\") {
      throw .badAddress(
        what: "the proxy URL \(shown) has a backslash (\\), which programs read differently",
        fix: "write it as http://host:port")
    }
    let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
    let trailing = rest[authorityEnd...]
    guard trailing.isEmpty || trailing == "/" else { throw .trailingPart(String(trailing)) }
    let authority: URLAuthority
    do {
      authority = try URLAuthority(rest[..<authorityEnd], url: shown)
    } catch {
      throw .badAddress(what: error.what, fix: error.fix)
    }
    guard kind == .http || (authority.user == nil && authority.password == nil) else {
      throw .socksAuthentication(host: authority.hostForURL)
    }
    let bare = entered.firstRange(of: "://") == nil
    if bare && authority.port == nil { throw .missingPort(host: authority.hostForURL) }
    var proxy = ProxyURL(
      kind: kind, host: authority.host, port: authority.port ?? (kind == .http ? 80 : 1080))
    proxy.isIPv6 = authority.isIPv6
    if let user = authority.user {
      guard let decoded = PercentDecoding.decode(user) else { throw .badEscape }
      proxy.user = decoded
    }
    if let password = authority.password {
      guard let decoded = PercentDecoding.decode(password) else { throw .badEscape }
      proxy.password = decoded
    }
    return proxy
  }

  /// `host:port` (`[::1]:1080` for IPv6), for messages: never the user or password.
  public var address: String { (isIPv6 ? "[\(host)]" : host) + ":\(port)" }

  /// The proxy as a URL with its password masked, for display.
  public var masked: String {
    var text = kind == .http ? "http://" : "socks5://"
    if let user {
      text += KeyMask.maskLine(user)
      if let password { text += ":" + KeyMask.mask(password) }
      text += "@"
    }
    return text + address
  }

  /// The secrets this proxy carries: its password (and a user name of 8 or more
  /// characters that looks like a key is masked by shape elsewhere).
  public var secrets: SecretSet {
    SecretSet([password].compactMap { $0 })
  }

  /// The host after the last `@` of an authority, for messages.
  private static func hostShown(_ rest: Substring) -> String {
    let authority = rest.prefix { !"/?#".contains($0) }
    return String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
  }
}
