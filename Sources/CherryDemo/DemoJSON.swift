import FoundationEssentials

/// Small JSON helpers: the server writes its bodies as text (no Foundation
/// serialisation) and reads only the few request fields it checks.
enum DemoJSON {
  /// A JSON string literal for a value, escaped.
  static func quote(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// A JSON string literal, or `null` for `nil`.
  static func quoteOrNull(_ text: String?) -> String {
    text.map(quote) ?? "null"
  }

  /// Decodes the request fields the routes check; `nil` when the body is not a JSON object.
  static func fields(_ body: [UInt8]) -> DemoBodyFields? {
    guard !body.isEmpty else { return nil }
    return try? JSONDecoder().decode(DemoBodyFields.self, from: Data(body))
  }
}

/// The request-body fields the demo routes look at; everything else is ignored.
struct DemoBodyFields: Decodable, Sendable {
  /// The model (OpenAI, Anthropic, Ollama bodies).
  var model: String?
  /// Whether a stream is wanted.
  var stream: Bool?
  /// Anthropic's required `max_tokens`.
  var maxTokens: Int?
  /// Whether `messages` is present (chat styles).
  var hasMessages: Bool
  /// Whether `input` is present (Responses, embeddings).
  var hasInput: Bool
  /// Whether `contents` is present (Gemini generate).
  var hasContents: Bool
  /// Whether `content` is present (Gemini embed).
  var hasContent: Bool

  private enum CodingKeys: String, CodingKey {
    case model, stream, messages, input, contents, content
    case maxTokens = "max_tokens"
  }

  /// Decodes the fields, tolerating any type for the ones only checked for presence.
  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    model = try? container.decodeIfPresent(String.self, forKey: .model)
    stream = try? container.decodeIfPresent(Bool.self, forKey: .stream)
    maxTokens = try? container.decodeIfPresent(Int.self, forKey: .maxTokens)
    hasMessages = Self.isPresent(container, .messages)
    hasInput = Self.isPresent(container, .input)
    hasContents = Self.isPresent(container, .contents)
    hasContent = Self.isPresent(container, .content)
  }

  /// Whether a key is present with a value other than `null`.
  private static func isPresent(
    _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
  ) -> Bool {
    container.contains(key) && !((try? container.decodeNil(forKey: key)) ?? true)
  }
}
