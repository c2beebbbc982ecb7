/// Clean words for a TLS failure: BoringSSL's error text carries the build machine's
/// path to `handshake.cc` (notes/swift-http.md), which users must never see.
enum TLSErrorText {
  /// Reasons BoringSSL reports, and what they mean to a user.
  private static let knownReasons: [(token: String, text: String)] = [
    ("CERTIFICATE_VERIFY_FAILED", "the server's certificate is not trusted"),
    ("WRONG_VERSION_NUMBER", "the server does not speak TLS here (is it http://?)"),
    ("HTTP_REQUEST", "the server does not speak TLS here (is it http://?)"),
    ("TLSV1_ALERT_PROTOCOL_VERSION", "no TLS version in common with the server"),
    ("UNSUPPORTED_PROTOCOL", "no TLS version in common with the server"),
    ("NO_SHARED_CIPHER", "no cipher in common with the server"),
    ("HANDSHAKE_FAILURE", "the server refused the handshake"),
    ("CERTIFICATE_EXPIRED", "the server's certificate has expired"),
    ("failedToValidateHostname", "the certificate does not match the host name"),
    ("unableToValidateCertificate", "the server's certificate is not trusted"),
    ("uncleanShutdown", "the server closed the TLS connection uncleanly"),
  ]

  /// A short, path-free description of a TLS error.
  ///
  /// - Parameter error: The NIOSSL (or other) error.
  /// - Returns: One clean phrase.
  static func clean(_ error: any Error) -> String {
    let text = String(describing: error)
    for reason in knownReasons where text.contains(reason.token) {
      return "\(reason.text) (\(reason.token))"
    }
    if let token = boringSSLReason(in: text) {
      return token.lowercased().split(separator: "_").joined(separator: " ")
    }
    return stripPaths(text)
  }

  /// The reason token after BoringSSL's `OPENSSL_internal:` prefix, if any.
  private static func boringSSLReason(in text: String) -> String? {
    guard let range = text.firstRange(of: "OPENSSL_internal:") else { return nil }
    let token = text[range.upperBound...].prefix { $0.isUppercase || $0.isNumber || $0 == "_" }
    return token.isEmpty ? nil : String(token)
  }

  /// The text without any word that looks like a file path (`/…/handshake.cc:123`) and
  /// without the " at" that introduces it.
  ///
  /// - Parameter text: A description.
  /// - Returns: The description without paths.
  static func stripPaths(_ text: String) -> String {
    let words = text.split(separator: " ", omittingEmptySubsequences: false)
    var kept: [Substring] = []
    for word in words {
      let bare = word.drop { $0 == "(" || $0 == "[" || $0 == "\"" }
      if bare.hasPrefix("/") && bare.dropFirst().contains("/") {
        if kept.last == "at" { kept.removeLast() }
        continue
      }
      kept.append(word)
    }
    return kept.joined(separator: " ")
  }
}
