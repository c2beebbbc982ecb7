import CherryKit

/// `providers`, `use`, `show`, `provider add/rm/rename` (DESIGN §1.6, §2.2).
enum ProviderCommands {
  static func providers(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let session = shell.session
    let pattern = invocation.argument(0)
    let shown = session.providers.filter { ProviderSearch.matches($0.id, $0.name, pattern) }
    let supportedIDs = Set(session.providers.map(\.id))
    let unsupported = ProviderCatalogue.entries.filter {
      $0.unsupportedReason != nil && !supportedIDs.contains($0.id)
        && ProviderSearch.matches($0.id, $0.name, pattern)
    }
    let data = JSONShapes.providers(shown, selected: session.selected, unsupported: unsupported)
    return Report(data) { out in
      var table = TextTable(
        headers: ["", "on", "id", "name", "style", "keys", "models", "URL"],
        alignments: [.left, .left, .left, .left, .left, .right, .right, .left])
      table.rows.reserveCapacity(shown.count + unsupported.count)
      for provider in shown {
        table.rows.append([
          provider.id == session.selected ? "*" : "",
          provider.enabled ? out.paint("on", .green) : "off",
          provider.id.visible, provider.name.visible, provider.type.rawValue,
          String(provider.keys.count), String(provider.models.count),
          provider.url.isEmpty ? "(none: set url)" : URLSecrets.masked(provider.url).visible,
        ])
      }
      for entry in unsupported {
        table.rows.append([
          "", "-", entry.id, entry.name, "not supported: " + (entry.unsupportedReason ?? ""),
        ])
      }
      if shown.isEmpty && unsupported.isEmpty, let pattern {
        return ["no provider matches \(ErrorMessage.quote(pattern))"]
      }
      return table.render()
    }
  }

  static func use(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    if invocation.has(Options.none) {
      if let extra = invocation.argument(0) {
        throw ErrorMessage.tooManyArguments(invocation.path, invocation.words, extra)
      }
      shell.session.selected = nil
      return Report(JSONShapes.Selection(selected: nil))
    }
    guard let word = invocation.argument(0) else {
      throw ErrorMessage.missingArgument(
        invocation.path, invocation.words, invocation.spec.arguments[0])
    }
    let provider = shell.session.providers[try shell.providerIndex(word)]
    shell.session.selected = provider.id
    shell.note(
      "using \(provider.name) (\(provider.id))" + (provider.enabled ? "" : ", which is off"))
    return Report(JSONShapes.Selection(selected: provider.id))
  }

  static func show(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider: Provider
    if let word = invocation.argument(0) {
      provider = shell.session.providers[try shell.providerIndex(word)]
    } else if let id = shell.session.selected, let selected = shell.session.provider(id) {
      provider = selected
    } else {
      throw ErrorMessage.noProviderSelected(invocation.name)
    }
    return shell.pageReport(provider) { out in SettingsPage.lines(provider, output: out) }
  }

  static func add(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let id = invocation.arguments[0]
    guard isValidID(id) else { throw ErrorMessage.badProviderID(id) }
    guard shell.session.index(of: id) == nil, ProviderCatalogue.entry(id) == nil else {
      throw ErrorMessage.providerExists(id)
    }
    // Required by the table, so always there.
    let type = invocation[Options.style] ?? .openai
    var url = ""
    if let raw = invocation[Options.url] {
      do {
        url = try EndpointResolver.validate(raw, style: type.style, takesNoVersion: false)
      } catch {
        throw ErrorMessage.url(error)
      }
    }
    let name = invocation[Options.name].flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 } ?? id
    var provider = Provider(
      id: id, name: name, style: type.style, isBuiltIn: false, needsKey: type.style != .ollama,
      url: url)
    provider.type = type
    shell.session.providers.append(provider)
    shell.session.selected = id
    shell.note(
      "added \(name) (\(id)), \(type.rawValue) style, and selected it"
        + (url.isEmpty ? "; next: url <address>" : ""))
    return shell.pageReport(provider)
  }

  static func remove(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let index = try shell.providerIndex(invocation.arguments[0])
    let provider = shell.session.providers[index]
    guard !provider.isBuiltIn else { throw ErrorMessage.builtInCannotBeRemoved(provider.id) }
    shell.session.providers.remove(at: index)
    if shell.session.selected == provider.id { shell.session.selected = nil }
    shell.forgetListing(of: provider.id)
    shell.note("removed \(provider.name) (\(provider.id))")
    return Report(JSONShapes.Removed(removed: provider.id))
  }

  static func rename(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let name = invocation.text(from: 1).trimmingSpaces()
    guard !name.isEmpty else { throw ErrorMessage.emptyName(invocation) }
    let index = try shell.providerIndex(invocation.arguments[0])
    let old = shell.session.providers[index].name
    shell.session.providers[index].name = name
    shell.note("renamed \(old) to \(name) (\(shell.session.providers[index].id))")
    return shell.pageReport(shell.session.providers[index])
  }

  /// Ids are what users type and what `dump` writes: no spaces or quotes.
  static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first,
      first.properties.isAlphabetic || ("0"..."9").contains(first)
    else { return false }
    return id.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
    }
  }
}

/// `providers <pattern>`: which providers a search word picks.
enum ProviderSearch {
  /// Whether a provider's id or name matches: a glob, or else a substring, case
  /// ignored; everything matches no pattern.
  static func matches(_ id: String, _ name: String, _ pattern: String?) -> Bool {
    guard let pattern, !pattern.isEmpty else { return true }
    if Glob.isPattern(pattern) {
      return Glob.matches(pattern.lowercased(), id.lowercased())
        || Glob.matches(pattern.lowercased(), name.lowercased())
    }
    let lowered = pattern.lowercased()
    return id.lowercased().contains(lowered) || name.lowercased().contains(lowered)
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
