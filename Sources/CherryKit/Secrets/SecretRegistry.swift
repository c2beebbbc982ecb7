import Synchronization

/// The process-wide register of secret values (DESIGN §1.1): every key, `env:` value
/// once read, header value and URL password that entered the shell, so that every
/// output path can mask them by value.
///
/// The shell makes one for the whole process and hands it down; the request layer adds
/// what it reads at request time (an `env:` key's value). Thread-safe; its search
/// tables grow with each secret, so registering thousands of keys one by one stays
/// cheap, and so does masking.
public final class SecretRegistry: Sendable {
  private struct Index {
    var values: Set<String> = []
    var all = SecretTable()
    var long = SecretTable()

    mutating func add(_ new: some Sequence<String>) {
      for value in new where values.insert(value).inserted {
        all.add(value, long: &long)
      }
    }
  }

  private let index: Mutex<Index>

  /// Creates a registry.
  ///
  /// - Parameter initial: The secrets known from the start.
  public init(_ initial: SecretSet = SecretSet()) {
    var index = Index()
    index.add(initial.values)
    self.index = Mutex(index)
  }

  /// Registers one secret (empty values and `env:NAME` references are ignored), with
  /// the forms ``SecretSet/insert(_:)`` adds.
  ///
  /// - Parameter value: The secret.
  public func register(_ value: String) {
    register(SecretSet([value]))
  }

  /// Registers several secrets.
  ///
  /// - Parameter values: The secrets.
  public func register(contentsOf values: some Sequence<String>) {
    register(SecretSet(values))
  }

  /// Registers every secret of a set.
  ///
  /// - Parameter set: The secrets.
  public func register(_ set: SecretSet) {
    index.withLock { $0.add(set.values) }
  }

  /// The secrets registered so far.
  public var current: SecretSet {
    SecretSet(exactly: index.withLock { $0.values })
  }

  /// Masks the registered secrets of 8 or more characters in a text; see
  /// ``SecretSet/mask(_:)``.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text, safe to print.
  public func mask(_ text: String) -> String {
    index.withLock { $0.long.replace(in: text) }
  }

  /// Masks the registered secrets, short ones included, in one field; see
  /// ``SecretSet/maskField(_:)``.
  ///
  /// - Parameter field: A field's value.
  /// - Returns: The value, safe to print.
  public func maskField(_ field: String) -> String {
    index.withLock { index in
      index.values.contains(field) ? KeyMask.mask(field) : index.all.replace(in: field)
    }
  }
}
