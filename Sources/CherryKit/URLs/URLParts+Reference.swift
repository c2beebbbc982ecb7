extension URLParts {
  /// The absolute URL a reference (a redirect's `Location`) points to, read against this URL as RFC
  /// 3986 §5 says: an absolute URL as is, `//host/…` with this scheme, `/path` on this origin,
  /// `?query` on this path, a relative path beside this one.
  ///
  /// A fragment is dropped (it is never sent).
  ///
  /// The result is not checked: parse it with ``init(_:)-(String)`` before using it.
  ///
  /// - Parameter reference: The reference, as the server sent it.
  /// - Returns: The absolute URL text.
  public func resolving(_ reference: String) -> String {
    var text = reference.drop { $0 == " " || $0 == "\t" }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
    if Self.hasScheme(text) { return String(text) }
    if text.hasPrefix("//") { return scheme + ":" + text }
    let base = String(origin)
    let currentQuery = query.map { "?" + $0 } ?? ""
    if text.isEmpty { return base + path + currentQuery }
    if text.hasPrefix("?") { return base + path + text }
    let referencePath = text.prefix { $0 != "?" }
    let referenceQuery = text[referencePath.endIndex...]
    let merged: String
    if referencePath.hasPrefix("/") {
      merged = String(referencePath)
    } else {
      let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
      merged = String(directory + referencePath)
    }
    return base + Self.removingDotSegments(merged) + referenceQuery
  }

  /// Whether a reference starts with a scheme (`https:`) before any `/`, `?` or `#`.
  private static func hasScheme(_ text: Substring) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let candidate = text[..<colon]
    guard let first = candidate.first, first.isASCII, first.isLetter else { return false }
    return candidate.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }

  /// The path with `.` and `..` segments resolved (RFC 3986 §5.2.4).
  private static func removingDotSegments(_ path: String) -> String {
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (index, segment) in segments.enumerated() {
      let isLast = index == segments.count - 1
      switch segment {
      case ".":
        if isLast { output.append("") }
      case "..":
        if output.count > 1 { output.removeLast() }
        if isLast { output.append("") }
      default:
        output.append(segment)
      }
    }
    let joined = output.joined(separator: "/")
    return joined.hasPrefix("/") ? joined : "/" + joined
  }
}
