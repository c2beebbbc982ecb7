/// A JSON shape made only when the report is encoded, so that a command shown as text
/// (every line of a replayed script, a 10,000-model list) does not build a JSON
/// document it never prints: a settings page resolves every endpoint, a listing
/// classifies every model.
struct DeferredShape<Shape: Encodable>: Encodable {
  /// Makes the shape.
  let make: () -> Shape

  init(_ make: @escaping () -> Shape) {
    self.make = make
  }

  func encode(to encoder: any Encoder) throws {
    try make().encode(to: encoder)
  }
}
