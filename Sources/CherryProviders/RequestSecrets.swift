import CherryKit

/// The secrets one request masks in everything it prints (DESIGN §1.1): its own — the
/// key it sends, its header values, the passwords and key-like query values of its URL
/// and proxy — and every secret of the client's ``SecretRegistry``.
///
/// The two are kept apart so that a request never copies the registry (which may hold
/// thousands of keys): it asks it.
struct RequestSecrets: Sendable {
  /// The process-wide secrets.
  var shared: SecretRegistry
  /// This request's own secrets.
  var own: SecretSet

  /// Masks the secrets of 8 or more characters anywhere in a text.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text with every such secret masked.
  func mask(_ text: String) -> String {
    own.mask(shared.mask(text))
  }

  /// Masks every secret, short ones included, in one field's value.
  ///
  /// - Parameter field: The field's value.
  /// - Returns: The value with every secret in it masked.
  func maskField(_ field: String) -> String {
    own.maskField(shared.maskField(field))
  }

  /// Adds secrets of this request.
  ///
  /// - Parameter values: The secrets.
  mutating func add(_ values: some Sequence<String>) {
    for value in values { own.insert(value) }
  }
}
