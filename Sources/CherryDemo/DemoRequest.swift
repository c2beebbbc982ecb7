import CherryKit

/// One complete HTTP request as the server read it (head and body).
struct DemoRequest: Sendable {
  /// The method, such as `POST`.
  var method: String
  /// The request target as received: path and query.
  var target: String
  /// The request headers, in order.
  var headers: [HeaderEntry]
  /// The body bytes.
  var body: [UInt8]

  /// The path, without the query string.
  var path: String {
    if let mark = target.firstIndex(of: "?") { return String(target[..<mark]) }
    return target
  }

  /// The query items, percent-decoded; the first value of a repeated name wins.
  var query: [String: String] {
    guard let mark = target.firstIndex(of: "?") else { return [:] }
    var items: [String: String] = [:]
    for pair in target[target.index(after: mark)...].split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = DemoRequest.percentDecoded(String(parts[0]))
      let value = parts.count > 1 ? DemoRequest.percentDecoded(String(parts[1])) : ""
      if items[name] == nil { items[name] = value }
    }
    return items
  }

  /// The first value of a header, compared without case.
  func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// The token of an `Authorization: Bearer <token>` header, or `nil`.
  var bearerToken: String? {
    guard let value = header("authorization") else { return nil }
    let parts = value.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].trimmingWhitespace
    return token.isEmpty ? nil : token
  }

  /// The body as text, cut at 64 KiB for recording.
  var bodyText: String {
    String(decoding: body.prefix(64 << 10), as: UTF8.self)
  }

  /// Decodes `%XX` escapes and `+` (as a space in queries); bad escapes stay as they are.
  static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") || text.contains("+") else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == UInt8(ascii: "+") {
        bytes.append(UInt8(ascii: " "))
      } else if byte == UInt8(ascii: "%"), utf8.count >= 2,
        let high = hexValue(utf8[utf8.startIndex]),
        let low = hexValue(utf8[utf8.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value of one hex digit, or `nil`.
  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
