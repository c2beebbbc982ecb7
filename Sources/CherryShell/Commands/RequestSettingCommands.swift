import CherryKit

/// `header set/rm`, `proxy`, `timeout`: per-provider request settings (DESIGN §1.6).
enum RequestSettingCommands {
  static func setHeader(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let name = invocation.arguments[0]
    let value = invocation.text(from: 1)
    // The store holds a loaded value to the same rules.
    guard SettingRules.isHeaderName(name) else { throw ErrorMessage.badHeaderName(name) }
    guard SettingRules.isHeaderValue(value) else { throw ErrorMessage.badHeaderValue(name) }
    // Known as a secret from now on, before anything shows it.
    if HeaderSecrecy.isSecret(name: name) { shell.secrets.register(value) }
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      if let index = provider.headers.firstIndex(where: {
        $0.name.lowercased() == name.lowercased()
      }) {
        provider.headers[index] = HeaderEntry(name: name, value: value)
      } else {
        provider.headers.append(HeaderEntry(name: name, value: value))
      }
      shell.note("header \(name): \(Describe.headerValue(name: name, value: value))")
    }
    return shell.pageReport(changed)
  }

  static func removeHeader(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let name = invocation.arguments[0]
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      guard
        let index = provider.headers.firstIndex(where: {
          $0.name.lowercased() == name.lowercased()
        })
      else {
        throw ErrorMessage.noSuchHeader(name)
      }
      provider.headers.remove(at: index)
      shell.note("header \(name) removed")
    }
    return shell.pageReport(changed)
  }

  static func proxy(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let value = invocation.arguments[0]
    if invocation.spec.arguments[0].isChoice(value) {
      let changed = try shell.changeSelected { (provider) throws(ShellError) in
        provider.proxy = nil
        shell.note("proxy off: requests follow HTTPS_PROXY / HTTP_PROXY")
      }
      return shell.pageReport(changed)
    }
    // The request layer reads it with the same parser: what is kept here works.
    let proxy: ProxyURL
    do {
      proxy = try ProxyURL.parse(value)
    } catch {
      throw ErrorMessage.proxy(error)
    }
    shell.secrets.register(proxy.secrets)
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      provider.proxy = value
      shell.note("proxy " + proxy.masked)
    }
    return shell.pageReport(changed)
  }

  static func timeout(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let value = invocation.arguments[0]
    // The table has checked the word: `off`, or a number of seconds.
    let seconds = invocation.spec.arguments[0].isChoice(value) ? nil : Seconds.parse(value)
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      provider.timeout = seconds
      shell.note(seconds.map { "timeout " + Describe.seconds($0) } ?? "timeout: the defaults apply")
    }
    return shell.pageReport(changed)
  }
}
