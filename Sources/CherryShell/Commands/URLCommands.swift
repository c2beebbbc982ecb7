import CherryKit

/// `url`, `url reset`, `models-url`, `api-version` (DESIGN §1.2).
enum URLCommands {
  /// `url`: shows the URL; `url <address>` sets it.
  static func url(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let value = invocation.argument(0) else {
      return describe(shell, try shell.selectedProvider())
    }
    var provider = try shell.selectedProvider()
    do {
      provider.url = try EndpointResolver.validate(value, for: provider)
      _ = try EndpointResolver.resolve(provider, model: nil)
    } catch {
      throw ErrorMessage.url(error)
    }
    let stored = provider.url
    try shell.updateSelected { (provider) throws(ShellError) in provider.url = stored }
    shell.forgetListing(of: provider.id)  // it came from the old URL
    return describe(shell, try shell.selectedProvider())
  }

  static func reset(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    // A demo provider goes back to the demo server's URL (its port changes per run).
    let demoStart = try shell.options.demo?.startingProvider(shell.selectedProvider().id)
    try shell.updateSelected { (provider) throws(ShellError) in
      if let demoStart {
        provider.url = demoStart.url
        provider.modelsURL = demoStart.modelsURL
        provider.apiVersion = demoStart.apiVersion
        return
      }
      guard provider.isBuiltIn, let entry = ProviderCatalogue.entry(provider.id) else {
        throw ErrorMessage.customHasNoDefaultURL(provider.id)
      }
      provider.url = entry.defaultURL
      provider.modelsURL = entry.modelsURL
    }
    shell.forgetListing(of: try shell.selectedProvider().id)
    shell.note(
      demoStart == nil ? "URL reset to the built-in default" : "URL reset to the demo server's")
    return describe(shell, try shell.selectedProvider())
  }

  /// The entered value, every endpoint it resolves to, the rule, then warnings.
  private static func describe(_ shell: Shell, _ provider: Provider) -> any CommandReport {
    shell.pageReport(provider, warnings: SettingsPage.endpointWarnings(provider)) { _ in
      guard !provider.url.isEmpty else {
        return ["\(provider.id) has no URL yet; set one with: url <address>"]
      }
      var entered = URLSecrets.masked(provider.url)
      if provider.hasCatalogueURL {
        entered += "  (built-in default)"
      }
      var lines = ["url         " + entered] + SettingsPage.endpointLines(provider)
      // Where requests go, as the request layer reads the URL (DESIGN §1.2).
      if let target = try? URLParts(provider.url).connectTarget {
        lines.append("connects to " + target)
      }
      // The second URL belongs to the same settings field in the app (DESIGN §1.2).
      if provider.offersAnthropicURL { lines += SettingsPage.anthropicLines(provider) }
      return lines
    }
  }

  static func modelsURL(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let value = invocation.arguments[0]
    let stored: String?
    if invocation.spec.arguments[0].isChoice(value) {
      stored = nil
    } else {
      do {
        stored = try EndpointResolver.validateModelsURL(value)
      } catch {
        throw ErrorMessage.url(error)
      }
    }
    shell.forgetListing(of: try shell.selectedProvider().id)
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      provider.modelsURL = stored
      shell.note(
        stored.map { "models-url  " + KeyMask.maskLine($0) }
          ?? "models-url cleared: the model list URL is derived from the URL")
    }
    return shell.pageReport(changed)
  }

  static func apiVersion(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let value = invocation.arguments[0]
    let stored: String? = invocation.spec.arguments[0].isChoice(value) ? nil : value
    guard value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
    else {
      throw ErrorMessage.badValue(invocation, "api-version", value, expected: "e.g. 2024-10-21")
    }
    let provider = try shell.updateSelected { (provider) throws(ShellError) in
      provider.apiVersion = stored
      return provider
    }
    shell.note(stored.map { "api-version " + $0 } ?? "api-version cleared")
    return shell.pageReport(provider, warnings: SettingsPage.endpointWarnings(provider)) { _ in
      provider.url.isEmpty ? [] : SettingsPage.endpointLines(provider, withRule: false)
    }
  }

  /// `anthropic-url`: shows the Anthropic-compatible URL; `anthropic-url <url>`
  /// sets it.
  static func anthropicURL(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    if let value = invocation.argument(0) {
      let changed = try shell.changeSelected { (provider) throws(ShellError) in
        do throws(URLRuleError) {
          try provider.setAnthropicURL(value)
        } catch {
          throw ErrorMessage.url(error, command: invocation.words[0])
        }
      }
      // Before the command ends its new secrets are not registered yet: the URL's
      // own password and key-like query values are masked by where they stand.
      shell.note("anthropic-url " + URLSecrets.masked(changed.effectiveAnthropicURL ?? value))
    }
    return describeAnthropic(shell, try shell.selectedProvider())
  }

  /// `anthropic-url reset`: back to the catalogue's default.
  static func resetAnthropicURL(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      do throws(URLRuleError) {
        try provider.setAnthropicURL(nil)
      } catch {
        throw ErrorMessage.url(error)
      }
    }
    shell.note(
      changed.defaultAnthropicURL.map { "anthropic-url reset to " + $0 }
        ?? "anthropic-url cleared")
    return describeAnthropic(shell, changed)
  }

  /// The Anthropic-compatible URL and its endpoints (DESIGN §1.2).
  private static func describeAnthropic(_ shell: Shell, _ provider: Provider) -> any CommandReport {
    shell.pageReport(provider) { _ in SettingsPage.anthropicLines(provider) }
  }
}
