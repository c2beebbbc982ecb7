import CherryKit

/// The parts of an absolute URL that the transport needs (scheme, host, port),
/// parsed by hand so that the proxy and DNS rules see exactly what AsyncHTTPClient sees.
struct URLParts: Equatable, Sendable {
  /// `http` or `https` (or a proxy scheme), lower-cased.
  var scheme: String
  /// The host, lower-cased, without the brackets of an IPv6 literal.
  var host: String
  /// The port, explicit or the scheme's default.
  var port: Int
  /// The `user:password` before `@`, when present (proxy URLs).
  var userInfo: String?

  /// Parses `scheme://[userinfo@]host[:port][/path][?query][#fragment]`.
  ///
  /// Fails when the URL has no scheme or host.
  ///
  /// - Parameter url: The URL text.
  init?(_ url: String) {
    guard let schemeEnd = url.firstRange(of: "://") else { return nil }
    scheme = url[..<schemeEnd.lowerBound].lowercased()
    var rest = url[schemeEnd.upperBound...]
    if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
      rest = rest[..<end]
    }
    if let at = rest.lastIndex(of: "@") {
      userInfo = String(rest[..<at])
      rest = rest[rest.index(after: at)...]
    } else {
      userInfo = nil
    }
    var portText: Substring?
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else { return nil }
      host = String(rest[rest.index(after: rest.startIndex)..<close]).lowercased()
      let after = rest[rest.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = rest.lastIndex(of: ":") {
      host = String(rest[..<colon]).lowercased()
      portText = rest[rest.index(after: colon)...]
    } else {
      host = String(rest).lowercased()
    }
    guard !host.isEmpty else { return nil }
    if let portText, !portText.isEmpty {
      guard let value = Int(portText), (1...65535).contains(value) else { return nil }
      port = value
    } else {
      port = URLParts.defaultPort(scheme)
    }
  }

  /// The default port of a scheme.
  static func defaultPort(_ scheme: String) -> Int {
    switch scheme {
    case "https": 443
    case "socks5", "socks5h", "socks": 1080
    default: 80
    }
  }

  /// Whether the host is this machine (`localhost`, 127.0.0.0/8, `::1`): loopback is
  /// never sent through a proxy from the environment (DESIGN §4).
  var isLoopback: Bool {
    if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" { return true }
    return host.hasPrefix("127.") && host.allSatisfy { $0.isNumber || $0 == "." }
  }

  /// The URL with the values of key-like query items (`key`, `api_key`, `token`, …)
  /// masked, for messages and traces.
  ///
  /// - Parameter url: A URL.
  /// - Returns: The same URL, safe to print.
  static func maskQuery(_ url: String) -> String {
    guard let question = url.firstIndex(of: "?") else { return url }
    let head = url[...question]
    var query = url[url.index(after: question)...]
    var fragment = ""
    if let hash = query.firstIndex(of: "#") {
      fragment = String(query[hash...])
      query = query[..<hash]
    }
    let secretNames: Set<String> = ["key", "api_key", "api-key", "apikey", "token", "access_token"]
    let items = query.split(separator: "&", omittingEmptySubsequences: false).map {
      item -> String in
      guard let equals = item.firstIndex(of: "=") else { return String(item) }
      let name = item[..<equals].lowercased()
      guard secretNames.contains(name) else { return String(item) }
      return "\(item[...equals])\(KeyMask.mask(String(item[item.index(after: equals)...])))"
    }
    return head + items.joined(separator: "&") + fragment
  }
}
