/// What a save does when another cherry changed a field that this shell changed too
/// (DESIGN §2.4: never a silent overwrite, and the shell goes on saving).
public enum ConflictPolicy: Sendable {
  /// Write nothing and throw ``StoreError/conflict(path:fields:)`` naming every such
  /// field: for a script, which is saved all or nothing and then exits 3.
  case refuse
  /// Keep the other cherry's value of each such field, write this shell's other
  /// changes, and return the conflicts in ``SaveOutcome/conflicts``: for the prompt,
  /// which adopts ``SaveOutcome/session``, says which values it took, and goes on.
  case keepTheirs
}
