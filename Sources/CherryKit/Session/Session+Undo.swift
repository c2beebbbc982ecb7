extension Session {
  /// This session with a failed command's changes undone: the state of `before`,
  /// except that every key a request used stays used (DESIGN §1.1: the next
  /// request must take the next key even when this one failed).
  ///
  /// One rule for every command, so that a new command that calls a provider
  /// cannot forget to keep the rotation.
  ///
  /// - Parameter before: The session as it was before the command ran.
  /// - Returns: `before`, with the rotation cursors of this session.
  public func undoingChanges(since before: Session) -> Session {
    var undone = before
    for index in undone.providers.indices {
      guard let now = provider(undone.providers[index].id),
        now.keys == undone.providers[index].keys
      else { continue }
      undone.providers[index].rotationCursor = now.rotationCursor
    }
    return undone
  }
}
