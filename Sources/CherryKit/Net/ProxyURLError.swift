/// Why a proxy URL was refused (DESIGN §1.6, issue 7): each case says what is wrong
/// (``what``) and how to fix it (``fix``); nothing is stored.
public enum ProxyURLError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The value is empty.
  case empty
  /// An `https://` proxy: cherry's HTTP client cannot speak TLS to a proxy.
  case httpsProxy(host: String)
  /// A SOCKS proxy with a user name or password: cherry's HTTP client has no SOCKS
  /// authentication, and sending without it would silently drop them.
  case socksAuthentication(host: String)
  /// A SOCKS4 proxy (`socks4://`, `socks4a://`) or the ambiguous `socks://`.
  case socksVersion(scheme: String)
  /// Another scheme (`ftp://`, …); the value is the scheme as typed.
  case unsupportedScheme(String)
  /// A bare `host` without a port (`proxy.example.com`).
  case missingPort(host: String)
  /// Something follows the address: a path, query or fragment.
  case trailingPart(String)
  /// The address is not usable (a bad host or port); `what` and `fix` say why.
  case badAddress(what: String, fix: String)
  /// The user name or password has a bad `%` escape.
  case badEscape

  /// What is wrong, one line, secrets masked.
  public var what: String {
    switch self {
    case .empty:
      return "no proxy URL given"
    case .httpsProxy(let host):
      return "https:// proxies (\(host)) are not supported: cherry's HTTP client cannot speak"
        + " TLS to a proxy"
    case .socksAuthentication(let host):
      return "the SOCKS proxy \(host) has a user name or password, and cherry's HTTP client"
        + " has no SOCKS authentication"
    case .socksVersion(let scheme):
      return "\(scheme):// proxies are not supported: only SOCKS5 is"
    case .unsupportedScheme(let scheme):
      return "the proxy scheme \"\(KeyMask.maskLine(scheme))\" is not supported"
    case .missingPort(let host):
      return "the proxy \(KeyMask.maskLine(host)) has no scheme and no port"
    case .trailingPart(let part):
      return
        "a proxy URL is only an address, but this one goes on with \"\(KeyMask.maskLine(part))\""
    case .badAddress(let what, _):
      return KeyMask.maskLine(what)
    case .badEscape:
      return "the proxy's user name or password has a % that is not followed by two hex digits"
    }
  }

  /// How to fix it, one line.
  public var fix: String {
    switch self {
    case .empty, .unsupportedScheme, .missingPort, .trailingPart:
      return "write http://host:port (user:password@ allowed), socks5://host:port, or off"
    case .httpsProxy:
      return "use the proxy's plain http://host:port address: the tunnel to an https provider"
        + " stays encrypted end to end"
    case .socksAuthentication:
      return "use a SOCKS5 proxy without authentication, or an http://user:password@host:port"
        + " proxy"
    case .socksVersion:
      return "write socks5://host:port (the proxy resolves the names), or use an http:// proxy"
    case .badAddress(_, let fix):
      return fix
    case .badEscape:
      return "write a % inside the user name or password as %25"
    }
  }

  /// ``what`` and ``fix``, one line each.
  public var description: String { "\(what)\n\(fix)" }
}
