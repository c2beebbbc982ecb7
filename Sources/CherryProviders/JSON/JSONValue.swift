import FoundationEssentials

/// Any JSON value, for bodies whose shape varies by provider (error bodies, stream
/// events): FoundationEssentials has no `JSONSerialization`.
enum JSONValue: Decodable, Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
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

  /// Parses bytes as JSON, or `nil` when they are not JSON.
  static func parse(_ bytes: some Sequence<UInt8>) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The member with the given name, when this is an object.
  subscript(_ key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string, when this is one.
  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number, when this is one.
  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The elements, when this is an array.
  var array: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The boolean, when this is one.
  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }
}
