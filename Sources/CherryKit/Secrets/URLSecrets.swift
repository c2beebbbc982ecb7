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
    func add(_ range: Range<String.Index>) {
      let raw = Layout.text(url, range)
      for value in [raw, PercentDecoding.decode(raw)].compactMap({ $0 })
      where !value.isEmpty && !found.contains(value) {
        found.append(value)
      }
    }
    let layout = Layout(url)
    if let password = layout.password { add(password) }
    for item in layout.queryItems where isSecretQueryName(Layout.text(url, item.name)) {
      add(item.value)
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
    for item in layout.queryItems
    where !item.value.isEmpty && isSecretQueryName(Layout.text(url, item.name)) {
      cuts.append(item.value)
    }
    guard !cuts.isEmpty else { return url }
    var result = ""
    var cursor = url.startIndex
    for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= cursor {
      result += Layout.text(url, cursor..<cut.lowerBound)
      result += KeyMask.mask(Layout.text(url, cut))
      cursor = cut.upperBound
    }
    return result + Layout.text(url, cursor..<url.endIndex)
  }

  /// Where the password and the query items are in a URL's text, found leniently.
  ///
  /// Read from the UTF-8 bytes: every delimiter is ASCII, so one pass finds them all
  /// (this runs for every URL the shell shows or loads), and a delimiter is found
  /// even where a combining mark follows it.
  private struct Layout {
    /// The password's range, when the authority has `user:password@`.
    var password: Range<String.Index>?
    /// Each query item's name and value ranges.
    var queryItems: [(name: Range<String.Index>, value: Range<String.Index>)] = []

    init(_ url: String) {
      let utf8 = url.utf8
      let rest = Self.afterScheme(utf8)
      let authorityEnd =
        utf8[rest...].firstIndex {
          $0 == URLByte.slash || $0 == URLByte.question || $0 == URLByte.hash
            || $0 == URLByte.backslash
        }
        ?? utf8.endIndex
      let authority = utf8[rest..<authorityEnd]
      if let at = authority.lastIndex(of: URLByte.at),
        let colon = authority[..<at].firstIndex(of: URLByte.colon)
      {
        password = utf8.index(after: colon)..<at
      }
      guard let question = utf8[authorityEnd...].firstIndex(of: URLByte.question) else { return }
      let queryEnd = utf8[question...].firstIndex(of: URLByte.hash) ?? utf8.endIndex
      var start = utf8.index(after: question)
      while start <= queryEnd {
        let end = utf8[start..<queryEnd].firstIndex(of: URLByte.ampersand) ?? queryEnd
        if let equals = utf8[start..<end].firstIndex(of: URLByte.equals) {
          queryItems.append((start..<equals, utf8.index(after: equals)..<end))
        }
        guard end < queryEnd else { break }
        start = utf8.index(after: end)
      }
    }

    /// The text of a range found here, exactly those bytes.
    static func text(_ url: String, _ range: Range<String.Index>) -> String {
      String(decoding: url.utf8[range], as: UTF8.self)
    }

    /// Where the text after `scheme:` and its slashes (however many, either way)
    /// starts, or the start of the text when it has no scheme (`host:port`,
    /// `user:pw@host:port`).
    private static func afterScheme(_ utf8: String.UTF8View) -> String.Index {
      guard let colon = utf8.firstIndex(of: URLByte.colon) else { return utf8.startIndex }
      var index = utf8.index(after: colon)
      guard URLByte.isScheme(utf8[..<colon]), index < utf8.endIndex,
        utf8[index] == URLByte.slash || utf8[index] == URLByte.backslash
      else { return utf8.startIndex }
      while index < utf8.endIndex, utf8[index] == URLByte.slash || utf8[index] == URLByte.backslash
      {
        index = utf8.index(after: index)
      }
      return index
    }

  }
}
