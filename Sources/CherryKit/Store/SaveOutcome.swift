/// What ``SessionStore/save(_:base:onConflict:)`` did.
public struct SaveOutcome: Equatable, Sendable {
  /// The session to go on with, and the `base` of the next save: what the file now
  /// holds (this shell's changes, the other cherries' changes, and for each conflict
  /// the other cherry's value), except ``Session/selected``, which stays this
  /// shell's own selection, or `nil` when another cherry removed that provider.
  public var session: Session
  /// The fields that both changed, where the file kept the other cherry's value.
  ///
  /// ``session`` has that value; empty when everything of this shell's was saved.
  /// Only ``ConflictPolicy/keepTheirs`` returns any.
  public var conflicts: [SessionConflict]

  /// Creates an outcome.
  ///
  /// - Parameters:
  ///   - session: The session to go on with.
  ///   - conflicts: The fields where the other cherry's value was kept.
  public init(session: Session, conflicts: [SessionConflict] = []) {
    self.session = session
    self.conflicts = conflicts
  }
}
