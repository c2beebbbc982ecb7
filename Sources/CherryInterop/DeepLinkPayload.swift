import CherryInteropCore
import Foundation

/// The `data=` of a Cherry Studio provider link, decoded exactly as the app's
/// current protocol handler does (`parseProvidersImportData`, with its tests carried
/// into `DeepLinkTests`): the base64 with `_` for `+` and `-` for `/` (plain base64
/// works too), then JSON; only when that fails, the legacy form `({'id':'…'})`, whose
/// single-quoted strings are read as strings, so `Bob's Provider (prod)` survives.
enum DeepLinkPayload {
  /// The longest `data` value the app accepts, in characters.
  static let maximumCharacters = 64 * 1024

  /// Decodes a link's data value.
  ///
  /// - Parameter data: The value of `data=`, percent-decoded.
  /// - Returns: The decoded JSON value.
  /// - Throws: ``InteropFailure`` when it is too long or is not JSON in either form.
  static func decode(_ data: String) throws(InteropFailure) -> Any {
    guard data.count <= maximumCharacters else {
      throw InteropFailure(
        "the link's data is \(data.count) characters long, more than Cherry Studio accepts (\(maximumCharacters))"
      )
    }
    let normalized = String(
      data.map { $0 == "_" ? "+" : $0 == "-" ? "/" : $0 })
    let text = String(decoding: NodeBase64.decode(normalized), as: UTF8.self)
    if let value = parse(text) { return value }
    if let legacy = normalizeLegacy(text), let value = parse(legacy) { return value }
    throw InteropFailure(
      "the link's data is not a provider: after base64 decoding it is not JSON",
      fix: [
        "copy the whole link again; the app's links are cherrystudio://providers/api-keys?v=1&data=…"
      ])
  }

  private static func parse(_ text: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
  }

  /// The app's `normalizeLegacyProviderImportPayload`: `({…})` with single-quoted
  /// strings, turned into JSON.
  static func normalizeLegacy(_ decoded: String) -> String? {
    let trimmed = trimJS(decoded)
    guard trimmed.hasPrefix("("), trimmed.hasSuffix(")"), trimmed.count >= 2 else { return nil }
    let inner = Array(trimJS(String(trimmed.dropFirst().dropLast())))
    guard inner.first == "{", inner.last == "}" else { return nil }
    var normalized = ""
    var insideDoubleQuoted = false
    var escaped = false
    var index = 0
    while index < inner.count {
      let character = inner[index]
      if insideDoubleQuoted {
        normalized.append(character)
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          insideDoubleQuoted = false
        }
        index += 1
        continue
      }
      if character == "\"" {
        insideDoubleQuoted = true
        normalized.append(character)
        index += 1
        continue
      }
      if character == "'" {
        guard let literal = singleQuoted(inner, from: index) else { return nil }
        normalized += literal.json
        index = literal.next
        continue
      }
      normalized.append(character)
      index += 1
    }
    return normalized
  }

  /// The app's `parseSingleQuotedJsonLiteral`: the string starting at a `'`, as JSON.
  private static func singleQuoted(_ characters: [Character], from start: Int) -> (
    json: String, next: Int
  )? {
    var value = ""
    var escaped = false
    var index = start + 1
    while index < characters.count {
      let character = characters[index]
      if escaped {
        switch character {
        case "b": value.append("\u{08}")
        case "f": value.append("\u{0C}")
        case "n": value.append("\n")
        case "r": value.append("\r")
        case "t": value.append("\t")
        default: value.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "'" {
        return (jsonString(value), index + 1)
      } else {
        value.append(character)
      }
      index += 1
    }
    return nil
  }

  /// `JSON.stringify` of a string.
  static func jsonString(_ value: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]))
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
  }

  /// JavaScript's `trim`: white space and line terminators at both ends.
  private static func trimJS(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first.isWhitespace || first == "\u{FEFF}" { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace || last == "\u{FEFF}" { slice.removeLast() }
    return String(slice)
  }
}
