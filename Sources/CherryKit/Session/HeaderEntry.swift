/// An extra request header set with `header set <name> <value>` (DESIGN §1.6).
///
/// The value may be `env:NAME`, read from the environment at request time.
public struct HeaderEntry: Codable, Equatable, Sendable, Hashable {
  /// The header name as the user typed it.
  public var name: String
  /// The value, or an `env:NAME` reference.
  public var value: String

  /// Creates a header entry.
  ///
  /// - Parameters:
  ///   - name: The header name.
  ///   - value: The value or an `env:NAME` reference.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
