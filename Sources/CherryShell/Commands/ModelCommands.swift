import CherryKit

/// `+`, `-`, `models`, `model <id> kinds` (DESIGN §1.3).
enum ModelCommands {
  static func add(_ shell: Shell, _ invocation: Invocation) async throws {
    guard !invocation.positionals.isEmpty else {
      throw ErrorMessage.missingArgument(
        invocation.spec, "the models to add (ids, numbers, group:<name>, globs)")
    }
    let listing = shell.selectedListing
    let result: ModelSelectionResult
    do {
      result = try ModelSelection.resolve(invocation.positionals, listing: listing)
    } catch {
      throw ErrorMessage.selection(error)
    }
    let existing = Set(try shell.selectedProvider().models.map(\.id))
    for warning in result.warnings {
      switch warning {
      case .notInListing(let id), .unchecked(let id):
        if existing.contains(id) { continue }  // already added: nothing happens to warn about
      }
      shell.warn(warning.message)
    }
    var added: [String] = []
    var already: [String] = []
    try shell.updateSelected { (provider) throws(ShellError) in
      for id in result.ids {
        if provider.addModel(id: id) { added.append(id) } else { already.append(id) }
      }
      for id in added {
        guard let model = provider.model(id) else { continue }
        shell.out.line("added \(id)  (\(Describe.kinds(provider.kinds(of: model))))")
      }
    }
    if !already.isEmpty {
      shell.out.line("already added: " + already.joined(separator: ", "))
    }
    if let kept = shell.listing, kept.providerID == shell.session.selected {
      shell.listing?.listing = kept.listing.refreshed(for: try shell.selectedProvider())
    }
  }

  static func remove(_ shell: Shell, _ invocation: Invocation) async throws {
    guard !invocation.positionals.isEmpty else {
      throw ErrorMessage.missingArgument(invocation.spec, "the models to remove")
    }
    let provider = try shell.selectedProvider()
    var ids: [String] = []
    for term in invocation.positionals {
      if Glob.isPattern(term) {
        let matched = provider.models.map(\.id).filter { Glob.matches(term, $0) }
        guard !matched.isEmpty else { throw ErrorMessage.nothingMatched(term) }
        ids.append(contentsOf: matched)
      } else if provider.model(term) != nil {
        ids.append(term)
      } else if let number = Int(term), let id = shell.selectedListing?.id(number: number),
        provider.model(id) != nil
      {
        ids.append(id)
      } else {
        // Like adding one that is there, removing one that is not changes nothing.
        shell.warn(
          "\(ErrorMessage.quote(term)) is not one of \(provider.id)'s models: nothing to remove")
      }
    }
    try shell.updateSelected { (provider) throws(ShellError) in
      var removed: Set<String> = []
      for id in ids where removed.insert(id).inserted && provider.removeModel(id: id) {
        shell.out.line("removed \(id)")
      }
    }
    if let kept = shell.listing, kept.providerID == shell.session.selected {
      shell.listing?.listing = kept.listing.refreshed(for: try shell.selectedProvider())
    }
  }

  static func models(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    let provider = try shell.selectedProvider()
    var models = provider.models
    if let name = invocation.options["--kind"] {
      guard let kind = ModelKind(rawValue: name.lowercased()) else {
        throw ErrorMessage.badValue(
          invocation.spec, "kind", name,
          expected: ModelKind.allCases.map(\.rawValue).joined(separator: " "))
      }
      models = models.filter { provider.kinds(of: $0).contains(kind) }
    }
    if shell.options.json {
      shell.out.line(JSONOutput.models(models, provider: provider))
      return
    }
    guard !models.isEmpty else {
      shell.out.line(
        provider.models.isEmpty
          ? "\(provider.id) has no models yet; add with: + <model id>  (or 'manage' to fetch the list)"
          : "no model of that kind")
      return
    }
    var table = TextTable(
      headers: ["#", "model", "group", "kinds"], alignments: [.right, .left, .left, .left])
    let testModel = provider.lastAddedChatModel?.id
    for (offset, model) in models.enumerated() {
      var note = SettingsPage.modelNote(model, provider: provider)
      if model.id == testModel { note += "  ← test" }
      table.rows.append([String(offset + 1), model.id, model.group, note])
    }
    for line in table.render() { shell.out.line(line) }
  }

  static func model(_ shell: Shell, _ invocation: Invocation) async throws {
    let id = try invocation.argument(0, "the model id")
    let provider = try shell.selectedProvider()
    guard let model = provider.model(id) else {
      throw ErrorMessage.modelNotAdded(id, providerID: provider.id)
    }
    guard invocation.positionals.count > 1 else {
      shell.out.line("\(id)  " + SettingsPage.modelNote(model, provider: provider))
      return
    }
    let sub = invocation.positionals[1]
    guard sub == "kinds" else {
      throw ErrorMessage.unknownSubcommand(invocation.spec, sub, choices: ["kinds"])
    }
    let changes = Array(invocation.positionals.dropFirst(2))
    guard !changes.isEmpty else {
      throw ErrorMessage.missingArgument(
        invocation.spec, "kind changes such as +vision -tools, or reset")
    }
    var overrides: [ModelKind: Bool] = [:]
    var reset = false
    for change in changes {
      if change == "reset" {
        reset = true
        continue
      }
      guard let sign = change.first, sign == "+" || sign == "-",
        let kind = ModelKind(rawValue: String(change.dropFirst()).lowercased())
      else { throw ErrorMessage.badKind(change) }
      overrides[kind] = sign == "+"
    }
    try shell.updateSelected { (provider) throws(ShellError) in
      if reset { provider.clearKindOverrides(for: id) }
      if !overrides.isEmpty { provider.setKindOverrides(overrides, for: id) }
      guard let updated = provider.model(id) else { return }
      shell.out.line("\(id)  " + SettingsPage.modelNote(updated, provider: provider))
    }
  }
}
