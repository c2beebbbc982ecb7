extension Provider {
  /// Whether `id` can be a provider's id: what users type and what `dump` writes,
  /// so letters, digits, `-`, `_` and `.`, starting with a letter or digit.
  ///
  /// - Parameter id: A candidate id.
  /// - Returns: `true` when it can be used.
  public static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first,
      first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
    }
  }

  /// A custom provider as `provider add`, an import or the demo makes one: off, no
  /// keys or models, and needing a key unless its style is Ollama's (a local server
  /// that takes none).
  ///
  /// - Parameters:
  ///   - id: Its id (``isValidID(_:)``).
  ///   - name: Its display name.
  ///   - type: Its style, or `new-api`.
  ///   - url: Its URL, empty for none yet.
  /// - Returns: The provider.
  public static func custom(id: String, name: String, type: ProviderType, url: String = "")
    -> Provider
  {
    var provider = Provider(
      id: id, name: name, style: type.style, isBuiltIn: false, needsKey: type.style != .ollama,
      url: url)
    provider.type = type
    return provider
  }
}
