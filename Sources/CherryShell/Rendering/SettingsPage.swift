import CherryKit

/// `show`: one provider's settings page as text, like the app's page for it.
enum SettingsPage {
  /// The page's lines.
  static func lines(_ provider: Provider, output: Output) -> [String] {
    var lines: [String] = []
    let pad = "            "
    func field(_ name: String, _ value: String) {
      lines.append("  " + name.padding(10) + value)
    }

    lines.append(output.paint("\(provider.name.visible) (\(provider.id.visible))", .bold))
    field("style", provider.style.rawValue + (provider.isBuiltIn ? " (built-in)" : " (custom)"))
    field("switch", provider.enabled ? output.paint("on", .green) : "off — 'enable' switches it on")

    // Keys, numbered and masked.
    if provider.keys.isEmpty {
      field(
        "keys", provider.needsKey ? "none — set them with: key <key>,<key>…" : "none (not needed)")
    } else {
      var summary = Describe.count(provider.keys.count, "key")
      if let next = provider.nextKeyNumber {
        summary += "; the next request uses #\(next)"
      }
      field("keys", summary)
      for (offset, key) in provider.keys.enumerated() {
        lines.append(pad + Describe.key(key, number: offset + 1))
      }
    }

    // URL and what it resolves to.
    if provider.url.isEmpty {
      field("URL", "none — set one with: url <address>")
    } else {
      var value = provider.url
      if provider.hasCatalogueURL { value += " (built-in default)" }
      field("URL", value)
      lines.append(contentsOf: endpointLines(provider).map { pad + $0 })
      lines.append(contentsOf: endpointWarnings(provider).map { pad + "warning: " + $0 })
    }
    if let modelsURL = provider.modelsURL { field("models-url", KeyMask.maskLine(modelsURL)) }
    if let version = provider.apiVersion { field("api-version", version) }
    if provider.offersAnthropicURL || provider.anthropicURL != nil {
      let anthropic = anthropicLines(provider)
      if let first = anthropic.first {
        field("anthropic", String(first.dropFirst(12)))
        lines += anthropic.dropFirst().map { pad + $0 }
      }
    }

    // Models with their kinds.
    if provider.models.isEmpty {
      field("models", "none — add with: + <model id>  (or 'manage' to fetch the list)")
    } else {
      var summary = Describe.count(provider.models.count, "model")
      if let last = provider.lastAddedChatModel { summary += "; 'test' uses \(last.id.visible)" }
      field("models", summary)
      var table = TextTable(headers: ["", ""])
      table.rows = provider.models.map { model in
        [model.id.visible, modelNote(model, provider: provider)]
      }
      lines.append(contentsOf: table.render().dropFirst().map { pad + $0 })
    }

    // Request settings.
    if provider.headers.isEmpty {
      field("headers", "none")
    } else {
      field("headers", Describe.count(provider.headers.count, "header"))
      for header in provider.headers {
        lines.append(
          pad + header.name.visible + ": "
            + Describe.headerValue(name: header.name, value: header.value).visible)
      }
    }
    field(
      "proxy",
      provider.proxy.map { KeyMask.maskLine($0) } ?? "none (HTTPS_PROXY / HTTP_PROXY apply)")
    field(
      "timeout",
      provider.timeout.map(Describe.seconds)
        ?? "default (test 15 s; manage and ask 10 s connect, 60 s idle)")
    if let notes = provider.notes, !notes.isEmpty {
      field("notes", "")
      lines.removeLast()
      lines.append("  notes")
      lines += notes.split(separator: "\n", omittingEmptySubsequences: false).map {
        pad + String($0).visible
      }
    }
    return lines
  }

  /// The Anthropic-compatible URL (DESIGN §1.2) and the endpoints it resolves to.
  static func anthropicLines(_ provider: Provider) -> [String] {
    guard let url = provider.effectiveAnthropicURL else {
      return [
        "anthropic   none"
          + (provider.offersAnthropicURL ? " — set one with: anthropic-url <url>" : "")
      ]
    }
    let origin = provider.anthropicURL == nil ? "  (default)" : ""
    var lines = ["anthropic   " + KeyMask.maskLine(url) + origin]
    if let resolved = try? EndpointResolver.resolveAnthropic(provider, model: nil) {
      lines.append("  messages  " + resolved.chat)
      if let models = resolved.models { lines.append("  models    " + models) }
    }
    return lines
  }

  /// The kinds of an added model, with its overrides, edits and stale mark.
  static func modelNote(_ model: ProviderModel, provider: Provider) -> String {
    var note = Describe.kinds(provider.kinds(of: model))
    if let name = model.displayName { note += "  “\(name.visible)”" }
    if let price = model.price { note += "  " + Describe.price(price) }
    if model.streaming == false { note += "  no streaming" }
    if let type = model.endpointType { note += "  endpoint " + type.rawValue }
    if !model.kindOverrides.isEmpty {
      note += "  (set: \(Describe.overrides(model.kindOverrides)))"
    }
    if model.stale { note += "  [stale: not in the last listing]" }
    return note
  }

  /// The endpoints a provider's URL resolves to, and the rule that applied.
  static func endpointLines(_ provider: Provider, withRule: Bool = true) -> [String] {
    let resolved: ResolvedEndpoints
    do {
      resolved = try EndpointResolver.resolve(provider, model: nil)
    } catch {
      let shellError = ErrorMessage.url(error)
      return ["error: " + shellError.what] + shellError.fix
    }
    var lines = [
      "chat        " + resolved.chat,
      "models      "
        + (resolved.models ?? "none: " + (resolved.modelsProblem ?? "set models-url <url>")),
    ]
    if let embeddings = resolved.embeddings { lines.append("embeddings  " + embeddings) }
    if withRule { lines.append("rule        " + resolved.ruleExplanation) }
    return lines
  }

  /// What is doubtful about a provider's URL (no version segment, say).
  static func endpointWarnings(_ provider: Provider) -> [String] {
    guard !provider.url.isEmpty else { return [] }
    return (try? EndpointResolver.resolve(provider, model: nil))?.warnings ?? []
  }
}

extension String {
  /// The string padded with spaces to `width` terminal columns.
  func padding(_ width: Int) -> String {
    let missing = width - TextTable.width(self)
    return missing > 0 ? self + String(repeating: " ", count: missing) : self + " "
  }
}
