import CherryKit

/// `enable` / `disable`: the switch (DESIGN §1.5).
///
/// Nothing switches on by itself.
enum EnableCommands {
  static func enable(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
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
    let changed = try shell.changeSelected { (updated) throws(ShellError) in
      updated.enabled = true
      shell.note(provider.enabled ? "\(provider.id) is already on" : "\(provider.id) is on")
    }
    return shell.pageReport(changed)
  }

  static func disable(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      let wasOn = provider.enabled
      provider.enabled = false
      shell.note(
        wasOn
          ? "\(provider.id) is off: its models are not available"
          : "\(provider.id) is already off")
    }
    return shell.pageReport(changed)
  }
}
