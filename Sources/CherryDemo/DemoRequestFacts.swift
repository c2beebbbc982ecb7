import CherryKit

/// What the server knows of a request when it decides whether a fault or a
/// hostile rule applies to it.
struct DemoRequestFacts: Sendable {
  /// The demo provider it belongs to (``DemoSession/providerID(path:style:)``).
  var provider: String?
  /// The style of its route, or `nil` when no route matched.
  var style: APIStyle?
  /// The model named by the path or the body.
  var model: String?
  /// The path, without the query.
  var path: String
}
