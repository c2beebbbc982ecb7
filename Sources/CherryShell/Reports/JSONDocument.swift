import CherryKit
import FoundationEssentials

/// The one JSON object a command writes to standard output with `--json`
/// (DESIGN §2.1): `ok`, `command`, the report's fields, and `error` when it failed.
///
/// One line each, keys sorted, so a stream of them is JSON Lines and `jq` reads it.
enum JSONDocument {
  /// The document of a command that ran.
  ///
  /// - Parameters:
  ///   - command: The command as named (`key add`), `nil` when none was read.
  ///   - report: What it produced, if anything.
  ///   - error: Why it failed, or `nil`.
  /// - Returns: One line of JSON.
  static func make(command: String?, report: (any CommandReport)?, error: ShellError?) -> String {
    encode(Envelope(command: command, report: report, error: error))
  }

  /// Encodes a value as one line of JSON with sorted keys.
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else {
      return #"{"ok":false,"error":{"what":"cannot encode the result as JSON","fix":null}}"#
    }
    return escapingControls(String(decoding: data, as: UTF8.self))
  }

  /// JSON escapes C0 controls itself; DEL, C1 controls and bidi overrides it
  /// leaves raw, and a document read on a terminal must not act on them: written
  /// as `\uXXXX`, the same string to a JSON reader.
  private static func escapingControls(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: { VisibleText.isUnsafe($0, layout: .text) }) else {
      return json
    }
    var result = ""
    for scalar in json.unicodeScalars {
      if VisibleText.isUnsafe(scalar, layout: .text) {
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private struct Envelope: Encodable {
    let command: String?
    let report: (any CommandReport)?
    let error: ShellError?

    enum Key: String, CodingKey {
      case ok, command, error
    }

    struct ErrorBody: Encodable {
      let what: String
      let fix: String?
    }

    func encode(to encoder: any Encoder) throws {
      // The report's fields go in the same object: one level, as `jq .field` expects.
      try report?.encode(to: encoder)
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(error == nil, forKey: .ok)
      try container.encode(command, forKey: .command)
      if let error {
        try container.encode(
          ErrorBody(
            what: error.what, fix: error.fix.isEmpty ? nil : error.fix.joined(separator: "\n")),
          forKey: .error)
      }
    }
  }
}
