/// The secrets a URL carries — the password of `user:password@`, and the values of
/// key-like query items (`?key=AIza…`, `api_key`, `token`, …) — for API URLs and proxy
/// URLs alike (DESIGN §1.1: secrets are masked by value).
///
/// Both functions work on any text, parsed or not, so that a URL that was refused can
/// still be quoted safely in the error that refuses it.
public enum URLSecrets {
  /// Whether a query item's name says its value is a secret: it names a key, token, secret,
  /// password, signature or credential (`key`, `api_key`, `x-api-key`, `access_token`,
  /// `client_secret`, `sig`, …).
  ///
  /// `api-version` is not one.
  ///
  /// - Parameter name: The item's name, as typed.
  /// - Returns: `true` when the value must be masked.
  public static func isSecretQueryName(_ name: some StringProtocol) -> Bool {
    let lower = (PercentDecoding.decode(name) ?? String(name)).lowercased()
    let words = ["key", "token", "secret", "password", "passwd", "signature", "credential", "auth"]
    return words.contains { lower.contains($0) } || ["sig", "pwd", "pass", "code"].contains(lower)
  }

  /// The secret values in a URL: the password (as typed and percent-decoded) and the
  /// value of every key-like query item (both forms too).
  ///
  /// - Parameter url: A URL or proxy URL, with or without a scheme.
  /// - Returns: The values, without duplicates, in the order found; empty values are
  ///   left out.
  public static func secrets(in url: String) -> [String] {
    var found: [String] = []
    func add(_ raw: Substring) {
      for value in [String(raw), PercentDecoding.decode(raw)].compactMap({ $0 })
      where !value.isEmpty && !found.contains(value) {
        found.append(value)
      }
    }
    let layout = Layout(url)
    if let password = layout.password { add(url[password]) }
    for item in layout.queryItems where isSecretQueryName(url[item.name]) {
      add(url[item.value])
    }
    return found
  }

  /// The URL with its secrets masked for display: the password and the values of
  /// key-like query items replaced by their ``KeyMask/mask(_:)`` form
  /// (`https://u:****@h/?key=AIza****wxyz`); everything else as typed.
  ///
  /// - Parameter url: A URL or proxy URL, with or without a scheme.
  /// - Returns: The URL, safe to print.
  public static func masked(_ url: String) -> String {
    let layout = Layout(url)
    var cuts: [Range<String.Index>] = []
    if let password = layout.password, !password.isEmpty { cuts.append(password) }
    for item in layout.queryItems where isSecretQueryName(url[item.name]) && !item.value.isEmpty {
      cuts.append(item.value)
    }
    guard !cuts.isEmpty else { return url }
    var result = ""
    var cursor = url.startIndex
    for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= cursor {
      result += url[cursor..<cut.lowerBound]
      result += KeyMask.mask(String(url[cut]))
      cursor = cut.upperBound
    }
    return result + url[cursor...]
  }

  /// Where the password and the query items are in a URL's text, found leniently.
  private struct Layout {
    /// The password's range, when the authority has `user:password@`.
    var password: Range<String.Index>?
    /// Each query item's name and value ranges.
    var queryItems: [(name: Range<String.Index>, value: Range<String.Index>)] = []

    init(_ url: String) {
      let rest = Self.afterScheme(url)
      let authorityEnd = rest.firstIndex { "/?#\\".contains($0) } ?? rest.endIndex
      let authority = rest[..<authorityEnd]
      if let at = authority.lastIndex(of: "@"),
        let colon = authority[..<at].firstIndex(of: ":")
      {
        password = authority.index(after: colon)..<at
      }
      guard let question = url[authorityEnd...].firstIndex(of: "?") else { return }
      let queryEnd = url[question...].firstIndex(of: "#") ?? url.endIndex
      var start = url.index(after: question)
      while start <= queryEnd {
        let end = url[start..<queryEnd].firstIndex(of: "&") ?? queryEnd
        if let equals = url[start..<end].firstIndex(of: "=") {
          queryItems.append((start..<equals, url.index(after: equals)..<end))
        }
        guard end < queryEnd else { break }
        start = url.index(after: end)
      }
    }

    /// The text after `scheme:` and its slashes (however many, either way), or the
    /// whole text when it has no scheme (`host:port`, `user:pw@host:port`).
    private static func afterScheme(_ url: String) -> Substring {
      guard let colon = url.firstIndex(of: ":") else { return url[...] }
      let scheme = url[..<colon]
      let isScheme =
        scheme.first?.isLetter == true
        && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
      let rest = url[url.index(after: colon)...]
      guard isScheme, rest.first == "/" || rest.first == "\\" else { return url[...] }
      return rest.drop { $0 == "/" || $0 == "\\" }
    }
  }
}
