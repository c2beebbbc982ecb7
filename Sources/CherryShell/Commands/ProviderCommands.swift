import CherryKit

/// `providers`, `use`, `show`, `provider add/rm/rename` (DESIGN §1.6, §2.2).
enum ProviderCommands {
  static func providers(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    let session = shell.session
    let supportedIDs = Set(session.providers.map(\.id))
    let unsupported = ProviderCatalogue.entries.filter {
      $0.unsupportedReason != nil && !supportedIDs.contains($0.id)
    }
    if shell.options.json {
      shell.out.line(JSONOutput.providers(session, unsupported: unsupported))
      return
    }
    var table = TextTable(
      headers: ["", "on", "id", "name", "style", "keys", "models", "URL"],
      alignments: [.left, .left, .left, .left, .left, .right, .right, .left])
    table.rows.reserveCapacity(session.providers.count + unsupported.count)
    for provider in session.providers {
      table.rows.append([
        provider.id == session.selected ? "*" : "",
        provider.enabled ? shell.out.paint("on", .green) : "off",
        provider.id, provider.name, provider.style.rawValue,
        String(provider.keys.count), String(provider.models.count),
        provider.url.isEmpty ? "(none: set url)" : provider.url,
      ])
    }
    for entry in unsupported {
      table.rows.append([
        "", "-", entry.id, entry.name, "not supported: " + (entry.unsupportedReason ?? ""),
      ])
    }
    for line in table.render() { shell.out.line(line) }
  }

  static func use(_ shell: Shell, _ invocation: Invocation) async throws {
    if invocation.flag("--none") {
      try invocation.expectAtMost(0)
      shell.session.selected = nil
      return
    }
    let word = try invocation.argument(0, "the provider to use")
    try invocation.expectAtMost(1)
    let index = try shell.providerIndex(word)
    let provider = shell.session.providers[index]
    shell.session.selected = provider.id
    var line = "using \(provider.name) (\(provider.id))"
    if !provider.enabled { line += ", which is off" }
    shell.out.line(line)
  }

  static func show(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(1)
    let provider: Provider
    if let word = invocation.positionals.first {
      provider = shell.session.providers[try shell.providerIndex(word)]
    } else if let id = shell.session.selected, let selected = shell.session.provider(id) {
      provider = selected
    } else {
      throw ErrorMessage.noProviderSelected(invocation.spec)
    }
    if shell.options.json {
      shell.out.line(JSONOutput.page(provider, selected: provider.id == shell.session.selected))
      return
    }
    for line in SettingsPage.lines(provider, output: shell.out) { shell.out.line(line) }
  }

  static func provider(_ shell: Shell, _ invocation: Invocation) async throws {
    let sub = try invocation.argument(0, "a subcommand (add, rm or rename)")
    switch sub {
    case "add": try add(shell, invocation)
    case "rm": try remove(shell, invocation)
    case "rename": try rename(shell, invocation)
    default:
      throw ErrorMessage.unknownSubcommand(invocation.spec, sub, choices: ["add", "rm", "rename"])
    }
  }

  private static func add(_ shell: Shell, _ invocation: Invocation) throws(ShellError) {
    let id = try invocation.argument(1, "the new provider's id")
    try invocation.expectAtMost(2)
    guard isValidID(id) else { throw ErrorMessage.badProviderID(id) }
    guard shell.session.index(of: id) == nil, ProviderCatalogue.entry(id) == nil else {
      throw ErrorMessage.providerExists(id)
    }
    guard let styleName = invocation.options["--type"] else { throw ErrorMessage.missingStyle() }
    guard let style = APIStyle(rawValue: styleName.lowercased()) else {
      throw ErrorMessage.badStyle(styleName)
    }
    var url = ""
    if let raw = invocation.options["--url"] {
      do {
        url = try EndpointResolver.validate(raw)
        _ = try EndpointResolver.resolve(
          url: url, style: style, modelsURL: nil, apiVersion: nil, model: nil)
      } catch {
        throw ErrorMessage.url(error)
      }
    }
    let name = invocation.options["--name"].flatMap { $0.isEmpty ? nil : $0 } ?? id
    let provider = Provider(
      id: id, name: name, style: style, isBuiltIn: false, needsKey: style != .ollama, url: url)
    shell.session.providers.append(provider)
    shell.session.selected = id
    var line = "added \(name) (\(id)), \(style.rawValue) style, and selected it"
    if url.isEmpty { line += "; next: url <address>" }
    shell.out.line(line)
  }

  private static func remove(_ shell: Shell, _ invocation: Invocation) throws(ShellError) {
    let word = try invocation.argument(1, "the provider to remove")
    try invocation.expectAtMost(2)
    let index = try shell.providerIndex(word)
    let provider = shell.session.providers[index]
    guard !provider.isBuiltIn else { throw ErrorMessage.builtInCannotBeRemoved(provider.id) }
    shell.session.providers.remove(at: index)
    if shell.session.selected == provider.id { shell.session.selected = nil }
    if shell.listing?.providerID == provider.id { shell.listing = nil }
    shell.out.line("removed \(provider.name) (\(provider.id))")
  }

  private static func rename(_ shell: Shell, _ invocation: Invocation) throws(ShellError) {
    let word = try invocation.argument(1, "the provider to rename")
    _ = try invocation.argument(2, "the new name")
    let name = invocation.positionals[2...].joined(separator: " ").trimmingSpaces()
    guard !name.isEmpty else { throw ErrorMessage.emptyName() }
    let index = try shell.providerIndex(word)
    let old = shell.session.providers[index].name
    shell.session.providers[index].name = name
    shell.out.line("renamed \(old) to \(name) (\(shell.session.providers[index].id))")
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

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
  }
}
