/// The keys of one `key <list>` command after parsing (DESIGN §1.1): the keys to
/// store, in order, and what was dropped on the way.
public struct KeyList: Equatable, Sendable {
  /// The keys, trimmed and de-duplicated, in the order they were entered; each is a
  /// literal key or an `env:NAME` reference.
  public var keys: [String]
  /// What was dropped (empty entries, duplicates); the shell prints one line each.
  public var warnings: [KeyListWarning]

  /// Creates a parsed key list.
  ///
  /// - Parameters:
  ///   - keys: The keys to store.
  ///   - warnings: What parsing dropped.
  public init(keys: [String], warnings: [KeyListWarning] = []) {
    self.keys = keys
    self.warnings = warnings
  }
}

/// Something ``APIKeyList/parse(_:)`` dropped from a key list; the list is still
/// stored, without it.
public enum KeyListWarning: Equatable, Sendable, CustomStringConvertible {
  /// Entry `position` (1-based, counting every comma-separated entry) was empty.
  case emptyEntryDropped(position: Int)
  /// Entry `position` repeated an earlier key, shown masked.
  case duplicateDropped(position: Int, masked: String)

  /// One line for the user.
  public var description: String {
    switch self {
    case .emptyEntryDropped(let position):
      return "entry \(position) is empty: dropped"
    case .duplicateDropped(let position, let masked):
      return "entry \(position) (\(masked)) repeats an earlier key: dropped"
    }
  }
}
