import CherryKit
import Testing

/// The one proxy parser: the forms cherry's HTTP client can use are accepted, the
/// others refused with what is wrong and the fix.
struct ProxyURLTests {
  /// A proxy URL and what it parses to.
  struct Accepted: CustomTestStringConvertible, Sendable {
    let text: String
    let proxy: ProxyURL
    var testDescription: String { text }
  }

  static let accepted: [Accepted] = [
    Accepted(
      text: "http://127.0.0.1:3128", proxy: ProxyURL(kind: .http, host: "127.0.0.1", port: 3128)),
    Accepted(
      text: "  http://Proxy.Example:8080/ ",
      proxy: ProxyURL(kind: .http, host: "proxy.example", port: 8080)),
    Accepted(
      text: "http://proxy.example", proxy: ProxyURL(kind: .http, host: "proxy.example", port: 80)),
    Accepted(
      text: "http://alice:s%40cret@proxy.example:3128",
      proxy: ProxyURL(
        kind: .http, host: "proxy.example", port: 3128, user: "alice", password: "s@cret")),
    Accepted(
      text: "HTTP://bob@p.example:1",
      proxy: ProxyURL(kind: .http, host: "p.example", port: 1, user: "bob")),
    Accepted(
      text: "proxy.example:3128", proxy: ProxyURL(kind: .http, host: "proxy.example", port: 3128)),
    Accepted(
      text: "socks5://127.0.0.1:1080", proxy: ProxyURL(kind: .socks5, host: "127.0.0.1", port: 1080)
    ),
    Accepted(
      text: "socks5h://s.example", proxy: ProxyURL(kind: .socks5, host: "s.example", port: 1080)),
    Accepted(text: "http://[::1]:3128", proxy: ProxyURL(kind: .http, host: "::1", port: 3128)),
  ]

  @Test(arguments: accepted)
  func accepts(_ row: Accepted) throws {
    #expect(try ProxyURL.parse(row.text) == row.proxy)
  }

  /// A refused proxy URL and its error.
  struct Refused: CustomTestStringConvertible, Sendable {
    let text: String
    let error: ProxyURLError
    var testDescription: String { text }
  }

  static let refused: [Refused] = [
    Refused(text: " ", error: .empty),
    Refused(text: "https://proxy.example:443", error: .httpsProxy(host: "proxy.example:443")),
    Refused(text: "socks5://u:p@s.example:1080", error: .socksAuthentication(host: "s.example")),
    Refused(text: "socks5h://user@s.example:1080", error: .socksAuthentication(host: "s.example")),
    Refused(text: "socks://s.example:1080", error: .socksVersion(scheme: "socks")),
    Refused(text: "socks4://s.example:1080", error: .socksVersion(scheme: "socks4")),
    Refused(text: "ftp://p.example:21", error: .unsupportedScheme("ftp")),
    Refused(text: "proxy.example", error: .missingPort(host: "proxy.example")),
    Refused(text: "http://p.example:3128/path", error: .trailingPart("/path")),
    Refused(text: "http://p.example:3128?x=1", error: .trailingPart("?x=1")),
    Refused(text: "http://u:%zz@p.example:1", error: .badEscape),
  ]

  @Test(arguments: refused)
  func refuses(_ row: Refused) {
    #expect(throws: row.error) { try ProxyURL.parse(row.text) }
  }

  @Test(arguments: [
    "http://p.example:0", "http://p.example:65536", "http://p example:1", "http://a@b@c:1",
    #"http://p.example\@127.0.0.2:1"#, "http://0x7f000001:1", "http://[::1:1", "http://:3128",
    "http://p.example:port",
  ])
  func refusesBadAddresses(text: String) {
    #expect {
      try ProxyURL.parse(text)
    } throws: { error in
      guard let error = error as? ProxyURLError, case .badAddress = error else { return false }
      return !error.what.isEmpty && !error.fix.isEmpty
    }
  }

  @Test func everyErrorHasAWhatAndAFixAndNoSecret() {
    let secret = "proxy-password-0123456789"
    for text in [
      "https://u:\(secret)@p.example:1", "socks5://u:\(secret)@s.example:1",
      "http://u:\(secret)@p.example:99999", "ftp://u:\(secret)@p.example",
      "http://u:\(secret)@p.example/x",
    ] {
      #expect {
        try ProxyURL.parse(text)
      } throws: { error in
        guard let error = error as? ProxyURLError else { return false }
        return !error.what.isEmpty && !error.fix.isEmpty && error.what != error.fix
          && !error.description.contains(secret)
      }
    }
  }

  @Test func displaysWithoutThePassword() throws {
    let proxy = try ProxyURL.parse("http://alice:correct-horse-battery@p.example:3128")
    #expect(proxy.address == "p.example:3128")
    #expect(!proxy.masked.contains("correct-horse-battery"))
    #expect(proxy.masked.hasPrefix("http://alice:"))
    #expect(proxy.secrets.values.contains("correct-horse-battery"))
    #expect(try ProxyURL.parse("socks5://[::1]:1080").address == "[::1]:1080")
  }
}
