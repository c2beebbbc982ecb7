import CherryKit
import Testing

/// The one URL parser: what it reads, where a URL connects, and every URL whose host a
/// browser and cherry would read differently refused with a clear what and fix.
struct URLPartsTests {
  /// A URL and where it connects.
  struct Connects: CustomTestStringConvertible, Sendable {
    let url: String
    let target: String
    var testDescription: String { url }
  }

  static let connects: [Connects] = [
    Connects(url: "https://api.example.com", target: "api.example.com:443"),
    Connects(url: "http://API.Example.COM/v1", target: "api.example.com:80"),
    Connects(url: "http://127.0.0.2:8080/v1?x=1#", target: "127.0.0.2:8080"),
    Connects(url: "https://user:pw@gw.example.com:8443/", target: "gw.example.com:8443"),
    Connects(url: "http://[::1]:11434", target: "[::1]:11434"),
    Connects(url: "http://[0:0:0:0:0:0:0:1]/", target: "[0:0:0:0:0:0:0:1]:80"),
    Connects(url: "http://localhost.:1234", target: "localhost.:1234"),
    Connects(url: "http://h:0080/", target: "h:80"),
    Connects(url: "http://h:65535/", target: "h:65535"),
    Connects(url: "http://my_host.internal/", target: "my_host.internal:80"),
    // An @ in the path or query is not in the authority: browsers agree.
    Connects(url: "http://h.example/a@b?c=d@e", target: "h.example:80"),
  ]

  @Test(arguments: connects)
  func connectsWhereABrowserWould(_ row: Connects) throws {
    let parts = try URLParts(row.url)
    #expect(parts.connectTarget == row.target)
  }

  @Test func partsAreAsTyped() throws {
    let parts = try URLParts("HTTPS://Us%40er:p%3Aw@Api.Example.com:8443/V1/x?key=abc&b=2#")
    #expect(parts.scheme == "https")
    #expect(parts.user == "Us%40er")
    #expect(parts.password == "p%3Aw")
    #expect(parts.host == "api.example.com")
    #expect(parts.explicitPort == 8443)
    #expect(parts.port == 8443)
    #expect(parts.path == "/V1/x")
    #expect(parts.query == "key=abc&b=2")
    #expect(parts.exact)
    #expect(!parts.isIPv6)
    let plain = try URLParts("http://h")
    #expect(plain.explicitPort == nil && plain.port == 80 && plain.path == "" && plain.query == nil)
    #expect(plain.user == nil && plain.password == nil && !plain.exact)
  }

  // MARK: - Refused hosts

  /// A URL refused because its host is ambiguous, with words the message must hold.
  struct Ambiguous: CustomTestStringConvertible, Sendable {
    let url: String
    let what: [String]
    let fix: [String]
    var testDescription: String { url }
  }

