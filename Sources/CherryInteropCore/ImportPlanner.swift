public import CherryKit

/// Merges imported providers into a session, field by field (DESIGN §1.7).
///
/// The rules are those Cherry Studio applies to a link, extended to every source:
/// - an existing provider gets the keys it lacks appended (never removed), its URL
///   replaced when it resolves to other endpoints, the models it lacks added, and
///   the headers set; a built-in provider keeps its name and style;
/// - a provider the session lacks is added, as a custom provider (style `openai`
///   when the source names none), switched off;
/// - nothing is ever switched on: a source's on switch is shown, not applied.
public enum ImportPlanner {
  /// Plans an import.
  ///
  /// - Parameters:
  ///   - imported: The providers read from the source, in its order.
  ///   - session: The session to merge them into.
  ///   - isValidID: Whether a new provider's id can be typed (the rule of
  ///     `provider add`).
  /// - Returns: The plan: the session after, and what changes per provider.
  public static func plan(
    _ imported: [ImportedProvider], into session: Session, isValidID: (String) -> Bool
  ) -> ImportPlan {
    var after = session
    var entries: [ImportPlanEntry] = []
    for source in imported {
      entries.append(merge(source, into: &after, isValidID: isValidID))
    }
    return ImportPlan(before: session, after: after, entries: entries)
  }

  private static func merge(
    _ source: ImportedProvider, into session: inout Session, isValidID: (String) -> Bool
  ) -> ImportPlanEntry {
    var entry = ImportPlanEntry(
      id: source.id, name: source.name ?? source.id, action: .skipped, changes: [], notes: [],
      enabledInSource: source.enabled)
    let catalogue = ProviderCatalogue.entry(source.id)
    if let reason = source.unsupportedReason ?? catalogue?.unsupportedReason {
      entry.notes.append("skipped: cherry cannot set it up (\(reason))")
      return entry
    }
    var provider: Provider
    let index = session.index(of: source.id)
    if let index {
      provider = session.providers[index]
    } else if let fresh = catalogue?.makeProvider() {
      provider = fresh
    } else {
      guard isValidID(source.id) else {
        entry.notes.append(
          "skipped: its id is not one cherry can use (letters, digits, - _ . only)")
        return entry
      }
      let style = source.style ?? .openai
      provider = Provider(
        id: source.id, name: nonEmpty(source.name) ?? source.id, style: style,
        isBuiltIn: false, needsKey: style != .ollama)
    }
    let before = provider
    var changes: [FieldChange] = []
    if !provider.isBuiltIn {
      if let name = nonEmpty(source.name), name != provider.name {
        changes.append(FieldChange(field: "name", from: provider.name, to: name))
        provider.name = name
      }
      if let style = source.style, style != provider.style {
        changes.append(
          FieldChange(field: "style", from: provider.style.rawValue, to: style.rawValue))
        provider.style = style
      }
      if source.newAPI == true, !provider.isNewAPI, provider.style == .openai {
        changes.append(
          FieldChange(field: "type", from: provider.type.rawValue, to: ProviderType.newAPI.rawValue)
        )
        provider.type = .newAPI
      }
    }
    mergeURL(source, into: &provider, changes: &changes, notes: &entry.notes)
    if let version = nonEmpty(source.apiVersion), version != provider.apiVersion {
      changes.append(FieldChange(field: "api-version", from: provider.apiVersion, to: version))
      provider.apiVersion = version
    }
    if let anthropic = nonEmpty(source.anthropicURL), anthropic != provider.effectiveAnthropicURL {
      do {
        let before = provider.anthropicURL
        try provider.setAnthropicURL(anthropic)
        changes.append(FieldChange(field: "anthropic-url", from: before, to: provider.anthropicURL))
      } catch {
        entry.notes.append("not imported: the Anthropic URL \(anthropic) (\(error.description))")
      }
    }
    if let notes = nonEmpty(source.notes), notes != provider.notes {
      changes.append(FieldChange(field: "notes", from: provider.notes, to: notes))
      provider.setNotes(notes)
    }
    mergeKeys(source.keys ?? [], into: &provider, changes: &changes)
    mergeModels(source.models ?? [], into: &provider, changes: &changes)
    mergeHeaders(source.headers ?? [], into: &provider, changes: &changes)
    if source.enabled == true, !provider.enabled {
      entry.notes.append(
        "on in the source; here it stays off until you switch it on: use \(provider.id), then enable"
      )
    }
    for field in source.notMapped { entry.notes.append("not imported: \(field)") }

    entry.name = provider.name
    entry.changes = changes
    if let index {
      session.providers[index] = provider
      entry.action = provider == before ? .unchanged : .changed
    } else {
      session.providers.append(provider)
      entry.action = .added
    }
    return entry
  }

