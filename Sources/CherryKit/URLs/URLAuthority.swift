/// The authority of a URL (`[user[:password]@]host[:port]`), read so that a browser
/// (the WHATWG URL standard) and cherry always agree on the host (DESIGN §1.2, issue 8):
/// anything they could read differently is refused here, once, for API URLs and proxy
/// URLs alike.
struct URLAuthority: Equatable, Sendable {
  /// The user name as typed (percent-encoded), or `nil` when there is no `@`.
  var user: Substring?
  /// The password as typed (percent-encoded), or `nil` when there is no `:` before `@`.
  var password: Substring?
  /// The host, lower-cased, without the brackets of an IPv6 literal.
  var host: String
  /// Whether the host is an IPv6 literal (it was written in brackets).
  var isIPv6: Bool
  /// The port written after the host, or `nil` when there is none.
  var port: Int?

  /// What is wrong with an authority, worded once for every kind of URL.
  struct Problem: Error, Equatable {
    /// The kinds of problem, which callers map to their own error cases.
    enum Kind: Equatable {
      /// There is no host.
      case missingHost
      /// The port is not digits.
      case portNotNumber
      /// The port is 0 or above 65535.
      case portOutOfRange(String)
      /// The host is ambiguous or unusable.
      case host
    }

    /// The kind of problem.
    var kind: Kind
    /// What is wrong.
    var what: String
    /// How to fix it.
    var fix: String

    init(_ kind: Kind = .host, what: String, fix: String) {
      self.kind = kind
      self.what = what
      self.fix = fix
    }
  }

  /// Reads an authority.
  ///
  /// - Parameters:
  ///   - authority: The text between `//` and the path, query or end.
  ///   - url: The whole URL, for the messages (secrets are masked by the caller).
  /// - Throws: ``Problem`` when the host is missing, ambiguous or not usable, or the
  ///   port is not a number from 1 to 65535.
  init(_ authority: Substring, url: String) throws(Problem) {
    var hostPort = authority
    let ats = authority.utf8.indices.filter { authority.utf8[$0] == URLByte.at }
    if ats.count > 1 {
      throw Problem(
        what: "\(url) has more than one \"@\" before its host, so which host it names is"
          + " ambiguous (a browser takes the part after the last one)",
        fix: "write an \"@\" inside the user name or password as %40")
    }
    if let at = ats.first {
      let info = authority[..<at]
      if let colon = info.utf8.firstIndex(of: URLByte.colon) {
        user = info[..<colon]
        password = info[info.utf8.index(after: colon)...]
      } else {
        user = info
        password = nil
      }
      hostPort = authority[authority.utf8.index(after: at)...]
    } else {
      user = nil
      password = nil
    }
    var hostText: Substring
    var portText: Substring?
    if hostPort.hasPrefix("[") {
      guard let close = hostPort.firstIndex(of: "]") else {
        throw Problem(
          what: "\(url) opens an IPv6 address with \"[\" and does not close it",
          fix: "write the address in brackets, e.g. http://[::1]:8080")
      }
      hostText = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
      let after = hostPort[hostPort.index(after: close)...]
      if !after.isEmpty {
        guard after.hasPrefix(":") else {
          throw Problem(
            what: "\(url) has \"\(after)\" after its IPv6 address",
            fix: "only a port may follow the brackets, e.g. http://[::1]:8080")
        }
        portText = after.dropFirst()
      }
      guard IPv6Literal(parsing: hostText) != nil else {
        throw Problem(
          what: "[\(hostText)] in \(url) is not a valid IPv6 address",
          fix: "write it as in http://[::1]:8080 (a zone such as %eth0 is not supported)")
      }
      isIPv6 = true
    } else {
      if let colon = hostPort.utf8.lastIndex(of: URLByte.colon) {
        hostText = hostPort[..<colon]
        portText = hostPort[hostPort.utf8.index(after: colon)...]
      } else {
        hostText = hostPort
      }
      isIPv6 = false
      try Self.checkName(hostText, url: url)
    }
    guard !hostText.isEmpty else {
      throw Problem(
        .missingHost, what: "\(url) has no host name", fix: "write it as https://host[:port]/…")
    }
    host = hostText.lowercased()
    port = try portText.map { text throws(Problem) in try Self.port(text, url: url) }
  }

  /// The host as written in a URL: IPv6 literals in brackets.
  var hostForURL: String { isIPv6 ? "[\(host)]" : host }

  /// Checks a host name (not an IPv6 literal).
  private static func checkName(_ name: Substring, url: String) throws(Problem) {
    if name.utf8.contains(UInt8(ascii: "%")) {
      throw Problem(
        what: "the host \"\(name)\" in \(url) is percent-encoded: a browser decodes it,"
          + " cherry would not, so the two would connect to different hosts",
        fix: "write the host name without % escapes")
    }
    if name.unicodeScalars.contains(where: { !$0.isASCII }) {
      throw Problem(
        what: "the host \"\(name)\" in \(url) has non-ASCII characters, which a browser"
          + " converts (IDNA) and cherry would not",
        fix: "write the host in its ASCII form (the xn--… name your browser shows)")
    }
    if let bad = name.unicodeScalars.first(where: { !isHostCharacter($0) }) {
      throw Problem(
        what: "the host \"\(name)\" in \(url) has the character \"\(bad)\", which a host"
          + " name cannot hold",
        fix: "a host name has only letters, digits, \"-\", \".\" and \"_\"")
    }
    guard IPv4Literal.endsInNumber(name) else { return }
    guard let address = IPv4Literal(parsing: name) else {
      throw Problem(
        what: "the host \"\(name)\" in \(url) ends in a number but is not an IPv4 address"
          + " (a browser refuses it)",
        fix: "write an address as four numbers from 0 to 255 (a.b.c.d), or a host name")
    }
    if address.dotted != name {
      throw Problem(
        what: "the host \"\(name)\" in \(url) is the IPv4 address \(address.dotted) written"
          + " in a form that programs read differently",
        fix: "write it as \(address.dotted)")
    }
  }

  /// The characters of a host name.
  private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_": true
    default: false
    }
  }

  /// Reads a port: digits only, 1 to 65535.
  private static func port(_ text: Substring, url: String) throws(Problem) -> Int {
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      throw Problem(
        .portNotNumber, what: "\(url) has a port that is not a number",
        fix: "write the port as digits after the host (https://host:8443), or leave it out")
    }
    let digits = text.drop { $0 == "0" }
    guard digits.count <= 5, let value = Int(digits), (1...65535).contains(value) else {
      throw Problem(
        .portOutOfRange(String(text)), what: "the port \(text) in \(url) is outside 1–65535",
        fix: "give the port the server listens on (1–65535), or leave it out for the"
          + " scheme's default")
    }
    return value
  }
}
