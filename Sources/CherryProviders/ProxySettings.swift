import CherryKit

/// A proxy setting that cannot be used: the setting's name and CherryKit's reason.
struct ProxySettingError: Error, Equatable {
  /// Where the value came from: `proxy` or the environment variable's name.
  var setting: String
  /// Why it was refused.
  var error: ProxyURLError
}

/// Which proxy a request uses (DESIGN §1.6, §4).
///
/// The provider's own `proxy` setting wins (`off` or `none` means none), also for
/// loopback, since the user asked for it; otherwise `HTTPS_PROXY` / `HTTP_PROXY` /
/// `ALL_PROXY` from the environment, in either case, unless `NO_PROXY` lists the host.
/// Loopback, in any spelling (``LoopbackHost``), never goes through a proxy from the
/// environment. Every value is read by CherryKit's ``ProxyURL``, the parser the
/// `proxy` command uses.
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
  ) throws(ProxySettingError) -> ProxyURL? {
    if let providerProxy {
      let value = providerProxy.trimmingWhitespace
      if value.isEmpty || value.lowercased() == "off" || value.lowercased() == "none" { return nil }
      return try parse(value, setting: "proxy")
    }
    if target.isLoopback { return nil }
    let names =
      target.scheme == "https"
      ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
      : ["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]
    guard let name = names.first(where: { !(environment[$0] ?? "").trimmingWhitespace.isEmpty }),
      let value = environment[name]
    else { return nil }
    let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
    if bypasses(host: target.host, port: target.port, noProxy: noProxy) { return nil }
    return try parse(value, setting: name)
  }

  /// Parses a proxy URL with CherryKit's parser, naming the setting on failure.
  private static func parse(_ text: String, setting: String) throws(ProxySettingError)
    -> ProxyURL
  {
    do {
      return try ProxyURL.parse(text)
    } catch {
      throw ProxySettingError(setting: setting, error: error)
    }
  }

  /// Whether `NO_PROXY` exempts a host: `*`, an exact host or IP, a domain and its
  /// subdomains (`example.com` or `.example.com`), optionally with `:port`.
  ///
  /// - Parameters:
  ///   - host: The request's host (lower-cased, IPv6 without brackets).
  ///   - port: The request's port.
  ///   - noProxy: The comma-separated `NO_PROXY` value.
  /// - Returns: Whether the host goes direct.
  static func bypasses(host: String, port: Int, noProxy: String) -> Bool {
    for rawEntry in noProxy.split(separator: ",") {
      var entry = String(rawEntry).trimmingWhitespace.lowercased()
      if entry.isEmpty { continue }
      if entry == "*" { return true }
      if let colon = entry.lastIndex(of: ":"), !entry.hasPrefix("["),
        entry.filter({ $0 == ":" }).count == 1
      {
        guard Int(entry[entry.index(after: colon)...]) == port else { continue }
        entry = String(entry[..<colon])
      }
      if entry.hasPrefix("[") {
        guard let close = entry.firstIndex(of: "]") else { continue }
        let after = entry[entry.index(after: close)...]
        if after.hasPrefix(":") {
          guard Int(after.dropFirst()) == port else { continue }
        }
        entry = String(entry[entry.index(after: entry.startIndex)..<close])
      }
      if entry.hasPrefix("*.") { entry.removeFirst() }
      if entry.hasPrefix(".") { entry.removeFirst() }
      if host == entry || host.hasSuffix(".\(entry)") { return true }
    }
    return false
  }
}
