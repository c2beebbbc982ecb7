/// A failure the demo server can be told to produce, so that every error path of
/// a client can be exercised offline (issue 4), and a teacher can show each one
/// with `demo fault <provider> <fault>` (issue 11).
///
/// Each fault answers in the error shape of the style that was asked, as the real
/// provider would. The words a user types are parsed by ``parse(_:)-(String)``;
/// ``description`` says what a fault does, for `demo status`.
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
  /// The usual answer, after a delay of `milliseconds` (added to the server's
  /// latency), and the same delay between the chunks of a stream.
  case slow(milliseconds: Int)
  /// Chat and embeddings requests are answered as for a model the provider does
  /// not have, in the style's own shape (OpenAI's `model_not_found`, Azure's
  /// `DeploymentNotFound`, Gemini's `NOT_FOUND`, …); model lists are served as usual.
  case unknownModel

  /// The default size of ``oversizedBody(bytes:)``: 64 MiB.
  public static let defaultOversizedBytes = 64 << 20

  /// Parses a fault name as given to `cherry-demo --fault` or `POST /_demo/fault`.
  ///
  /// Accepted names: those of ``parse(_:)-([String])``, without their values
  /// (`slow` alone waits 1000 ms), and the longer case names, such as `rateLimited`.
  ///
  /// - Parameters:
  ///   - name: The fault name.
  ///   - retryAfterSeconds: The `retry-after` value for `429`.
  ///   - bytes: The body size for `oversized`.
  /// - Returns: The fault, or `nil` when the name is unknown or means "no fault".
  public static func named(
    _ name: String, retryAfterSeconds: Int = 1, bytes: Int = defaultOversizedBytes
  ) -> DemoFault? {
    guard let kind = DemoFaultWord.named(name) else { return nil }
    return kind.fault(retryAfterSeconds: retryAfterSeconds, bytes: bytes, milliseconds: 1_000)
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
    case .slow: return "slow"
    case .unknownModel: return "wrong-model"
    }
  }

  /// Whether the fault replaces the answer (as opposed to delaying it or
  /// changing what the style's own handler sees).
  var replacesAnswer: Bool {
    switch self {
    case .slow, .unknownModel: return false
    default: return true
    }
  }
}
