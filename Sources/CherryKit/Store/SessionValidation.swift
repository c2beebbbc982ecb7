/// Checks every value of a decoded session file (DESIGN §2.4): the file is hostile
/// input, and a value the typed decoding accepts may still be unusable.
///
/// Two kinds of fault:
/// - **Unusable**: the value cannot work at all (a timeout of `1e300` seconds would
///   trap the first request; a rotation cursor past the last key; a header value
///   with a line break). Loading fails with ``StoreError/invalidValue(path:field:problem:)``
///   naming `providers.<id>.<field>`.
/// - **Refused by a newer rule**: the value worked when it was saved, and only a
///   rule added since refuses it (a key holding a character that the separator rule
///   now refuses, a URL form `url` no longer takes). It loads, with a warning naming
///   the field, so that no one is locked out of their own session.
enum SessionValidation {
  /// Checks `session`, clearing a default selection that names no provider.
  ///
  /// - Parameters:
  ///   - session: The decoded session.
  ///   - path: The file, named in errors.
  /// - Returns: One warning per value refused only by a newer rule.
  /// - Throws: ``StoreError/invalidValue(path:field:problem:)`` for the first
  ///   unusable value, in file order.
  static func check(_ session: inout Session, path: String) throws(StoreError) -> [String] {
    var warnings: [String] = []
    var seen: Set<String> = []
    for (index, provider) in session.providers.enumerated() {
      guard !provider.id.isEmpty else {
        throw .invalidValue(path: path, field: "providers[\(index)].id", problem: "it is empty")
      }
      guard seen.insert(provider.id).inserted else {
        throw .invalidValue(
          path: path, field: "providers[\(index)].id",
          problem: "\"\(provider.id)\" is the id of an earlier provider too")
      }
      warnings += try check(provider, path: path)
    }
    if let selected = session.selected, !seen.contains(selected) {
      warnings.append(
        "selected: there is no provider \"\(selected)\"; no provider is selected")
      session.selected = nil
    }
    return warnings
  }

  /// One provider's values.
  private static func check(_ provider: Provider, path: String) throws(StoreError) -> [String] {
    let place = "providers.\(provider.id)"
    func unusable(_ field: String, _ problem: String) -> StoreError {
      .invalidValue(path: path, field: place + "." + field, problem: problem)
    }
    if let timeout = provider.timeout, !SettingRules.isUsableTimeout(timeout) {
      throw unusable(
        "timeout",
        "\(timeout) seconds cannot be a timeout: it must be more than 0 and at most "
          + "\(Int(SettingRules.longestTimeout)) (a day)")
    }
    if let cursor = provider.rotationCursor, !provider.keys.indices.contains(cursor) {
      let keys = provider.keys.count
      throw unusable(
        "rotationCursor",
        keys == 0
          ? "\(cursor) points at a key, but there are none"
          : "\(cursor) points at no key: there \(keys == 1 ? "is 1 key" : "are \(keys) keys"), "
            + "counted from 0")
    }
    for (index, header) in provider.headers.enumerated() {
      guard SettingRules.isHeaderName(header.name) else {
        throw unusable(
          "headers[\(index)].name", "\"\(header.name)\" is not an HTTP header name")
      }
      guard SettingRules.isHeaderValue(header.value) else {
        throw unusable(
          "headers[\(index)].value", "the value of \(header.name) holds a line break or NUL")
      }
    }
    for (index, model) in provider.models.enumerated() where model.id.isEmpty {
      throw unusable("models[\(index)].id", "it is empty")
    }
    var warnings: [String] = []
    for (index, key) in provider.keys.enumerated() {
      if let problem = newerKeyRuleProblem(key) {
        warnings.append(
          "\(place).keys: key #\(index + 1) (\(KeyMask.mask(key))) \(problem); it is "
            + "used as it is, but `key` would refuse it now: replace it with "
            + "key set \(index + 1) <key>")
      }
    }
    // The catalogue's own URLs are checked by its tests, not at every start.
    if !provider.url.isEmpty, !provider.hasCatalogueURL {
      do throws(URLRuleError) {
        _ = try EndpointResolver.validate(provider.url, for: provider)
      } catch {
        let reason = error.description.split(separator: "\n").first.map(String.init) ?? ""
        warnings.append(
          "\(place).url: `url` would refuse it now: \(KeyMask.maskLine(reason)); "
            + "set it again with url <address>")
      }
    }
    return warnings
  }

  /// What the key rules of `key <list>` say about a stored key, or `nil` when they
  /// take it as it is: the key is written as a one-key list and parsed back, so the
  /// rule that decides is the command's own.
  private static func newerKeyRuleProblem(_ key: String) -> String? {
    do throws(KeyListError) {
      let parsed = try APIKeyList.parse(APIKeyList.join([key]))
      if parsed.keys == [key] { return nil }
      return parsed.keys.count == 1
        ? "has whitespace at an end" : "would be read as \(parsed.keys.count) keys"
    } catch {
      switch error {
      case .wrongSeparator(_, let name, let position, _):
        return "holds the \(name) at position \(position), which is not part of a key"
      case .innerWhitespace: return "holds whitespace"
      case .controlCharacter: return "holds a control or invisible character"
      case .invisibleCharacter(_, let name, let position, _):
        return "holds a control or invisible character, \(name), at position \(position)"
      case .trailingBackslash: return "ends with a backslash, which only escapes a comma"
      case .maskedKey: return "contains \"****\", so it is a masked key"
      case .empty: return "is empty"
      case .badReference(_, let name): return "refers to \"\(name)\", which is no variable name"
      default: return "is refused by the key rules"
      }
    }
  }
}