  static let ambiguous: [Ambiguous] = [
    Ambiguous(
      url: #"http://127.0.0.1\@127.0.0.2/"#, what: ["backslash"],
      fix: ["http://127.0.0.1/@127.0.0.2/", "%5C"]),
    Ambiguous(url: #"http:\\h.example/v1"#, what: ["backslash"], fix: ["http://h.example/v1"]),
    Ambiguous(url: #"https://h.example/v1\models"#, what: ["backslash"], fix: ["%5C"]),
    Ambiguous(url: "http://a@b@127.0.0.2/", what: ["more than one \"@\""], fix: ["%40"]),
    Ambiguous(url: "http://u:p@ss@evil.example/", what: ["more than one \"@\""], fix: ["%40"]),
    Ambiguous(url: "http://%31%32%37.0.0.1/", what: ["percent-encoded"], fix: ["without %"]),
    Ambiguous(url: "https://bücher.example/", what: ["non-ASCII"], fix: ["xn--"]),
    Ambiguous(url: "https://api。example.com/", what: ["non-ASCII"], fix: ["xn--"]),
    Ambiguous(url: "http://2130706433/", what: ["127.0.0.1"], fix: ["write it as 127.0.0.1"]),
    Ambiguous(url: "http://0x7f000001:8080/", what: ["127.0.0.1"], fix: ["127.0.0.1"]),
    Ambiguous(url: "http://0177.0.0.1/", what: ["127.0.0.1"], fix: ["127.0.0.1"]),
    Ambiguous(url: "http://127.1/", what: ["127.0.0.1"], fix: ["127.0.0.1"]),
    Ambiguous(url: "http://127.0.0.1./", what: ["127.0.0.1"], fix: ["127.0.0.1"]),
    Ambiguous(url: "http://256.1.1.1/", what: ["not an IPv4 address"], fix: ["0 to 255"]),
    Ambiguous(url: "http://1.2.3.4.5/", what: ["not an IPv4 address"], fix: ["a.b.c.d"]),
    Ambiguous(url: "http://h.example.123/", what: ["not an IPv4 address"], fix: ["host name"]),
    Ambiguous(url: "http://[::1/", what: ["does not close"], fix: ["[::1]"]),
    Ambiguous(url: "http://[::g]/", what: ["not a valid IPv6"], fix: ["[::1]"]),
    Ambiguous(url: "http://[fe80::1%25eth0]/", what: ["not a valid IPv6"], fix: ["zone"]),
    Ambiguous(url: "http://[::1]x/", what: ["after its IPv6"], fix: ["port"]),
    Ambiguous(url: "http://h<x>.example/", what: ["\"<\""], fix: ["letters, digits"]),
    Ambiguous(url: "http://h^.example/", what: ["\"^\""], fix: ["letters, digits"]),
  ]

  @Test(arguments: ambiguous)
  func refusesAmbiguousHosts(_ row: Ambiguous) {
    #expect {
      try EndpointResolver.validate(row.url)
    } throws: { error in
      guard let error = error as? URLRuleError, case .ambiguousHost(let what, let fix) = error
      else { return false }
      let lines = error.description.split(separator: "\n")
      return lines.count == 2 && row.what.allSatisfy(what.contains)
        && row.fix.allSatisfy(fix.contains)
    }
  }

  @Test(arguments: ["0", "65536", "99999", "123456"])
  func refusesPortsOutsideTheRange(port: String) {
    let url = "https://api.example.com:\(port)/v1"
    #expect(throws: URLRuleError.portOutOfRange(entered: url, port: port)) {
      try EndpointResolver.validate(url)
    }
    let message = URLRuleError.portOutOfRange(entered: url, port: port).description
    #expect(message.contains("1–65535"))
    #expect(message.split(separator: "\n").count == 2)
  }

  @Test(arguments: [
    ("http:/h/", "http://h/"), ("https:api.example.com", "https://api.example.com"),
    ("HTTP:/h/v1#", "http://h/v1#"),
  ])
  func missingSlashesSayWhatIsWrong(url: String, fix: String) throws {
    #expect(throws: URLRuleError.missingSlashes(entered: url, fix: fix)) {
      try EndpointResolver.validate(url)
    }
    let message = URLRuleError.missingSlashes(entered: url, fix: fix).description
    #expect(!message.contains("not supported"))
    #expect(message.contains("two slashes"))
    #expect(message.hasSuffix(fix))
  }

  @Test func errorsMaskAPasswordInTheURL() {
    let secret = "hunter2-is-a-password"
    for url in [
      "http://u:\(secret)@h:0/", "http://u:\(secret)@h\\x/", "http:/u:\(secret)@h/",
      "http://u:\(secret)@0x7f000001/",
    ] {
      #expect {
        try EndpointResolver.validate(url)
      } throws: { error in
        !String(describing: error).contains(secret)
      }
    }
  }

  // MARK: - Origins and references

  @Test func sameOriginIsSchemeHostAndPort() throws {
    let base = try URLParts("https://api.example.com/v1/models")
    #expect(base.isSameOrigin(as: try URLParts("https://API.example.com:443/other?x")))
    #expect(!base.isSameOrigin(as: try URLParts("http://api.example.com/v1/models")))
    #expect(!base.isSameOrigin(as: try URLParts("https://api.example.com:8443/v1")))
    #expect(!base.isSameOrigin(as: try URLParts("https://api2.example.com/v1")))
  }

  @Test(arguments: [
    ("https://elsewhere.example/x", "https://elsewhere.example/x"),
    ("//127.0.0.2:9/y", "http://127.0.0.2:9/y"),
    ("/v2/models?a=1", "http://127.0.0.1:8/v2/models?a=1"),
    ("models2", "http://127.0.0.1:8/v1/models2"),
    ("../v2/models", "http://127.0.0.1:8/v2/models"),
    ("./x/./y/../z", "http://127.0.0.1:8/v1/x/z"),
    ("?page=2", "http://127.0.0.1:8/v1/models?page=2"),
    ("/moved#frag", "http://127.0.0.1:8/moved"),
    ("", "http://127.0.0.1:8/v1/models?limit=5"),
  ])
  func referencesResolveAgainstTheURL(reference: String, expected: String) throws {
    let base = try URLParts("http://127.0.0.1:8/v1/models?limit=5")
    #expect(base.resolving(reference) == expected)
  }
}
