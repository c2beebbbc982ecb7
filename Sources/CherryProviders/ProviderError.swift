/// One failed provider request, explained: what was tried, what came back (``what``),
/// and the likely fix (``fix``) (DESIGN §1.4, issue 4 "HTTP").
///
/// Every field is safe to print: the request's secrets (its key, header values, URL
/// passwords and key-like query values, and every secret registered with the client's
/// ``SecretRegistry``) are masked by value before anything is cut short, and
/// key-looking words are masked by shape too.
public struct ProviderError: Error, Equatable, Sendable {
  /// What went wrong, which decides the fix suggested in ``fix``.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// The key was rejected (401/403, or Gemini's 400 "API key not valid"), or none is set.
    case auth
    /// The URL answered 404: most likely the wrong URL.
    case notFound
    /// The provider does not know the model.
    case unknownModel
    /// Too many requests (429).
    case rateLimit
    /// No answer in time.
    case timeout
    /// The TLS handshake failed (untrusted certificate, wrong scheme, …).
    case tls
    /// The host name does not resolve.
    case dns
    /// Nothing listens on the port.
    case refused
    /// The provider failed (5xx).
    case server
    /// The answer is not what the style sends (bad JSON, wrong shape).
    case malformed
    /// The answer is larger than the configured cap.
    case tooLarge
    /// The request was cancelled (Ctrl-C).
    case cancelled
    /// The provider refused the request (400 and other 4xx).
    case badRequest
    /// The proxy could not be reached or refused the tunnel.
    case proxy
    /// The connection was closed or reset before the answer was complete.
    case connection
    /// A local setting prevents the request (no key, unset `env:` variable, no model-list URL).
    case configuration
    /// The provider redirected to another origin (scheme, host or port), which cherry
    /// does not follow so that no key leaves for another host; or too many redirects.
    case redirect
  }

  /// What went wrong.
  public var kind: Kind
  /// The HTTP method tried (`GET`, `POST`).
  public var method: String
  /// The URL tried, with key-like query items masked.
  public var url: String
  /// The key used, masked; `nil` when none was sent.
  public var maskedKey: String?
  /// The HTTP status, when a response came back.
  public var status: Int?
  /// The provider's own message from its error body, one line, secrets masked, at most
  /// 300 characters.
  public var providerMessage: String?
  /// A short description of the failure beyond the status, such as "nothing listens at …".
  public var detail: String?
  /// The likely fix, one line.
  public var fix: String

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - method: The HTTP method.
  ///   - url: The URL tried (already masked).
  ///   - maskedKey: The masked key, or `nil`.
  ///   - status: The HTTP status, or `nil`.
  ///   - providerMessage: The provider's message, or `nil`.
  ///   - detail: A short description of the failure, or `nil`.
  ///   - fix: The likely fix.
  public init(
    kind: Kind, method: String, url: String, maskedKey: String? = nil, status: Int? = nil,
    providerMessage: String? = nil, detail: String? = nil, fix: String
  ) {
    self.kind = kind
    self.method = method
    self.url = url
    self.maskedKey = maskedKey
    self.status = status
    self.providerMessage = providerMessage
    self.detail = detail
    self.fix = fix
  }

  /// What went wrong, one line: the failure, the request and the provider's words.
  public var what: String { summary }

  /// The likely fix; the same as ``fix`` (the name the shell used before `fix`).
  public var hint: String { fix }

  /// Two lines: ``what``, then ``fix``.
  public var message: String {
    "\(what)\n\(fix)"
  }

  /// The first line of ``message``; the same as ``what``.
  public var summary: String {
    var line = headline
    let request = [method, url].filter { !$0.isEmpty }.joined(separator: " ")
    if !request.isEmpty {
      line += ": \(request)"
    }
    if let maskedKey {
      line += " (key \(maskedKey))"
    }
    if let status {
      line += " → HTTP \(status)"
    }
    if let providerMessage, !providerMessage.isEmpty {
      line += ": \"\(providerMessage)\""
    }
    return line
  }

  /// A few words naming the failure, from the kind and the detail.
  private var headline: String {
    let base: String
    switch kind {
    case .auth: base = "key rejected"
    case .notFound: base = "not found"
    case .unknownModel: base = "unknown model"
    case .rateLimit: base = "rate limited"
    case .timeout: base = "timed out"
    case .tls: base = "TLS failed"
    case .dns: base = "host not found"
    case .refused: base = "connection refused"
    case .server: base = "server error"
    case .malformed: base = "malformed response"
    case .tooLarge: base = "response too large"
    case .cancelled: base = "cancelled"
    case .badRequest: base = "request refused"
    case .proxy: base = "proxy failed"
    case .connection: base = "connection lost"
    case .configuration: base = "cannot send"
    case .redirect: base = "redirect not followed"
    }
    guard let detail, !detail.isEmpty else { return base }
    return "\(base) (\(detail))"
  }
}
