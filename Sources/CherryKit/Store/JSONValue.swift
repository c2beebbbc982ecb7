import FoundationEssentials

/// Any JSON value, for text whose shape a type cannot fix in advance:
/// FoundationEssentials has no `JSONSerialization`.
///
/// The store uses it for what the typed ``Session`` cannot hold — the fields a newer
/// cherry (or a hand edit) added, which a save must keep (``UnknownFields``), and
/// the ids that turn an error's `providers[2]` into `providers.<id>` — and a
/// provider's error bodies and stream events vary by provider. Whole numbers are
/// kept exactly, so rewriting a file does not round a large integer.
package enum JSONValue: Codable, Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number that is a whole 64-bit integer, kept exactly.
  case integer(Int64)
  /// Any other number.
  case number(Double)
  /// A string.
  case string(String)
  /// A list.
  case array([JSONValue])
  /// An object; the order of its members is not kept.
  case object([String: JSONValue])

  /// Decodes any JSON value.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a number no Swift type holds (`1e400`).
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Encodes the value as the JSON it came from.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's error.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .integer(let value): try container.encode(value)
    case .number(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }

  /// Parses bytes as JSON.
  ///
  /// - Parameter bytes: The text, as UTF-8.
  /// - Returns: The value, or `nil` when the bytes are not JSON.
  package static func parse(_ bytes: some Sequence<UInt8>) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The member with the given name, when this is an object.
  package subscript(_ key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The element at `index`, when this is a list that long.
  package subscript(_ index: Int) -> JSONValue? {
    if case .array(let elements) = self, elements.indices.contains(index) {
      return elements[index]
    }
    return nil
  }

  /// The string, when this is one.
  package var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number, whole or not, when this is one.
  package var number: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .number(let value): return value
    default: return nil
    }
  }

  /// The boolean, when this is one.
  package var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements, when this is a list.
  package var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// What kind of value this is, in the words errors use ("a string", "a list").
  package var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "true or false"
    case .integer, .number: return "a number"
    case .string: return "a string"
    case .array: return "a list"
    case .object: return "an object"
    }
  }
}
