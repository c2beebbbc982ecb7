/// The version-0 layout (no `version` field), described on ``SessionMigration``.
struct SessionV0: Decodable {
  var providers: [ProviderV0]
  var selected: String?

  /// One provider in Cherry Studio's spelling; only `id` is required.
  struct ProviderV0: Decodable {
    var id: String
    var name: String?
    var type: String?
    var apiKey: String?
    var apiHost: String?
    var models: [ModelV0]?
    var enabled: Bool?
    var isSystem: Bool?
  }

  /// An added model; the group is inferred when absent.
  struct ModelV0: Decodable {
    var id: String
    var group: String?
  }

  /// The same session at ``Session/currentVersion``.
  ///
  /// - Parameter path: The file, named in errors.
  /// - Returns: The migrated session.
  /// - Throws: ``StoreError/invalidValue(path:field:problem:)`` for a provider whose
  ///   style is unknown or cannot be guessed.
  func migrated(path: String) throws(StoreError) -> Session {
    var result: [Provider] = []
    for (index, old) in providers.enumerated() {
      result.append(try Self.migrate(old, index: index, path: path))
    }
    return Session(providers: result, selected: selected)
  }

  private static func migrate(
    _ old: ProviderV0, index: Int, path: String
  ) throws(StoreError) -> Provider {
    let place = old.id.isEmpty ? "providers[\(index)]" : "providers.\(old.id)"
    var style: APIStyle?
    if let type = old.type {
      guard let known = APIStyle(rawValue: type) else {
        throw .invalidValue(
          path: path, field: place + ".type", problem: "unknown style \"\(type)\"")
      }
      style = known
    }
    var provider: Provider
    if old.isSystem != false, let builtIn = ProviderCatalogue.entry(old.id)?.makeProvider() {
      provider = builtIn
      if let style { provider.style = style }
    } else if let style {
      provider = Provider(id: old.id, name: old.name ?? old.id, style: style)
    } else {
      throw .invalidValue(
        path: path, field: place + ".type",
        problem: "it is missing, and a custom provider's style cannot be guessed")
    }
    if let name = old.name { provider.name = name }
    if let host = old.apiHost?.trimmingSpaces, !host.isEmpty { provider.url = host }
    if let apiKey = old.apiKey {
      var keys: [String] = []
      for part in apiKey.split(separator: ",") {
        let key = String(part).trimmingSpaces
        if !key.isEmpty, !keys.contains(key) { keys.append(key) }
      }
      provider.keys = keys
    }
    if let models = old.models {
      provider.models = models.map { model in
        ProviderModel(
          id: model.id,
          group: model.group
            ?? ModelGrouping.group(
              for: model.id, providerID: provider.id, isBuiltIn: provider.isBuiltIn))
      }
    }
    provider.enabled = old.enabled ?? false
    return provider
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  fileprivate var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
