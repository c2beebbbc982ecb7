import CherryKit

// Shapes whose JSON is made only when the report is encoded, so that a command shown
// as text (every line of a replayed script, a 10,000-model list) does not build a
// JSON document it never prints.
extension JSONShapes {
  /// A provider's settings page, made only when the report is encoded: a command
  /// shown as text (every line of a replayed script) does not resolve endpoints it
  /// never prints.
  struct PageOf: Encodable {
    let provider: Provider
    let selected: Bool

    func encode(to encoder: any Encoder) throws {
      try JSONShapes.page(provider, selected: selected).encode(to: encoder)
    }
  }

  /// `manage --json`, made only when the report is encoded: the text of a
  /// 10,000-model list does not pay for its JSON too.
  struct ListingOf: Encodable {
    let listing: ModelListing
    let provider: Provider
    let key: Int?
    let stale: [String]

    func encode(to encoder: any Encoder) throws {
      try JSONShapes.listing(listing, provider: provider, key: key, stale: stale)
        .encode(to: encoder)
    }
  }
}
