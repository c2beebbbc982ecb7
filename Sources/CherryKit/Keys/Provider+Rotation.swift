extension Provider {
  /// Takes the next key in rotation and records it as used (DESIGN §1.1).
  ///
  /// Call it once per operation that reaches the provider (a model listing, an
  /// `ask`); the connection test does not rotate, it picks keys explicitly.
  ///
  /// - Returns: The index in ``keys`` of the key to use, now stored as
  ///   ``rotationCursor``; `nil` when the provider has no keys.
  public mutating func advanceRotation() -> Int? {
    guard !keys.isEmpty else { return nil }
    let index = KeyRotation.next(count: keys.count, cursor: rotationCursor)
    rotationCursor = index
    return index
  }

  /// The 1-based number of the key the next request takes (the `#N` shown beside
  /// keys), without taking it; `nil` when the provider has no keys.
  ///
  /// The connection test does not rotate, so this is also the key that the next
  /// `manage` or `ask` uses.
  public var nextKeyNumber: Int? {
    keys.isEmpty ? nil : KeyRotation.next(count: keys.count, cursor: rotationCursor) + 1
  }

  /// Replaces the keys, keeping the rotation where it was when it can.
  ///
  /// Every key edit (`key <list>`, `key add`, `key rm`, `key clear`) goes through
  /// here, so that the cursor never points at a different key than the one used.
  ///
  /// - Parameter keys: The new keys, in order.
  public mutating func setKeys(_ keys: [String]) {
    rotationCursor = KeyRotation.remap(cursor: rotationCursor, from: self.keys, to: keys)
    self.keys = keys
  }
}
