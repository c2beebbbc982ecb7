/// Which request headers carry secrets (DESIGN §1.1): all of them, unless the header
/// is known not to be secret.
public enum HeaderSecrecy {
  /// Lower-cased names of headers whose values are never secret: protocol headers,
  /// API versions and the attribution headers some providers ask for.
  public static let nonSecretNames: Set<String> = [
    "user-agent", "accept", "accept-language", "accept-encoding", "content-type",
    "cache-control", "anthropic-version", "anthropic-beta", "openai-beta", "http-referer",
    "referer", "x-title", "x-stainless-lang",
  ]

  /// Whether a header's value is a secret.
  ///
  /// - Parameter name: The header name, in any case.
  /// - Returns: `false` only for the known non-secret headers.
  public static func isSecret(name: String) -> Bool {
    !nonSecretNames.contains(name.lowercased())
  }
}
