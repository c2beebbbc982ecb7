extension SecretSet {
  /// The secrets of one provider's settings: its keys (literal, and the value of each
  /// `env:` key that is set), its header values (but for ``HeaderSecrecy`` 's known
  /// non-secret headers; `env:` values read), and the passwords and key-like query
  /// values of its URLs (the API URL, the models URL, the Anthropic URL) and proxy
  /// (DESIGN §1.1).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - environment: The environment, to read `env:NAME` values.
  public init(provider: Provider, environment: [String: String]) {
    self.init()
    for key in provider.keys {
      if let value = try? KeySource(entry: key).resolve(environment: environment) {
        insert(value)
      }
    }
    for header in provider.headers where HeaderSecrecy.isSecret(name: header.name) {
      insert(header.value)
      if let name = APIKeyList.referenceName(header.value[...]),
        let value = environment[String(name)]
      {
        insert(value)
      }
    }
    for url in [provider.url, provider.modelsURL, provider.anthropicURL, provider.proxy]
      .compactMap({ $0 })
    {
      for secret in URLSecrets.secrets(in: url) { insert(secret) }
    }
  }
}

extension SecretSet {
  /// Whether two versions of a provider hold the same values that
  /// ``init(provider:environment:)`` reads its secrets from: the shell registers a
  /// provider's secrets again only when one of them changed.
  ///
  /// Inlinable because the shell runs it over every provider after every command:
  /// inlined, it reads these six fields where they lie, instead of copying each
  /// provider out of its array to pass it.
  ///
  /// - Parameters:
  ///   - old: The provider before a command.
  ///   - new: The provider after it.
  /// - Returns: `true` when its secrets are the same.
  @inlinable
  public static func sameSources(_ old: Provider, _ new: Provider) -> Bool {
    old.keys == new.keys && old.headers == new.headers && old.url == new.url
      && old.modelsURL == new.modelsURL && old.anthropicURL == new.anthropicURL
      && old.proxy == new.proxy
  }
}
