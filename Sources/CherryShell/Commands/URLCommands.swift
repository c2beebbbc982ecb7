import CherryKit

/// `url`, `url reset`, `models-url`, `api-version` (DESIGN §1.2).
enum URLCommands {
  static func url(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(1)
    guard let value = invocation.positionals.first else {
      try describe(shell, try shell.selectedProvider())
      return
    }
    if value == "reset" {
      try shell.updateSelected { (provider) throws(ShellError) in
        guard provider.isBuiltIn, let entry = ProviderCatalogue.entry(provider.id) else {
          throw ErrorMessage.customHasNoDefaultURL(provider.id)
        }
        provider.url = entry.defaultURL
        provider.modelsURL = entry.modelsURL
      }
      shell.out.line("URL reset to the built-in default")
      try describe(shell, try shell.selectedProvider())
      return
    }
    let provider = try shell.selectedProvider()
    let stored: String
    do {
      stored = try EndpointResolver.validate(value)
      _ = try EndpointResolver.resolve(
        url: stored, style: provider.style, modelsURL: provider.modelsURL,
        apiVersion: provider.apiVersion,
        model: nil)
    } catch {
      throw ErrorMessage.url(error)
    }
    try shell.updateSelected { (provider) throws(ShellError) in provider.url = stored }
    try describe(shell, try shell.selectedProvider())
  }

  /// The entered value, every endpoint it resolves to, the rule, and warnings.
  static func describe(_ shell: Shell, _ provider: Provider) throws(ShellError) {
    guard !provider.url.isEmpty else {
      shell.out.line("\(provider.id) has no URL yet; set one with: url <address>")
      return
    }
    var entered = provider.url
    if provider.isBuiltIn, ProviderCatalogue.entry(provider.id)?.defaultURL == provider.url {
      entered += "  (built-in default)"
    }
    shell.out.line("url         " + entered)
    printEndpoints(shell, provider, withRule: true)
  }

  /// The endpoint lines; warnings go to standard error with the line's location.
  static func printEndpoints(_ shell: Shell, _ provider: Provider, withRule: Bool) {
    for line in SettingsPage.endpointLines(provider) {
      if line.hasPrefix("warning: ") {
        shell.warn(String(line.dropFirst("warning: ".count)))
      } else if withRule || !line.hasPrefix("rule") {
        shell.out.line(line)
      }
    }
  }

  static func modelsURL(_ shell: Shell, _ invocation: Invocation) async throws {
    let value = try invocation.argument(0, "the model-list URL (or off)")
    try invocation.expectAtMost(1)
    if value == "off" {
      try shell.updateSelected { (provider) throws(ShellError) in provider.modelsURL = nil }
      shell.out.line("models-url cleared: the model list URL is derived from the URL")
      return
    }
    let stored: String
    do {
      stored = try EndpointResolver.validate(value)
    } catch {
      throw ErrorMessage.url(error)
    }
    try shell.updateSelected { (provider) throws(ShellError) in provider.modelsURL = stored }
    shell.out.line("models-url  " + stored)
  }

  static func apiVersion(_ shell: Shell, _ invocation: Invocation) async throws {
    let value = try invocation.argument(0, "the api-version (or off)")
    try invocation.expectAtMost(1)
    guard value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
    else {
      throw ErrorMessage.badValue(
        invocation.spec, "api-version", value, expected: "e.g. 2024-10-21")
    }
    let stored: String? = value == "off" ? nil : value
    try shell.updateSelected { (provider) throws(ShellError) in provider.apiVersion = stored }
    shell.out.line(stored.map { "api-version " + $0 } ?? "api-version cleared")
    let provider = try shell.selectedProvider()
    if !provider.url.isEmpty { printEndpoints(shell, provider, withRule: false) }
  }
}
