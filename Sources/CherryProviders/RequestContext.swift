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
  /// The URL sent (after any same-origin redirect, the URL of the current hop).
  var url: String
  /// The key entry used (a literal or `env:NAME`), masked; `nil` when none is sent.
  var maskedKey: String?
  /// The model in the request; `nil` for the model list.
  var model: String?
  /// What the request is for.
  var operation: RequestOperation
  /// The provider's API style.
  var style: APIStyle
  /// The URL rule that built the endpoint, for a 404's fix.
  var ruleExplanation: String
  /// The proxy in use, as `host:port`, or `nil`.
  var proxy: String?
  /// The limit that a timeout hit, in seconds, for the message.
  var timeoutSeconds: Double?
  /// The response-size cap in bytes, for a too-large message.
  var maxResponseBytes: Int
  /// The secrets to mask in everything this request prints: the provider's keys,
  /// header values, URL and proxy passwords, and every registered secret.
  var secrets: RequestSecrets

  /// A text made safe to print: the secrets masked by value, then key-looking words
  /// by shape.
  ///
  /// - Parameter text: Any text about this request.
  /// - Returns: The text, safe to print.
  func masked(_ text: String) -> String {
    KeyMask.maskLine(secrets.mask(text))
  }

  /// The URL as printed: its password and key-like query items masked, and every
  /// secret in it.
  var maskedURL: String { masked(URLSecrets.masked(url)) }

  /// The host and port the URL connects to, for refused and DNS messages.
  var hostAndPort: String {
    guard let parts = try? URLParts(url) else { return maskedURL }
    return parts.connectTarget
  }

  /// Makes an error for this request, every field masked: the provider's words are
  /// masked by value before they are cut to one line of at most 300 characters.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - status: The HTTP status, when a response came back.
  ///   - providerMessage: The provider's message, as it came.
  ///   - detail: A short description.
  ///   - fix: The fix.
  /// - Returns: The error, with the method, masked URL and masked key filled in.
  func error(
    _ kind: ProviderError.Kind, status: Int? = nil, providerMessage: String? = nil,
    detail: String? = nil, fix: String
  ) -> ProviderError {
    ProviderError(
      kind: kind, method: method, url: maskedURL, maskedKey: maskedKey, status: status,
      providerMessage: providerMessage.map { ProviderMessage.display($0, secrets: secrets) },
      detail: detail.map(masked), fix: masked(fix))
  }
}
