import CherryInteropCore
import CherryKit
import Foundation

/// Cherry Studio's provider link, `cherrystudio://providers/api-keys?v=1&data=…`
/// (notes/cherry-studio-behaviour.md §8.3), read and written by the app's rules.
///
/// The data is JSON `{id, baseUrl, apiKey, name?, type?}`; the first three are
/// required, `type` defaults to `openai`, and `apiKey` may hold several keys
/// separated by commas.
enum DeepLink {
  /// The link format version cherry reads and writes.
  static let version = "1"

  /// Reads a link.
  ///
  /// - Parameter link: The whole link.
  /// - Returns: The provider it carries.
  /// - Throws: ``InteropFailure`` for another kind of link, a newer version, data
  ///   that is not a provider, or keys cherry refuses.
  static func read(_ link: String) throws(InteropFailure) -> ImportedSource {
    let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
    let scheme = "cherrystudio://"
    guard trimmed.lowercased().hasPrefix(scheme) else {
      throw InteropFailure(
        "not a Cherry Studio link: it does not start with \(scheme)",
        fix: [
          "import takes cherrystudio://providers/api-keys?v=1&data=…, or: import cherry-studio <backup>, import litellm <config.yaml>"
        ])
    }
    var rest = Substring(trimmed.dropFirst(scheme.count))
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let query = rest.firstIndex(of: "?").map { String(rest[rest.index(after: $0)...]) } ?? ""
    let location = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
    guard location == "providers/api-keys" else {
      throw InteropFailure(
        "cherrystudio://\(location) is not a provider link (cherry reads cherrystudio://providers/api-keys)"
      )
    }
    if let found = parameter("v", in: query), found != version {
      throw InteropFailure(
        "the link is format version v=\(found), newer than cherry knows (v=\(version))",
        fix: ["upgrade cherry, or enter the provider by hand: provider add, url, key"])
    }
    guard let data = parameter("data", in: query), !data.isEmpty else {
      throw InteropFailure("the link has no data=…: it carries no provider")
    }
    guard let object = try DeepLinkPayload.decode(data) as? [String: Any] else {
      throw InteropFailure("the link's data is not a provider: it is not a JSON object")
    }
    return ImportedSource(
      description: "Cherry Studio link (v=\(version))", providers: [try provider(object)])
  }

  /// Writes a provider as a link.
  ///
  /// - Parameter provider: The provider, its keys literal.
  /// - Returns: The link.
  static func write(_ provider: Provider) -> String {
    let object: [String: String] = [
      "id": provider.id, "name": provider.name, "baseUrl": provider.url,
      "apiKey": APIKeyList.join(provider.keys), "type": provider.type.rawValue,
    ]
    let json =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    let data = String(
      NodeBase64.encode([UInt8](json)).map { $0 == "+" ? "_" : $0 == "/" ? "-" : $0 })
    return "cherrystudio://providers/api-keys?v=\(version)&data=\(data)"
  }

  private static func provider(_ object: [String: Any]) throws(InteropFailure) -> ImportedProvider {
    var missing: [String] = []
    for field in ["id", "baseUrl", "apiKey"] {
      if (object[field] as? String)?.isEmpty ?? true { missing.append(field) }
    }
    guard missing.isEmpty, let id = object["id"] as? String,
      let baseURL = object["baseUrl"] as? String, let apiKey = object["apiKey"] as? String
    else {
      throw InteropFailure(
        "the link's provider lacks \(missing.joined(separator: ", ")) (id, baseUrl and apiKey are required)"
      )
    }
    let type = (object["type"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? "openai"
    var provider = ImportedProvider(id: id)
    provider.name = (object["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? id
    if let reason = CherryStudioProviders.unsupportedReason(forAppType: type) {
      provider.unsupportedReason = reason
      return provider
    }
    let (style, note) = CherryStudioProviders.style(forAppType: type)
    provider.style = style
    if let note { provider.notMapped.append(note) }
    if type == "new-api" { provider.newAPI = true }
    provider.url = baseURL
    do {
      provider.keys = try APIKeyList.parse(apiKey).keys
    } catch {
      throw InteropFailure("the link's apiKey is refused: \(error.description)")
    }
    return provider
  }

  /// The app's `getProtocolQueryParam`: the first `name=value` pair, both
  /// percent-decoded (a `+` stays a `+`), a value that cannot be decoded kept as is.
  static func parameter(_ name: String, in query: String) -> String? {
    for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
      let equals = pair.firstIndex(of: "=")
      let rawName = equals.map { pair[..<$0] } ?? pair
      guard (percentDecoded(rawName) ?? String(rawName)) == name else { continue }
      let rawValue = equals.map { pair[pair.index(after: $0)...] } ?? ""
      return percentDecoded(rawValue) ?? String(rawValue)
    }
    return nil
  }

  /// `decodeURIComponent`: `nil` where it would throw (a bad escape or bad UTF-8).
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hex), let low = iterator.next().flatMap(hex) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hex(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
