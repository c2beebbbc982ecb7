import CherryKit

/// `dump`: the session as a `.cherryrc` that, replayed with `-f` into a fresh
/// session, rebuilds it (DESIGN §2.2).
///
/// Every value is one single-quoted word, so a replay runs only the lines written
/// here, whatever a value holds (DESIGN §1.3); a value that cannot stay on one line
/// is left out with a comment saying so. Keys become `env:` placeholders unless
/// asked for.
enum DumpWriter {
  /// The script's lines.
  ///
  /// - Parameters:
  ///   - session: The session to write.
  ///   - withKeys: Write literal keys (`--with-keys`) instead of `env:` placeholders.
  /// - Returns: The lines, comments first.
  static func lines(_ session: Session, withKeys: Bool) -> [String] {
    var script = Script()
    script.lines = [
      "# cherry session; replay with: cherry -f <this file>",
      withKeys
        ? "# WARNING: this file holds API keys: keep it private"
        : "# keys are env: placeholders: export the variables before using the providers",
    ]
    for provider in session.providers {
      let fresh = provider.isBuiltIn ? ProviderCatalogue.entry(provider.id)?.makeProvider() : nil
      if let fresh, fresh == provider { continue }
      script.lines.append("")
      script.provider(provider, fresh: fresh, withKeys: withKeys)
    }
    script.lines.append("")
    if let selected = session.selected {
      script.add("use", selected)
    } else {
      script.lines.append("use --none")
    }
    if !script.variables.isEmpty {
      script.lines.insert("# variables: " + script.variables.joined(separator: " "), at: 2)
    }
    return script.lines
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

  /// A value as one word the splitter reads back exactly: in single quotes, a `'`
  /// written `'\''`; `nil` when it cannot be one line (a control character).
  static func quote(_ word: String) -> String? {
    guard !word.unicodeScalars.contains(where: { VisibleText.isUnsafe($0) }) else { return nil }
    var quoted = "'"
    for character in word {
      if character == "'" { quoted += "'\\''" } else { quoted.append(character) }
    }
    return quoted + "'"
  }

  /// The lines being written, and the variables they expect.
  private struct Script {
    var lines: [String] = []
    var variables: [String] = []

    /// Appends `command` with its values quoted, or a comment when a value cannot
    /// be written.
    mutating func add(_ command: String, _ values: String...) {
      let quoted = values.map(DumpWriter.quote)
      guard quoted.allSatisfy({ $0 != nil }) else {
        lines.append(
          "# left out (a value holds a control character): " + command + " "
            + values.map { VisibleText.escaped($0) }.joined(separator: " "))
        return
      }
      lines.append(([command] + quoted.compactMap { $0 }).joined(separator: " "))
    }

    mutating func provider(_ provider: Provider, fresh: Provider?, withKeys: Bool) {
      if fresh == nil {
        add("provider add", provider.id)
        lines[lines.count - 1] += " --type \(provider.type.rawValue)"
        if provider.name != provider.id { add("provider rename", provider.id, provider.name) }
      } else if let fresh, fresh.name != provider.name {
        add("provider rename", provider.id, provider.name)
      }
      add("use", provider.id)
      keys(provider, withKeys: withKeys)
      if provider.url != (fresh?.url ?? "") { add("url", provider.url) }
      if provider.modelsURL != fresh?.modelsURL {
        if let modelsURL = provider.modelsURL {
          add("models-url", modelsURL)
        } else {
          lines.append("models-url off")
        }
      }
      if let version = provider.apiVersion { add("api-version", version) }
      if let anthropic = provider.anthropicURL { add("anthropic-url", anthropic) }
      for model in provider.models { self.model(model, of: provider) }
      headers(provider, withKeys: withKeys)
      if let proxy = provider.proxy { add("proxy", proxy) }
      if let timeout = provider.timeout { add("timeout", Describe.number(timeout)) }
      if let notes = provider.notes, !notes.isEmpty {
        add("note", notes.split(separator: "\n").joined(separator: " "))
      }
      if provider.enabled { lines.append("enable") }
    }

    mutating func keys(_ provider: Provider, withKeys: Bool) {
      guard !provider.keys.isEmpty else { return }
      let keys = provider.keys.enumerated().map { offset, key -> String in
        if withKeys || key.hasPrefix("env:") { return key }
        let name = DumpWriter.keyVariable(
          for: provider.id, index: provider.keys.count > 1 ? offset + 1 : nil)
        variables.append(name)
        return "env:" + name
      }
      add("key", APIKeyList.join(keys))
    }

    mutating func model(_ model: ProviderModel, of provider: Provider) {
      if let problem = ModelIDRule.problem(model.id) {
        lines.append("# left out: the model \(VisibleText.escaped(model.id)) (\(problem))")
        return
      }
      if ModelSelection.readsAsItself(model.id) {
        add("+", model.id)
      } else {
        add("+ --exact", model.id)
      }
      let id = model.id
      if model.group != ModelGrouping.handEnteredGroup(for: id, providerID: provider.id) {
        add("model", id)
        lines[lines.count - 1] += " group " + (DumpWriter.quote(model.group) ?? "reset")
      }
      if let name = model.displayName { add("model \(DumpWriter.quote(id) ?? "") name", name) }
      if let price = model.price {
        var values = [Describe.number(price.input), Describe.number(price.output)]
        if let currency = price.currency { values.append(currency) }
        lines.append(
          "model \(DumpWriter.quote(id) ?? "") price "
            + values.compactMap(DumpWriter.quote).joined(separator: " "))
      }
      if model.streaming == false { lines.append("model \(DumpWriter.quote(id) ?? "") stream off") }
      if let type = model.endpointType {
        lines.append("model \(DumpWriter.quote(id) ?? "") endpoint \(type.rawValue)")
      }
      if !model.kindOverrides.isEmpty {
        lines.append(
          "model \(DumpWriter.quote(id) ?? "") kinds \(Describe.overrides(model.kindOverrides))")
      }
    }

    mutating func headers(_ provider: Provider, withKeys: Bool) {
      for header in provider.headers {
        var value = header.value
        if !withKeys, !value.hasPrefix("env:"), HeaderSecrecy.isSecret(name: header.name) {
          let name = DumpWriter.headerVariable(for: provider.id, header: header.name)
          variables.append(name)
          value = "env:" + name
        }
        add("header set", header.name, value)
      }
    }
  }
}
