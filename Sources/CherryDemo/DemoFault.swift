public import CherryKit

/// A failure the demo server can be told to produce, so that every error path of
/// a client can be exercised offline (issue 4: "latency and faults").
///
/// Each fault answers in the error shape of the style that was asked, as the real
/// provider would.
public enum DemoFault: Equatable, Sendable {
  /// 401 in the style's authentication-error shape, whatever key was sent.
  case unauthorized
  /// 404 in the style's not-found shape, as a wrong URL gets.
  case notFound
  /// 429 in the style's rate-limit shape, with a `retry-after` header.
  case rateLimited(retryAfterSeconds: Int)
  /// 500 in the style's server-error shape.
  case serverError
  /// 200 with a body that is not valid JSON (or a stream event that is not).
  case malformedJSON
  /// 200 and the start of a body, which never finishes; the connection stays open.
  case stalledBody
  /// The connection is closed without any response.
  case droppedConnection
  /// 200 with a valid but huge JSON body, streamed in chunks without being held in memory.
  case oversizedBody(bytes: Int)

  /// The default size of ``oversizedBody(bytes:)``: 64 MiB.
  public static let defaultOversizedBytes = 64 << 20

  /// Parses a fault name as given to `cherry-demo --fault` or `POST /_demo/fault`.
  ///
  /// Accepted names: `401`, `404`, `429`, `500`, `malformed`, `stall`, `drop`,
  /// `oversized` (and the longer case names, such as `rateLimited`).
  ///
  /// - Parameters:
  ///   - name: The fault name.
  ///   - retryAfterSeconds: The `retry-after` value for `429`.
  ///   - bytes: The body size for `oversized`.
  /// - Returns: The fault, or `nil` when the name is unknown.
  public static func named(
    _ name: String, retryAfterSeconds: Int = 1, bytes: Int = defaultOversizedBytes
  ) -> DemoFault? {
    switch name.lowercased() {
    case "401", "unauthorized", "auth": return .unauthorized
    case "404", "notfound", "not-found": return .notFound
    case "429", "ratelimited", "rate-limit", "ratelimit":
      return .rateLimited(retryAfterSeconds: retryAfterSeconds)
    case "500", "servererror", "server-error": return .serverError
    case "malformed", "malformedjson", "malformed-json": return .malformedJSON
    case "stall", "stalled", "stalledbody", "stalled-body": return .stalledBody
    case "drop", "dropped", "droppedconnection", "dropped-connection": return .droppedConnection
    case "oversized", "oversizedbody", "oversized-body": return .oversizedBody(bytes: bytes)
    default: return nil
    }
  }

  /// The short name of the fault, the one ``named(_:retryAfterSeconds:bytes:)`` accepts.
  public var name: String {
    switch self {
    case .unauthorized: return "401"
    case .notFound: return "404"
    case .rateLimited: return "429"
    case .serverError: return "500"
    case .malformedJSON: return "malformed"
    case .stalledBody: return "stall"
    case .droppedConnection: return "drop"
    case .oversizedBody: return "oversized"
    }
  }
}

/// A fault with the requests it applies to: all of them, or those of one style,
/// one model, or one operation; for ever or a number of times.
public struct DemoFaultRule: Equatable, Sendable {
  /// The fault to produce.
  public var fault: DemoFault
  /// Only requests of this style, or `nil` for every style.
  public var style: APIStyle?
  /// Only requests for this model, or `nil` for any model (list requests have none).
  public var model: String?
  /// Only requests whose path (without the query) ends with this, or `nil` for any path.
  public var pathSuffix: String?
  /// How many more requests it applies to, or `nil` for every request until cleared.
  public var remaining: Int?

  /// Creates a fault rule.
  ///
  /// - Parameters:
  ///   - fault: The fault to produce.
  ///   - style: Only requests of this style; `nil` for all.
  ///   - model: Only requests for this model; `nil` for all.
  ///   - pathSuffix: Only requests whose path ends with this; `nil` for all.
  ///   - times: How many requests it applies to; `nil` until cleared.
  public init(
    _ fault: DemoFault, style: APIStyle? = nil, model: String? = nil, pathSuffix: String? = nil,
    times: Int? = nil
  ) {
    self.fault = fault
    self.style = style
    self.model = model
    self.pathSuffix = pathSuffix
    self.remaining = times
  }

  /// Whether the rule applies to a request.
  ///
  /// - Parameters:
  ///   - style: The request's style, if the route told it.
  ///   - model: The request's model, if any.
  ///   - path: The request's path without the query.
  /// - Returns: `true` when every condition of the rule holds.
  func matches(style: APIStyle?, model: String?, path: String) -> Bool {
    if let wanted = self.style, wanted != style { return false }
    if let wanted = self.model, wanted != model { return false }
    if let suffix = pathSuffix, !path.hasSuffix(suffix) { return false }
    if let remaining, remaining <= 0 { return false }
    return true
  }
}
