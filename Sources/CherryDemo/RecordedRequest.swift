public import CherryKit

/// One request the demo server received, kept so tests can check what a client
/// really sent: the path for each URL form, the key for rotation, the model, and
/// the time interval for concurrency.
public struct RecordedRequest: Equatable, Sendable {
  /// A number in arrival order, starting at 1 for each server.
  public var id: Int
  /// The HTTP method (`GET`, `POST`).
  public var method: String
  /// The request target as received: the path with its query string.
  public var target: String
  /// The style the route belongs to, or `nil` when no route matched.
  public var style: APIStyle?
  /// The model named in the body or the path, or `nil` for none (a model list).
  public var model: String?
  /// The key carried in the style's key header, whole (tests compare it), or `nil`.
  public var key: String?
  /// The 1-based position of ``key`` in the server's accepted keys, or `nil`.
  public var keyNumber: Int?
  /// The request headers, in the order received.
  public var headers: [HeaderEntry]
  /// The request body as text (at most 64 KiB of it).
  public var body: String
  /// The status of the answer (set as soon as it is decided, so a client that
  /// closes a stream early still sees 200), or `nil` for a dropped connection or
  /// while the request waits out its latency.
  public var status: Int?
  /// When the request head arrived.
  public var start: ContinuousClock.Instant
  /// When the answer was completely written (or the connection ended), or `nil` while running.
  public var end: ContinuousClock.Instant?

  /// The path without the query string.
  public var path: String {
    target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(
      String.init) ?? target
  }

  /// The value of a request header, compared without case.
  ///
  /// - Parameter name: The header name.
  /// - Returns: The first value of that header, or `nil`.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// Whether this request's time interval overlaps another's (both must have ended).
  ///
  /// - Parameter other: Another recorded request.
  /// - Returns: `true` when each started before the other ended.
  public func overlaps(_ other: RecordedRequest) -> Bool {
    guard let end, let otherEnd = other.end else { return false }
    return start < otherEnd && other.start < end
  }
}
