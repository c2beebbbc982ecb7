/// Round-robin over a provider's keys (DESIGN §1.1).
///
/// Keys are used in list order, cycling: 1, 2, 3, 4, 1, …
///
/// The state is the index of the key used last (``Provider/rotationCursor``),
/// saved with the session so rotation survives a restart. Cherry Studio keeps
/// the last key's *text* instead; ``remap(cursor:from:to:)`` gives the same
/// behaviour when the list is edited.
public enum KeyRotation {
  /// The index of the key to use now.
  ///
  /// - Parameters:
  ///   - count: The number of keys; for 0 the result is 0 and must not be used.
  ///   - cursor: The index used last, or `nil` when none was.
  /// - Returns: 0 when `cursor` is `nil` or out of range, else `(cursor + 1) % count`.
  public static func next(count: Int, cursor: Int?) -> Int {
    guard let cursor, count > 0, cursor >= 0, cursor < count else { return 0 }
    return (cursor + 1) % count
  }

  /// The cursor after the key list was edited.
  ///
  /// Rotation resumes after the key used last when it is still in the list (the
  /// cursor moves to its new index); when it was removed, rotation starts again
  /// from the first key.
  ///
  /// - Parameters:
  ///   - cursor: The cursor before the edit.
  ///   - old: The keys before the edit.
  ///   - new: The keys after the edit.
  /// - Returns: The new index of the last used key, or `nil`.
  public static func remap(cursor: Int?, from old: [String], to new: [String]) -> Int? {
    guard let cursor, old.indices.contains(cursor) else { return nil }
    return new.firstIndex(of: old[cursor])
  }
}
