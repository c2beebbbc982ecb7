public import CherryKit

/// Gets providers ready for an export (DESIGN §1.7): unless the user asked for the
/// keys themselves, every literal key (and every header value that looks like one)
/// becomes an `env:NAME` placeholder, so the export names the variables it expects
/// and the secrets never leave the shell.
public enum ExportPreparation {
  /// The providers with literal secrets replaced by `env:` placeholders; keys that
  /// are already `env:NAME` stay as they are.
  ///
  /// - Parameters:
  ///   - providers: The providers to export.
  ///   - keyVariable: The variable for a provider's key (provider id, and the key's
  ///     1-based number when it has several) — the names `dump` writes.
  ///   - headerVariable: The variable for a provider's header (provider id, header).
  /// - Returns: The providers, with no literal secret left.
  public static func placeholders(
    _ providers: [Provider], keyVariable: (String, Int?) -> String,
    headerVariable: (String, String) -> String
  ) -> [Provider] {
    providers.map { provider in
      var copy = provider
      copy.keys = provider.keys.enumerated().map { offset, key in
        isReference(key)
          ? key
          : "env:" + keyVariable(provider.id, provider.keys.count > 1 ? offset + 1 : nil)
      }
      copy.headers = provider.headers.map { header in
        guard !isReference(header.value), KeyMask.looksLikeKey(header.value) else { return header }
        return HeaderEntry(
          name: header.name, value: "env:" + headerVariable(provider.id, header.name))
      }
      return copy
    }
  }

  /// The provider with every `env:NAME` key replaced by the variable's value, for a
  /// format that must carry the key itself (a Cherry Studio link).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - environment: The process environment.
  /// - Returns: The provider with literal keys only.
  /// - Throws: ``KeyListError/unsetVariable(name:)`` for a variable that is not set.
  public static func resolvingKeys(_ provider: Provider, environment: [String: String])
    throws(KeyListError) -> Provider
  {
    var copy = provider
    var keys: [String] = []
    for key in provider.keys {
      keys.append(try KeySource(entry: key).resolve(environment: environment))
    }
    copy.keys = keys
    return copy
  }

  /// Whether a stored value is an `env:NAME` reference.
  ///
  /// - Parameter value: A key or header value.
  /// - Returns: `true` for `env:NAME`.
  public static func isReference(_ value: String) -> Bool {
    if case .environment = KeySource(entry: value) { return true }
    return false
  }
}
