import CherryKit

/// `enable` / `disable`: the switch (DESIGN §1.5).
///
/// Nothing switches on by itself.
enum EnableCommands {
  static func enable(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    let provider = try shell.selectedProvider()
    if provider.needsKey && provider.keys.isEmpty {
      shell.warn(
        "\(provider.id) has no key, and it needs one: requests will fail until you set one (key <list>)"
      )
    }
    if provider.models.isEmpty {
      shell.warn(
        "\(provider.id) has no models: add one with + <model id> (or fetch the list with manage)")
    }
    if provider.url.isEmpty {
      shell.warn("\(provider.id) has no URL: set one with url <address>")
    }
    try shell.updateSelected { (provider) throws(ShellError) in provider.enabled = true }
    shell.out.line(provider.enabled ? "\(provider.id) is already on" : "\(provider.id) is on")
  }

  static func disable(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    let wasOn = try shell.selectedProvider().enabled
    let id = try shell.updateSelected { (provider) throws(ShellError) in
      provider.enabled = false
      return provider.id
    }
    shell.out.line(wasOn ? "\(id) is off: its models are not available" : "\(id) is already off")
  }
}
