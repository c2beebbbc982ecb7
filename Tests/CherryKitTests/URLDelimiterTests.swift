import CherryKit
import Testing

/// A URL's delimiters are found among code points, as a browser finds them: a `/`,
/// `#` or `=` followed by a combining mark is still a delimiter, so cherry and a
/// browser agree on the host, and a secret after such a delimiter is still masked.
struct URLDelimiterTests {
  @Test func aSlashBeforeACombiningMarkStillEndsTheHost() throws {
    let parts = try URLParts("https://good.example/\u{301}@evil.example")
    #expect(parts.connectTarget == "good.example:443")
    #expect(parts.path == "/\u{301}@evil.example")
  }

  @Test func aHashBeforeACombiningMarkIsStillAFragment() {
    #expect(throws: URLRuleError.self) { try URLParts("https://h.example/v1#\u{301}x") }
  }

  @Test func aSecretAfterACombiningMarkIsStillFound() {
    let url = "https://h.example/?key=\u{301}secret-123456789"
    #expect(URLSecrets.secrets(in: url) == ["\u{301}secret-123456789"])
    #expect(!URLSecrets.masked(url).contains("secret-123456789"))
  }
}
