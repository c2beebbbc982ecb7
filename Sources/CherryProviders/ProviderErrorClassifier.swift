import CherryKit

/// Turns an HTTP status and error body into one clear ``ProviderError`` (DESIGN §1.4):
/// the kind, the provider's own message and the likely fix.
enum ProviderErrorClassifier {
  /// Classifies a response whose status is not 2xx.
  ///
  /// - Parameters:
  ///   - status: The HTTP status.
  ///   - retryAfter: The `retry-after` header, when present.
  ///   - body: The start of the error body.
  ///   - context: The request.
  /// - Returns: The error.
  static func classify(
    status: Int, retryAfter: String?, body: [UInt8], context: RequestContext
  ) -> ProviderError {
    let message = ProviderMessage.extract(from: body)
    let rawBody = String(decoding: body.prefix(4096), as: UTF8.self)
    let kind = kind(status: status, message: message, rawBody: rawBody, context: context)
    return context.error(
      kind, status: status, providerMessage: message.text,
      fix: fix(kind, context: context, retryAfter: retryAfter))
  }

  /// Classifies an error event inside a 200 stream (an `error` event, an `error` line).
  ///
  /// - Parameters:
  ///   - message: The provider's message from the event.
  ///   - context: The request.
  /// - Returns: The error.
  static func classifyStreamError(_ message: ProviderMessage, context: RequestContext)
    -> ProviderError
  {
    let lower = (message.text ?? "").lowercased() + " " + (message.code ?? "").lowercased()
    var kind = ProviderError.Kind.server
    if lower.contains("rate") && lower.contains("limit") || lower.contains("rate_limit") {
      kind = .rateLimit
    } else if mentionsUnknownModel(lower, context: context, strict: true) {
      kind = .unknownModel
    } else if lower.contains("api key") || lower.contains("authentication") {
      kind = .auth
    }
    return context.error(
      kind, providerMessage: message.text, detail: "error in the stream",
      fix: fix(kind, context: context, retryAfter: nil))
  }

  /// The kind of a non-2xx response.
  static func kind(
    status: Int, message: ProviderMessage, rawBody: String, context: RequestContext
  ) -> ProviderError.Kind {
    let lower = ((message.text ?? "") + " " + (message.code ?? "")).lowercased()
    switch status {
    case 401, 403:
      return .auth
    case 404:
      return mentionsUnknownModel(lower, context: context, strict: false)
        ? .unknownModel : .notFound
    case 429:
      return .rateLimit
    case 408, 504:
      return .timeout
    case 400...499:
      // Gemini answers a bad key with 400 INVALID_ARGUMENT "API key not valid".
      if rawBody.contains("API_KEY_INVALID") || lower.contains("api key not valid")
        || (lower.contains("api key") && (lower.contains("invalid") || lower.contains("incorrect")))
      {
        return .auth
      }
      return mentionsUnknownModel(lower, context: context, strict: true)
        ? .unknownModel : .badRequest
    case 500...599:
      return .server
    default:
      return .badRequest
    }
  }

  /// Whether an error message says the model (or Azure deployment) is unknown.
  ///
  /// - Parameters:
  ///   - lower: The lower-cased message and code.
  ///   - context: The request: only requests naming a model can fail on it.
  ///   - strict: Whether the message must also say "not found" or similar (for 400s).
  /// - Returns: Whether the model is the problem.
  private static func mentionsUnknownModel(_ lower: String, context: RequestContext, strict: Bool)
    -> Bool
  {
    guard context.model != nil, context.operation != .list else { return false }
    if lower.contains("model_not_found") || lower.contains("deploymentnotfound") { return true }
    let namesModel = lower.contains("model") || lower.contains("deployment")
    guard namesModel else { return false }
    if !strict { return true }
    let negatives = [
      "not found", "not exist", "does not exist", "unknown", "invalid model", "no such",
      "not supported", "unsupported model", "not available",
    ]
    return negatives.contains { lower.contains($0) }
  }

  /// The likely fix for a kind of failure, one line.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - context: The request.
  ///   - retryAfter: The `retry-after` value, for a rate limit.
  /// - Returns: The fix.
  static func fix(_ kind: ProviderError.Kind, context: RequestContext, retryAfter: String?)
    -> String
  {
    switch kind {
    case .auth:
      return "the key is wrong, expired or lacks access: check it and set it again with"
        + " `key <your key>` (`key rm <n>` drops one key)"
    case .notFound:
      var fix =
        "wrong URL? \(context.ruleExplanation) — enter the root with `url <root>`,"
        + " or the exact endpoint ending in `#`"
      if context.operation == .list { fix += "; or set `models-url <url>`" }
      return fix
    case .unknownModel:
      let model = context.model ?? "?"
      return "the provider does not know model '\(model)': check the model list (`manage`),"
        + " try another (`test <other model>`), or remove it (`- \(model)`)"
    case .rateLimit:
      let wait = retryAfter.map { " \($0) s (retry-after)" } ?? " a moment"
      return "the provider limits requests: wait\(wait) and retry, or add keys to share the load"
    case .timeout:
      let limit = context.timeoutSeconds.map { " within \(formatSeconds($0)) s" } ?? ""
      return "no answer\(limit): check the URL and the network, or allow longer"
        + " (`test --timeout <s>`, `timeout <seconds>`)"
    case .tls:
      return "check that the URL's scheme matches the server (https:// or http://);"
        + " for a private CA, set SSL_CERT_FILE to its certificate file"
    case .dns:
      return "check the host name in the URL (`url`) and the network"
    case .refused:
      return "nothing accepts connections at \(context.hostAndPort): check the port in the URL"
        + " and that the server is running"
    case .server:
      return "the provider failed on its side: retry later"
    case .malformed:
      return
        "the answer is not what a provider of the \(context.style.rawValue) style sends: check the URL"
        + " (`url`) and the provider's type"
    case .tooLarge:
      return "the answer exceeds \(context.maxResponseBytes / (1024 * 1024)) MiB: is the URL right?"
    case .cancelled:
      return "the request was cancelled"
    case .badRequest:
      return "the provider refused the request: read its message; check the model and the"
        + " provider's type"
    case .proxy:
      return "check the proxy: `proxy <url>` or `proxy off` for this provider, or"
        + " HTTPS_PROXY / HTTP_PROXY / NO_PROXY"
    case .connection:
      return "the connection closed before the answer was complete: retry; check the URL's"
        + " scheme and any proxy"
    case .configuration:
      return "fix the setting named above"
    case .redirect:
      return "if the provider has moved, point `url` at the new place (`url <new root>`)"
    }
  }

  /// Seconds as printed: no decimals when whole.
  static func formatSeconds(_ seconds: Double) -> String {
    if seconds == seconds.rounded() { return String(Int(seconds)) }
    return String(seconds)
  }
}
