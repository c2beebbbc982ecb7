extension Provider {
  /// Sets the provider's notes (`note <text>`), or clears them (`note` with empty
  /// text); `show` prints them.
  ///
  /// - Parameter text: The notes; surrounding whitespace is trimmed, and empty text
  ///   clears them.
  public mutating func setNotes(_ text: String) {
    let trimmed = text.trimmingWhitespace
    notes = trimmed.isEmpty ? nil : trimmed
  }
}
