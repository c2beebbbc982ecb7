/// Where a stored key's value comes from: the key itself, or an environment
/// variable read at request time (DESIGN §1.1, `key env:OPENAI_API_KEY`).
///
/// A reference keeps the secret out of the session file; its value is looked up
/// each time it is used and never stored.
public enum KeySource: Equatable, Sendable {
  /// The key as entered.
  case literal(String)
  /// The value of the environment variable `name`.
  case environment(name: String)

  /// Reads a stored key.
  ///
  /// - Parameter entry: One key as stored: `env:NAME`, or anything else (a literal).
  public init(entry: String) {
    if let name = APIKeyList.referenceName(entry[...]) {
      self = .environment(name: String(name))
    } else {
      self = .literal(entry)
    }
  }

  /// The stored form of this key, the one ``init(entry:)`` reads.
  public var entry: String {
    switch self {
    case .literal(let key): return key
    case .environment(let name): return "env:" + name
    }
  }

  /// The key to send.
  ///
  /// - Parameter environment: The process environment (passed in, so tests can
  ///   give their own).
  /// - Returns: The literal key, or the variable's value with surrounding
  ///   whitespace trimmed (a value read with `$(cat file)` keeps no newline, but
  ///   one set by hand may).
  /// - Throws: ``KeyListError/unsetVariable(name:)`` when the variable is unset or
  ///   holds only whitespace.
  public func resolve(environment: [String: String]) throws(KeyListError) -> String {
    switch self {
    case .literal(let key):
      return key
    case .environment(let name):
      guard let value = environment[name] else { throw .unsetVariable(name: name) }
      let trimmed = value.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }
      guard !trimmed.isEmpty else { throw .unsetVariable(name: name) }
      return String(trimmed.reversed())
    }
  }
}
