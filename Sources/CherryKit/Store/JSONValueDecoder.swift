/// Decodes a value from a ``JSONValue`` tree, for the errors `JSONDecoder` cannot
/// place.
///
/// FoundationEssentials' `JSONDecoder` reports a number that does not fit its field
/// (`"rotationCursor": 1e300`, `"version": 1.5`) as "the given data was not valid
/// JSON", with no coding path. When the bytes are valid JSON after all, the store
/// decodes the tree again with this decoder, which tracks the path and says what
/// the number is, so the error names `providers.<id>.<field>`. It is used only
/// after `JSONDecoder` failed: loading a good file costs nothing more.
enum JSONValueDecoder {
  /// Decodes `type` from `tree`.
  ///
  /// - Parameters:
  ///   - type: The type to decode.
  ///   - tree: The parsed file.
  /// - Returns: The value.
  /// - Throws: `DecodingError` with the coding path of the faulty value.
  static func decode<T: Decodable>(_ type: T.Type, from tree: JSONValue) throws -> T {
    try T(from: Node(value: tree, codingPath: []))
  }
}

/// One value of the tree and where it is.
private struct Node: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw mismatch([String: JSONValue].self) }
    return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else { throw mismatch([JSONValue].self) }
    return Unkeyed(elements: elements, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    Single(node: self)
  }

  func mismatch(_ type: Any.Type) -> DecodingError {
    .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: ""))
  }

  func corrupted(_ what: String) -> DecodingError {
    .dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: what))
  }

  /// An integer field: a whole number that fits, else an error that says which.
  func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    switch value {
    case .integer(let number):
      guard let result = T(exactly: number) else { throw corrupted("\(number) is out of range") }
      return result
    case .number(let number):
      guard number.rounded() == number else {
        throw corrupted("expected a whole number, found \(number)")
      }
      guard let result = T(exactly: number) else { throw corrupted("\(number) is out of range") }
      return result
    default:
      throw mismatch(T.self)
    }
  }

  func floatingPoint() throws -> Double {
    switch value {
    case .integer(let number): return Double(number)
    case .number(let number): return number
    default: throw mismatch(Double.self)
    }
  }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [String: JSONValue]
  let codingPath: [any CodingKey]

  var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool {
    members[key.stringValue] != nil
  }

  func node(_ key: Key) throws -> Node {
    guard let value = members[key.stringValue] else {
      throw DecodingError.keyNotFound(
        key, DecodingError.Context(codingPath: codingPath, debugDescription: ""))
    }
    return Node(value: value, codingPath: codingPath + [key])
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    try node(key).value == .null
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try T(from: node(key))
  }

  func nestedContainer<Nested: CodingKey>(
    keyedBy type: Nested.Type, forKey key: Key
  ) throws -> KeyedDecodingContainer<Nested> {
    try node(key).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try node(key).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    Node(value: .object(members), codingPath: codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    try node(key)
  }
}

private struct Unkeyed: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [any CodingKey]
  var currentIndex = 0

  init(elements: [JSONValue], codingPath: [any CodingKey]) {
    self.elements = elements
    self.codingPath = codingPath
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  /// The next element; the index moves on only once it is decoded.
  func next() throws -> Node {
    let key = IndexKey(intValue: currentIndex)
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        JSONValue.self,
        DecodingError.Context(codingPath: codingPath + [key], debugDescription: "the list ends"))
    }
    return Node(value: elements[currentIndex], codingPath: codingPath + [key])
  }

  mutating func decodeNil() throws -> Bool {
    guard try next().value == .null else { return false }
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let value = try T(from: next())
    currentIndex += 1
    return value
  }

  mutating func nestedContainer<Nested: CodingKey>(
    keyedBy type: Nested.Type
  ) throws -> KeyedDecodingContainer<Nested> {
    let container = try next().container(keyedBy: type)
    currentIndex += 1
    return container
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let container = try next().unkeyedContainer()
    currentIndex += 1
    return container
  }

  mutating func superDecoder() throws -> any Decoder {
    let node = try next()
    currentIndex += 1
    return node
  }
}

private struct Single: SingleValueDecodingContainer {
  let node: Node
  var codingPath: [any CodingKey] { node.codingPath }

  func decodeNil() -> Bool { node.value == .null }

  func decode(_ type: Bool.Type) throws -> Bool {
    guard case .bool(let value) = node.value else { throw node.mismatch(type) }
    return value
  }

  func decode(_ type: String.Type) throws -> String {
    guard case .string(let value) = node.value else { throw node.mismatch(type) }
    return value
  }

  func decode(_ type: Double.Type) throws -> Double { try node.floatingPoint() }
  func decode(_ type: Float.Type) throws -> Float { Float(try node.floatingPoint()) }
  func decode(_ type: Int.Type) throws -> Int { try node.integer(type) }
  func decode(_ type: Int8.Type) throws -> Int8 { try node.integer(type) }
  func decode(_ type: Int16.Type) throws -> Int16 { try node.integer(type) }
  func decode(_ type: Int32.Type) throws -> Int32 { try node.integer(type) }
  func decode(_ type: Int64.Type) throws -> Int64 { try node.integer(type) }
  func decode(_ type: UInt.Type) throws -> UInt { try node.integer(type) }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try node.integer(type) }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try node.integer(type) }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try node.integer(type) }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try node.integer(type) }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try T(from: node)
  }
}

/// A list position in a coding path.
private struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { "\(intValue ?? 0)" }

  init(intValue: Int) {
    self.intValue = intValue
  }

  init?(stringValue: String) {
    return nil
  }
}
