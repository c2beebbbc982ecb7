/// One request as `set trace on` shows it: method, URL, headers with secrets masked, the status and
/// the time it took.
///
/// A same-origin redirect that cherry followed is a record of its own, naming where it led (DESIGN
/// §1.2).
public struct RequestTrace: Equatable, Sendable {
  /// One request header, its value masked when it carries a secret.
  public struct Header: Equatable, Sendable {
    /// The header name.
    public var name: String
    /// The value, masked when secret.
    public var value: String

    /// Creates a header.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - value: The (masked) value.
    public init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  /// The HTTP method.
  public var method: String
  /// The URL, key-like query items masked.
  public var url: String
  /// The request headers, secrets masked.
  public var headers: [Header]
  /// The HTTP status, or `nil` when no response came back.
  public var status: Int?
  /// Milliseconds from sending the request to the end of the exchange.
  public var milliseconds: Int
  /// The failure, one line, when the request failed.
  public var error: String?
  /// Where a redirect led (secrets masked), when this hop answered with one that cherry
  /// followed; `nil` otherwise.
  public var redirectedTo: String?

  /// Creates a trace record.
  ///
  /// - Parameters:
  ///   - method: The method.
  ///   - url: The masked URL.
  ///   - headers: The masked headers.
  ///   - status: The status, or `nil`.
  ///   - milliseconds: The time taken.
  ///   - error: The failure, or `nil`.
  ///   - redirectedTo: Where a followed redirect led, or `nil`.
  public init(
    method: String, url: String, headers: [Header], status: Int?, milliseconds: Int,
    error: String? = nil, redirectedTo: String? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.status = status
    self.milliseconds = milliseconds
    self.error = error
    self.redirectedTo = redirectedTo
  }

  /// The record as one line: `GET http://… → 200 (12 ms)`, or for a followed redirect
  /// `GET http://…/a → 308 → http://…/b (3 ms)`.
  public var line: String {
    var outcome = status.map { "\($0)" } ?? (error ?? "no response")
    if let redirectedTo { outcome += " → \(redirectedTo)" }
    return "\(method) \(url) → \(outcome) (\(milliseconds) ms)"
  }
}
