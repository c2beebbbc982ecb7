/// The proxy one request goes through, as AsyncHTTPClient needs it (it always
/// tunnels with CONNECT, or speaks SOCKS5).
struct ProxyChoice: Hashable, Sendable {
  /// Whether this is a SOCKS5 proxy rather than an HTTP CONNECT one.
  var isSOCKS: Bool
  /// The proxy's host.
  var host: String
  /// The proxy's port.
  var port: Int
  /// The user for basic authentication, when the proxy URL has one.
  var user: String?
  /// The password for basic authentication.
  var password: String?

  /// `host:port`, for messages (never the password).
  var display: String { "\(host):\(port)" }
}

/// A proxy setting that cannot be used.
struct ProxySettingError: Error, Equatable {
  /// Why, naming the setting.
  var reason: String
}

/// Which proxy a request uses (issue 4 "HTTP").
///
/// The provider's own `proxy` setting wins (`off` means none); otherwise `HTTPS_PROXY` / `HTTP_PROXY` / `ALL_PROXY` from
/// the environment, in either case, unless `NO_PROXY` lists the host. Loopback is never
/// sent through a proxy from the environment (DESIGN §4).
enum ProxySettings {
  /// Chooses the proxy for one request.
  ///
  /// - Parameters:
  ///   - target: The request URL's parts.
  ///   - providerProxy: The provider's `proxy` setting (`nil`: follow the environment).
  ///   - environment: The environment.
  /// - Returns: The proxy, or `nil` for a direct connection.
  /// - Throws: ``ProxySettingError`` when the setting in force is not a usable proxy URL.
  static func choose(
    for target: URLParts, providerProxy: String?, environment: [String: String]
  ) throws(ProxySettingError) -> ProxyChoice? {
    if let providerProxy {
      let value = providerProxy.trimmingSpaces
      if value.isEmpty || value.lowercased() == "off" || value.lowercased() == "none" { return nil }
      return try parse(value, setting: "proxy")
    }
    if target.isLoopback { return nil }
    let names =
      target.scheme == "https"
      ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
      : ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
    guard let name = names.first(where: { !(environment[$0] ?? "").trimmingSpaces.isEmpty }),
      let value = environment[name]
    else { return nil }
    let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
    if bypasses(host: target.host, port: target.port, noProxy: noProxy) { return nil }
    return try parse(value.trimmingSpaces, setting: name)
  }

  /// Parses a proxy URL: `http://[user:password@]host[:port]`, `socks5://…`, or a
  /// bare `host:port`.
  ///
  /// - Parameters:
  ///   - text: The proxy URL.
  ///   - setting: Where it came from, for the error.
  /// - Returns: The proxy.
  /// - Throws: ``ProxySettingError`` for a URL that is not a usable proxy.
  static func parse(_ text: String, setting: String) throws(ProxySettingError) -> ProxyChoice {
    let withScheme = text.contains("://") ? text : "http://\(text)"
    guard let parts = URLParts(withScheme) else {
      throw ProxySettingError(reason: "\(setting) '\(text)' is not a proxy URL (http://host:port)")
    }
    let isSOCKS: Bool
    switch parts.scheme {
    case "http": isSOCKS = false
    case "socks5", "socks5h", "socks": isSOCKS = true
    case "https":
      throw ProxySettingError(
        reason: "\(setting) '\(parts.host):\(parts.port)': https:// proxies are not supported;"
          + " use http://")
    default:
      throw ProxySettingError(reason: "\(setting): unsupported proxy scheme '\(parts.scheme)'")
    }
    var user: String?
    var password: String?
    if let info = parts.userInfo {
      if let colon = info.firstIndex(of: ":") {
        user = String(info[..<colon])
        password = String(info[info.index(after: colon)...])
      } else {
        user = info
      }
    }
    return ProxyChoice(
      isSOCKS: isSOCKS, host: parts.host, port: parts.port, user: user, password: password)
  }

  /// Whether `NO_PROXY` exempts a host: `*`, an exact host or IP, a domain and its
  /// subdomains (`example.com` or `.example.com`), optionally with `:port`.
  ///
  /// - Parameters:
  ///   - host: The request's host (lower-cased).
  ///   - port: The request's port.
  ///   - noProxy: The comma-separated `NO_PROXY` value.
  /// - Returns: Whether the host goes direct.
  static func bypasses(host: String, port: Int, noProxy: String) -> Bool {
    for rawEntry in noProxy.split(separator: ",") {
      var entry = String(rawEntry).trimmingSpaces.lowercased()
      if entry.isEmpty { continue }
      if entry == "*" { return true }
      if let colon = entry.lastIndex(of: ":"), !entry.hasPrefix("["),
        entry.filter({ $0 == ":" }).count == 1
      {
        guard Int(entry[entry.index(after: colon)...]) == port else { continue }
        entry = String(entry[..<colon])
      }
      if entry.hasPrefix("*.") { entry.removeFirst() }
      if entry.hasPrefix(".") { entry.removeFirst() }
      if entry.hasPrefix("[") && entry.hasSuffix("]") {
        entry = String(entry.dropFirst().dropLast())
      }
      if host == entry || host.hasSuffix(".\(entry)") { return true }
    }
    return false
  }
}
