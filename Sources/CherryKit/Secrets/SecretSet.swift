import FoundationEssentials
import Synchronization

/// The exact secret values to hide from every output (DESIGN §1.1: secrets are masked
/// by value, not by shape), and the masking itself.
///
/// A value of 8 or more characters is masked wherever it appears in a text
/// (``mask(_:)``), before any truncation. A shorter one is masked only in its own
/// field (``maskField(_:)``): searched for everywhere it would mask ordinary words.
/// The masked form is ``KeyMask/mask(_:)``'s.
///
/// A value type: a request builds the set of its own secrets; ``SecretRegistry`` holds
/// the process-wide one.
public struct SecretSet: Equatable, Sendable {
  /// The shortest secret masked anywhere in a text; shorter ones only in their field.
  public static let minimumSearchedLength = 8

  /// The values and, built on first use, the search tables; shared between copies
  /// until one changes, so passing a set to every request costs nothing.
  private var storage = Storage(values: [])

  /// An empty set.
  public init() {}

  /// A set holding some values.
  ///
  /// - Parameter values: The secrets; empty strings are ignored.
  public init(_ values: some Sequence<String>) {
    var all: Set<String> = []
    for value in values { Self.add(value, to: &all) }
    storage = Storage(values: all)
  }

  /// A set holding exactly these values, variants included (from a registry).
  init(exactly values: Set<String>) {
    storage = Storage(values: values)
  }

  /// Every value held, with the variants ``insert(_:)`` adds.
  public var values: Set<String> { storage.values }

  /// Whether no secret is held.
  public var isEmpty: Bool { storage.values.isEmpty }

  /// Two sets are equal when they hold the same values.
  public static func == (lhs: SecretSet, rhs: SecretSet) -> Bool {
    lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
  }

  /// Adds a secret, with the forms it takes when sent in a URL query (percent-encoded) or quoted
  /// back in JSON (escaped), so that an echo in either form is caught too.
  ///
  /// Empty values and `env:NAME` references are ignored.
  ///
  /// - Parameter value: The secret, exactly as sent.
  public mutating func insert(_ value: String) {
    var all = storage.values
    Self.add(value, to: &all)
    if all.count != storage.values.count { storage = Storage(values: all) }
  }

  /// Adds every secret of another set.
  ///
  /// - Parameter other: The other set.
  public mutating func formUnion(_ other: SecretSet) {
    guard !other.storage.values.isSubset(of: storage.values) else { return }
    storage = Storage(values: storage.values.union(other.storage.values))
  }

  /// This set and another.
  ///
  /// - Parameter other: The other set.
  /// - Returns: Both sets' secrets.
  public func union(_ other: SecretSet) -> SecretSet {
    var copy = self
    copy.formUnion(other)
    return copy
  }

  /// Masks every occurrence of a secret of 8 or more characters in a text.
  ///
  /// Overlapping secrets are hidden together; nothing else changes.
  ///
  /// - Parameter text: Any text: a message, a provider's body, a trace line.
  /// - Returns: The text with each occurrence replaced by its masked form.
  public func mask(_ text: String) -> String {
    storage.tables.long.replace(in: text)
  }

  /// Masks a field that may hold a secret of any length: the field's own value (a
  /// header value, a user name), not free text.
  ///
  /// - Parameter field: The field's value.
  /// - Returns: The value with every secret in it, short ones included, masked.
  public func maskField(_ field: String) -> String {
    if storage.values.contains(field) { return KeyMask.mask(field) }
    return storage.tables.all.replace(in: field)
  }

  /// Inserts a value and its variants into a set of values.
  private static func add(_ value: String, to values: inout Set<String>) {
    guard !value.isEmpty, APIKeyList.referenceName(value[...]) == nil else { return }
    values.insert(value)
    guard value.count >= minimumSearchedLength else { return }
    values.insert(PercentDecoding.encode(value))
    // As a JSON string's content, with and without `/` escaped (both are common).
    // JSON escapes only `"`, `\`, `/` and control bytes: a value without them (most
    // keys) is its own JSON form, and needs no encoder.
    guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x2F })
    else { return }
    for formatting in [JSONEncoder.OutputFormatting(), .withoutEscapingSlashes] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = formatting
      if let quoted = try? encoder.encode(value) {
        values.insert(String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self))
      }
    }
  }
}

/// The values of a ``SecretSet`` and their search tables, made once per set.
private final class Storage: Sendable {
  let values: Set<String>
  private let cache = Mutex<(all: SecretTable, long: SecretTable)?>(nil)

  init(values: Set<String>) {
    self.values = values
  }

  /// The tables of every secret and of those searched for in any text.
  var tables: (all: SecretTable, long: SecretTable) {
    cache.withLock { cached in
      if let cached { return cached }
      var made = (all: SecretTable(), long: SecretTable())
      for value in values { made.all.add(value, long: &made.long) }
      cached = made
      return made
    }
  }
}
