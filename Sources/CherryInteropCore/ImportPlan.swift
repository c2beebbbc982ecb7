public import CherryKit

/// What an import would do to a session, provider by provider (DESIGN §1.7): the
/// preview `--dry-run` shows, and the session the import then keeps.
public struct ImportPlan: Sendable {
  /// The session before the import.
  public var before: Session
  /// The session after it.
  public var after: Session
  /// One entry per provider the source named, in the source's order.
  public var entries: [ImportPlanEntry]

  /// Whether the import changes anything.
  public var changesSomething: Bool { after != before }

  /// How many providers the import adds, changes, leaves alone and skips.
  public var counts: (added: Int, changed: Int, unchanged: Int, skipped: Int) {
    var counts = (added: 0, changed: 0, unchanged: 0, skipped: 0)
    for entry in entries {
      switch entry.action {
      case .added: counts.added += 1
      case .changed: counts.changed += 1
      case .unchanged: counts.unchanged += 1
      case .skipped: counts.skipped += 1
      }
    }
    return counts
  }
}

/// What an import does to one provider.
public struct ImportPlanEntry: Codable, Sendable, Equatable {
  /// What happens to the provider.
  public enum Action: String, Codable, Sendable {
    /// A new provider (custom, or a built-in the session lacked).
    case added
    /// An existing provider with at least one field changed.
    case changed
    /// An existing provider the source agrees with.
    case unchanged
    /// Nothing done: the provider cannot be set up here, or its id is unusable.
    case skipped
  }

  /// The provider id.
  public var id: String
  /// Its display name after the import.
  public var name: String
  /// What happens to it.
  public var action: Action
  /// Each field that changes, in the order applied.
  public var changes: [FieldChange]
  /// Why it was skipped, what was not imported, the source's on/off switch.
  public var notes: [String]
  /// Whether the source had it switched on (never applied: DESIGN §1.5).
  public var enabledInSource: Bool?
}

/// One field of a provider that an import changes; values are masked as on the
/// screen (keys never appear whole).
public struct FieldChange: Codable, Sendable, Equatable {
  /// The field, as `session` names it (`url`, `keys`, `models`, …).
  public var field: String
  /// Its value before, or `nil` when it had none.
  public var from: String?
  /// Its value after, or what was added (`+ #3 sk-ab****wxyz`).
  public var to: String?

  /// Creates a change.
  ///
  /// - Parameters:
  ///   - field: The field.
  ///   - from: The value before.
  ///   - to: The value after.
  public init(field: String, from: String?, to: String?) {
    self.field = field
    self.from = from
    self.to = to
  }
}
