import CherryKit

/// `dump`: the session as a `.cherryrc` that, replayed with `-f` into a fresh
/// session, rebuilds it (DESIGN §2.2).
///
/// Keys become `env:` placeholders unless asked for.
enum DumpWriter {
  /// The script's lines.
  ///
  /// - Parameters:
  ///   - session: The session to write.
  ///   - withKeys: Write literal keys (`--with-keys`) instead of `env:` placeholders.
  /// - Returns: The lines, comments first.
  static func lines(_ session: Session, withKeys: Bool) -> [String] {
    var lines = [
      "# cherry session; replay with: cherry -f <this file>",
      withKeys
        ? "# WARNING: this file holds API keys: keep it private"
        : "# keys are env: placeholders: export the variables before using the providers",
    ]
    var variables: [String] = []
    for provider in session.providers {
      let fresh = provider.isBuiltIn ? ProviderCatalogue.entry(provider.id)?.makeProvider() : nil
      if let fresh, fresh == provider { continue }
      lines.append("")
      if fresh == nil {
        var add = "provider add \(quote(provider.id)) --type \(provider.style.rawValue)"
        if provider.name != provider.id { add += " --name \(quote(provider.name))" }
        lines.append(add)
      } else if let fresh, fresh.name != provider.name {
        lines.append("provider rename \(quote(provider.id)) \(quote(provider.name))")
      }
      lines.append("use \(quote(provider.id))")
      if !provider.keys.isEmpty {
        let keys = provider.keys.enumerated().map { offset, key -> String in
          if withKeys || key.hasPrefix("env:") { return key }
          let name = keyVariable(
            for: provider.id, index: provider.keys.count > 1 ? offset + 1 : nil)
          variables.append(name)
          return "env:" + name
        }
        lines.append("key " + quote(keys.joined(separator: ",")))
      }
      if provider.url != (fresh?.url ?? "") { lines.append("url " + quote(provider.url)) }
      if provider.modelsURL != fresh?.modelsURL {
        lines.append("models-url " + (provider.modelsURL.map(quote) ?? "off"))
      }
      if let version = provider.apiVersion { lines.append("api-version " + quote(version)) }
      for model in provider.models {
        lines.append("+ " + quote(model.id))
        if !model.kindOverrides.isEmpty {
          lines.append("model \(quote(model.id)) kinds \(Describe.overrides(model.kindOverrides))")
        }
      }
      for header in provider.headers {
        var value = header.value
        if !withKeys, KeyMask.looksLikeKey(value) {
          let name = headerVariable(for: provider.id, header: header.name)
          variables.append(name)
          value = "env:" + name
        }
        lines.append("header set \(quote(header.name)) \(quote(value))")
      }
      if let proxy = provider.proxy { lines.append("proxy " + quote(proxy)) }
      if let timeout = provider.timeout {
        lines.append(
          "timeout " + (timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)))
      }
      if provider.enabled { lines.append("enable") }
    }
    lines.append("")
    lines.append(session.selected.map { "use " + quote($0) } ?? "use --none")
    if !variables.isEmpty {
      lines.insert("# variables: " + variables.joined(separator: " "), at: 2)
    }
    return lines
  }

  /// `DEEPSEEK_API_KEY`, or `DEEPSEEK_API_KEY_2` for the second of several.
  static func keyVariable(for providerID: String, index: Int?) -> String {
    variableStem(providerID) + "_API_KEY" + (index.map { "_\($0)" } ?? "")
  }

  static func headerVariable(for providerID: String, header: String) -> String {
    variableStem(providerID) + "_HEADER_" + variableStem(header)
  }

  private static func variableStem(_ text: String) -> String {
    var stem = String(
      text.uppercased().unicodeScalars.map { scalar -> Character in
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
          ? Character(scalar) : "_"
      })
    if let first = stem.first, first.isNumber { stem = "_" + stem }
    return stem
  }

  /// A word as the word splitter reads it back: bare when safe, else in single quotes.
  static func quote(_ word: String) -> String {
    let safe =
      !word.isEmpty
      && !word.hasPrefix("#")
      && word.unicodeScalars.allSatisfy { scalar in
        !(scalar == " " || scalar == "\t" || scalar == "'" || scalar == "\"" || scalar == "$"
          || scalar == "\\")
          && scalar.value >= 0x20
      }
    if safe { return word }
    return "'" + word.replacingSingleQuotes() + "'"
  }
}

extension String {
  /// `'` → `'\''`, for a word inside single quotes.
  fileprivate func replacingSingleQuotes() -> String {
    var result = ""
    for character in self {
      if character == "'" { result += "'\\''" } else { result.append(character) }
    }
    return result
  }
}
