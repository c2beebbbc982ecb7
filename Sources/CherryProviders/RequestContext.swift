import CherryKit

/// What a request is for, which decides how a 404 reads (DESIGN §1.4).
enum RequestOperation: Sendable {
  /// The model list (Manage, the key check).
  case list
  /// A chat request (the test, `ask`).
  case chat
  /// One embeddings call (the test of an embedding model).
  case embeddings
}

/// Everything about one request that an error message needs: it is built before the
/// request is sent so that every failure, local or remote, can say what was tried.
struct RequestContext: Sendable {
  /// The HTTP method.
  var method: String
  /// The URL sent.
  var url: String
  /// The key entry used (a literal or `env:NAME`), masked; `nil` when none is sent.
  var maskedKey: String?
  /// The model in the request; `nil` for the model list.
  var model: String?
  /// What the request is for.
  var operation: RequestOperation
  /// The provider's API style.
  var style: APIStyle
  /// The URL rule that built the endpoint, for a 404's hint.
  var ruleExplanation: String
  /// The proxy in use, as `host:port`, or `nil`.
  var proxy: String?
  /// The limit that a timeout hit, in seconds, for the message.
  var timeoutSeconds: Double?
  /// The response-size cap in bytes, for a too-large message.
  var maxResponseBytes: Int

  /// The URL as printed: key-like query items masked.
  var maskedURL: String { URLParts.maskQuery(url) }

  /// The host and port of the URL, for refused and DNS messages.
  var hostAndPort: String {
    guard let parts = URLParts(url) else { return url }
    return "\(parts.host):\(parts.port)"
  }

  /// Makes an error for this request.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - status: The HTTP status, when a response came back.
  ///   - providerMessage: The provider's message.
  ///   - detail: A short description.
  ///   - hint: The fix.
  /// - Returns: The error, with the method, masked URL and masked key filled in.
  func error(
    _ kind: ProviderError.Kind, status: Int? = nil, providerMessage: String? = nil,
    detail: String? = nil, hint: String
  ) -> ProviderError {
    ProviderError(
      kind: kind, method: method, url: maskedURL, maskedKey: maskedKey, status: status,
      providerMessage: providerMessage, detail: detail, hint: hint)
  }
}
