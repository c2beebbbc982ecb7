import CherryKit

/// `+`, `-`, `models`, `model <id>` and its edits (DESIGN §1.3).
enum ModelCommands {
  static func add(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let result: ModelSelectionResult
    let listing = shell.selectedListing
    do {
      result = try ModelSelection.resolve(
        invocation.arguments, listing: listing, exact: invocation.has(Options.exact))
    } catch {
      throw ErrorMessage.selection(error)
    }
    // Only ids a script replays exactly are kept (a listing may hold anything).
    for id in result.ids {
      if let problem = ModelIDRule.problem(id) { throw ErrorMessage.unreplayableID(id, problem) }
    }
    let existing = Set(try shell.selectedProvider().models.map(\.id))
    for warning in result.warnings {
      switch warning {
      case .notInListing(let id), .unchecked(let id):
        if existing.contains(id) { continue }  // already added: nothing happens to warn about
      }
      shell.warn(warning.message.visible)
    }
    var change = JSONShapes.ModelChange(provider: nil)
    let provider = try shell.updateSelected { (provider) throws(ShellError) in
      (change.added, change.already) = provider.addModels(result, listing: listing)
      for id in change.added {
        guard let model = provider.model(id) else { continue }
        shell.note("added \(id.visible)  (\(Describe.kinds(provider.kinds(of: model))))")
      }
      return provider
    }
    if !change.already.isEmpty {
      shell.note("already added: " + change.already.map(\.visible).joined(separator: ", "))
    }
    shell.refreshListing()
    change.provider = DeferredShape { JSONShapes.page(provider, selected: true) }
    return Report(change)
  }

  static func remove(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    var ids: [String] = []
    for term in invocation.arguments {
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
    var change = JSONShapes.ModelChange(provider: nil)
    let updated = try shell.updateSelected { (provider) throws(ShellError) in
      var seen: Set<String> = []
      for id in ids where seen.insert(id).inserted && provider.removeModel(id: id) {
        change.removed.append(id)
        shell.note("removed \(id.visible)")
      }
      return provider
    }
    shell.refreshListing()
    change.provider = DeferredShape { JSONShapes.page(updated, selected: true) }
    return Report(change)
  }

  static func models(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    var models = provider.models
    if let kind = invocation[Options.kind] {
      models = models.filter { provider.kinds(of: $0).contains(kind) }
    }
    return Report(JSONShapes.models(models, provider: provider)) { _ in
      guard !models.isEmpty else {
        return [
          provider.models.isEmpty
            ? "\(provider.id) has no models yet; add with: + <model id>  (or 'manage' to fetch the list)"
            : "no model of that kind"
        ]
      }
      var table = TextTable(
        headers: ["#", "model", "group", "kinds"], alignments: [.right, .left, .left, .left])
      let testModel = provider.lastAddedChatModel?.id
      for (offset, model) in models.enumerated() {
        var note = SettingsPage.modelNote(model, provider: provider)
        if model.id == testModel { note += "  ← test" }
        table.rows.append([String(offset + 1), model.id.visible, model.group.visible, note])
      }
      return table.render()
    }
  }

  /// `model <id>`: shows an added model.
  static func show(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let (provider, model) = try addedModel(shell, invocation)
    return modelReport(provider, model)
  }

  /// `model <id> kinds +vision -tools` / `reset`.
  static func kinds(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let (_, model) = try addedModel(shell, invocation)
    var overrides: [ModelKind: Bool] = [:]
    var reset = false
    for change in invocation.arguments {
      if invocation.spec.arguments[0].isChoice(change) {
        reset = true
        continue
      }
      guard let sign = change.first, sign == "+" || sign == "-",
        let kind = ModelKind(rawValue: String(change.dropFirst()).lowercased())
      else { throw ErrorMessage.badKind(change) }
      overrides[kind] = sign == "+"
    }
    let provider = try shell.updateSelected { (provider) throws(ShellError) in
      if reset { provider.clearKindOverrides(for: model.id) }
      if !overrides.isEmpty { provider.setKindOverrides(overrides, for: model.id) }
      return provider
    }
    guard let updated = provider.model(model.id) else { return Report.none }
    shell.note("\(updated.id.visible)  " + SettingsPage.modelNote(updated, provider: provider))
    return modelReport(provider, updated, showText: false)
  }

  /// The provider and the added model the leading argument names.
  private static func addedModel(_ shell: Shell, _ invocation: Invocation) throws(ShellError)
    -> (Provider, ProviderModel)
  {
    let id = invocation.leading[0]
    let provider = try shell.selectedProvider()
    guard let model = provider.model(id) else {
      throw ErrorMessage.modelNotAdded(id, providerID: provider.id)
    }
    return (provider, model)
  }

  static func modelReport(
    _ provider: Provider, _ model: ProviderModel, showText: Bool = true
  ) -> any CommandReport {
    Report(
      JSONShapes.ModelOfProvider(
        provider: provider.id, model: JSONShapes.model(model, provider: provider))
    ) { _ in
      showText ? ["\(model.id.visible)  " + SettingsPage.modelNote(model, provider: provider)] : []
    }
  }
}
