/// An API URL cut into the pieces the rules of DESIGN §1.2 look at.
///
/// Internal: the rules need less than `URL` parses, and must keep the text
/// exactly as typed.
struct URLParts: Equatable {
  /// `scheme://authority`, as typed.
  var origin: Substring
  /// The path, empty or starting with `/`, as typed.
  var path: Substring
  /// The query without its `?`, or `nil` when there is none (or it is empty).
  var query: Substring?
  /// Whether the URL ended with `#`.
  var exact: Bool

  /// Cuts a trimmed URL into parts, checking what every rule relies on.
  ///
  /// - Parameter text: A trimmed, non-empty URL.
  /// - Throws: ``URLRuleError/unsupportedScheme(_:)`` or ``URLRuleError/malformed(_:)``.
  init(_ text: Substring) throws(URLRuleError) {
    for character in text where character.isWhitespace || Self.isControl(character) {
      throw .malformed(
        character.isWhitespace
          ? "\(text) has a space inside it" : "\(text) holds a control character")
    }
    exact = text.hasSuffix("#")
    let body = exact ? text.dropLast() : text
    if body.contains("#") {
      throw .malformed("\(text): a \"#\" may only end the URL (it means: use it exactly)")
    }
    guard let schemeEnd = body.firstRange(of: "://") else {
      if let colon = body.firstIndex(of: ":"), Self.isScheme(body[..<colon]),
        !body[body.index(after: colon)...].allSatisfy(\.isNumber)
      {
        throw .unsupportedScheme(String(body[..<colon]))
      }
      throw .malformed(
        "\(text) has no scheme: write https://\(text) (or http:// for a local server)")
    }
    let scheme = body[..<schemeEnd.lowerBound]
    guard Self.isScheme(scheme) else {
      throw .malformed("\(text) does not start with a scheme such as https://")
    }
    let lowered = scheme.lowercased()
    guard lowered == "http" || lowered == "https" else { throw .unsupportedScheme(String(scheme)) }
    let rest = body[schemeEnd.upperBound...]
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    try Self.checkAuthority(authority, url: text)
    origin = body[..<authorityEnd]
    let afterAuthority = rest[authorityEnd...]
    if let mark = afterAuthority.firstIndex(of: "?") {
      path = afterAuthority[..<mark]
      let query = afterAuthority[afterAuthority.index(after: mark)...]
      self.query = query.isEmpty ? nil : query
    } else {
      path = afterAuthority
      query = nil
    }
  }

  // MARK: - Checks

  private static func isScheme(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLetter else { return false }
    return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }

  private static func checkAuthority(_ authority: Substring, url: Substring) throws(URLRuleError) {
    let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
    guard !host.isEmpty else { throw .malformed("\(url) has no host name") }
    // A port follows the last ":" outside an IPv6 literal's brackets.
    let afterBracket = host.lastIndex(of: "]").map { host[$0...] } ?? host
    if let colon = afterBracket.lastIndex(of: ":") {
      let port = afterBracket[afterBracket.index(after: colon)...]
      let name = host[..<colon]
      guard !name.isEmpty else { throw .malformed("\(url) has no host name") }
      guard port.allSatisfy({ $0.isASCII && $0.isNumber }), port.count <= 5 else {
        throw .malformed("\(url) has a port that is not a number")
      }
    }
  }

  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      scalar.value < 0x20 || scalar.value == 0x7F
        || scalar.properties.generalCategory == .control
        || scalar.properties.generalCategory == .format
    }
  }
}

/// Path helpers shared by the URL rules; all compare segments, never raw text, so
/// that `/v1x` is not taken for `/v1`.
enum URLPath {
  /// `v<digits>` optionally followed by `alpha` or `beta`, in any case (`v1`, `V1`,
  /// `v2beta`, `v3alpha`); `v1.5` and `version2` are not versions.
  static func isVersionSegment(_ segment: Substring) -> Bool {
    let bytes = Array(segment.utf8)
    guard bytes.count >= 2, bytes[0] == 0x76 || bytes[0] == 0x56 else { return false }
    var index = 1
    while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
    guard index > 1 else { return false }
    let tail = String(decoding: bytes[index...], as: UTF8.self).lowercased()
    return tail.isEmpty || tail == "alpha" || tail == "beta"
  }

  /// The path without its trailing slashes.
  static func trimmingSlashes(_ path: Substring) -> Substring {
    var result = path
    while result.hasSuffix("/") { result = result.dropLast() }
    return result
  }

  /// The last segment of a path without trailing slashes.
  static func lastSegment(_ path: Substring) -> Substring {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return path[path.index(after: slash)...]
  }

  /// Whether any segment of the path is a version segment, as Cherry Studio's
  /// `hasAPIVersion` tests the path (`/v3alpha/resources` has one, `/av1/users` none).
  static func hasVersionSegment(_ path: Substring) -> Bool {
    versionSegment(in: path) != nil
  }

  /// The last version segment of the path, wherever it is (`v1beta` in
  /// `/v1beta/openai`), or `nil` when it has none.
  static func versionSegment(in path: Substring) -> Substring? {
    path.split(separator: "/").last { isVersionSegment($0) }
  }

  /// The path without a last segment equal to `segment` (ignoring case), or `nil`
  /// when it does not end with it.
  static func droppingSegment(_ segment: String, from path: Substring) -> Substring? {
    let last = lastSegment(path)
    guard last.lowercased() == segment, last.startIndex > path.startIndex else { return nil }
    return path[..<path.index(before: last.startIndex)]
  }

  /// The path without a final `/<operation>` (segments joined by `/`, compared
  /// exactly), or `nil` when it does not end with it at a segment boundary.
  static func droppingSuffix(_ operation: String, from path: Substring) -> Substring? {
    let suffix = "/" + operation
    guard path.hasSuffix(suffix) else { return nil }
    return path.dropLast(suffix.count)
  }
}