  /// The URL is replaced when it differs and reaches other endpoints: an app's
  /// spelling of the same address (`https://api.deepseek.com/` against cherry's
  /// `https://api.deepseek.com/v1`, say) is no change.
  private static func mergeURL(
    _ source: ImportedProvider, into provider: inout Provider, changes: inout [FieldChange],
    notes: inout [String]
  ) {
    guard let raw = nonEmpty(source.url) else { return }
    let url: String
    do {
      url = try EndpointResolver.validate(raw, style: provider.style)
      _ = try EndpointResolver.resolve(
        url: url, style: provider.style, modelsURL: nil, apiVersion: provider.apiVersion,
        model: nil)
    } catch {
      notes.append("not imported: the URL \(raw) (\(error.description))")
      return
    }
    guard url != provider.url else { return }
    if !provider.url.isEmpty, sameEndpoints(url, provider.url, provider: provider) { return }
    changes.append(FieldChange(field: "url", from: nonEmpty(provider.url), to: url))
    provider.url = url
  }

  private static func sameEndpoints(_ one: String, _ other: String, provider: Provider) -> Bool {
    func chat(_ url: String) -> String? {
      try? EndpointResolver.resolve(
        url: url, style: provider.style, modelsURL: provider.modelsURL,
        apiVersion: provider.apiVersion, model: nil
      ).chat
    }
    guard let first = chat(one) else { return false }
    return first == chat(other)
  }

  private static func mergeKeys(
    _ keys: [String], into provider: inout Provider, changes: inout [FieldChange]
  ) {
    var merged = provider.keys
    var added: [String] = []
    for key in keys where !merged.contains(key) {
      merged.append(key)
      added.append("#\(merged.count) \(KeyMask.mask(key))")
    }
    guard !added.isEmpty else { return }
    changes.append(
      FieldChange(
        field: "keys", from: count(provider.keys.count, "key"),
        to: "+ " + added.joined(separator: ", ")))
    provider.setKeys(merged)
  }

  private static func mergeModels(
    _ models: [ImportedModel], into provider: inout Provider, changes: inout [FieldChange]
  ) {
    var added: [String] = []
    var retyped: [String] = []
    for model in models {
      if let index = provider.models.firstIndex(where: { $0.id == model.id }) {
        let before = provider.models[index]
        provider.models[index].kindOverrides.merge(model.kindOverrides) { _, new in new }
        details(model, into: &provider.models[index])
        if provider.models[index] != before { retyped.append(model.id) }
        continue
      }
      let group =
        nonEmpty(model.group)
        ?? ModelGrouping.group(
          for: model.id, providerID: provider.id, isBuiltIn: provider.isBuiltIn)
      var new = ProviderModel(id: model.id, group: group, kindOverrides: model.kindOverrides)
      details(model, into: &new)
      provider.models.append(new)
      added.append(model.id)
    }
    if !added.isEmpty {
      changes.append(
        FieldChange(
          field: "models", from: count(provider.models.count - added.count, "model"),
          to: "+ " + added.joined(separator: ", ")))
    }
    if !retyped.isEmpty {
      changes.append(
        FieldChange(field: "model details", from: nil, to: retyped.joined(separator: ", ")))
    }
  }

  /// The name, price and endpoint type the source gives a model.
  private static func details(_ source: ImportedModel, into model: inout ProviderModel) {
    if let name = nonEmpty(source.name), name != model.id { model.displayName = name }
    if let price = source.price { model.price = price }
    if let type = source.endpointType { model.endpointType = type }
  }

  /// Header values may be secrets: the change names the headers only.
  private static func mergeHeaders(
    _ headers: [HeaderEntry], into provider: inout Provider, changes: inout [FieldChange]
  ) {
    var touched: [String] = []
    for header in headers {
      let lowered = header.name.lowercased()
      if let index = provider.headers.firstIndex(where: { $0.name.lowercased() == lowered }) {
        guard provider.headers[index].value != header.value else { continue }
        provider.headers[index].value = header.value
        touched.append("~ " + header.name)
      } else {
        provider.headers.append(header)
        touched.append("+ " + header.name)
      }
    }
    guard !touched.isEmpty else { return }
    changes.append(FieldChange(field: "headers", from: nil, to: touched.joined(separator: ", ")))
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = text.trimmingCharacters(in: " \t\n")
    return trimmed.isEmpty ? nil : trimmed
  }
}

extension String {
  /// The string without the given characters at either end.
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
