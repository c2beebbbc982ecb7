import CherryKit

/// `header set/rm`, `proxy`, `timeout`: per-provider request settings (DESIGN §1.6).
enum RequestSettingCommands {
  static func header(_ shell: Shell, _ invocation: Invocation) async throws {
    let sub = try invocation.argument(0, "set or rm")
    switch sub {
    case "set":
      let name = try invocation.argument(1, "the header name")
      _ = try invocation.argument(2, "the header value")
      let value = invocation.positionals[2...].joined(separator: " ")
      guard isHeaderName(name) else { throw ErrorMessage.badHeaderName(name) }
      try shell.updateSelected { (provider) throws(ShellError) in
        if let index = provider.headers.firstIndex(where: {
          $0.name.lowercased() == name.lowercased()
        }) {
          provider.headers[index] = HeaderEntry(name: name, value: value)
        } else {
          provider.headers.append(HeaderEntry(name: name, value: value))
        }
      }
      shell.out.line("header \(name): \(Describe.headerValue(value))")
    case "rm":
      let name = try invocation.argument(1, "the header name")
      try invocation.expectAtMost(2)
      try shell.updateSelected { (provider) throws(ShellError) in
        guard
          let index = provider.headers.firstIndex(where: {
            $0.name.lowercased() == name.lowercased()
          })
        else {
          throw ErrorMessage.noSuchHeader(name)
        }
        provider.headers.remove(at: index)
      }
      shell.out.line("header \(name) removed")
    default:
      throw ErrorMessage.unknownSubcommand(invocation.spec, sub, choices: ["set", "rm"])
    }
  }

  static func proxy(_ shell: Shell, _ invocation: Invocation) async throws {
    let value = try invocation.argument(0, "the proxy URL (or off)")
    try invocation.expectAtMost(1)
    if value == "off" {
      try shell.updateSelected { (provider) throws(ShellError) in provider.proxy = nil }
      shell.out.line("proxy off: requests follow HTTPS_PROXY / HTTP_PROXY")
      return
    }
    let lowered = value.lowercased()
    let schemes = ["http://", "https://", "socks5://", "socks5h://"]
    guard let scheme = schemes.first(where: { lowered.hasPrefix($0) }), value.count > scheme.count,
      !value.contains(" ")
    else { throw ErrorMessage.badProxy(value) }
    try shell.updateSelected { (provider) throws(ShellError) in provider.proxy = value }
    shell.out.line("proxy " + KeyMask.maskLine(value))
  }

  static func timeout(_ shell: Shell, _ invocation: Invocation) async throws {
    let value = try invocation.argument(0, "the timeout in seconds (or off)")
    try invocation.expectAtMost(1)
    if value == "off" {
      try shell.updateSelected { (provider) throws(ShellError) in provider.timeout = nil }
      shell.out.line("timeout: the defaults apply")
      return
    }
    guard let seconds = Seconds.parse(value) else { throw ErrorMessage.badTimeout(value) }
    try shell.updateSelected { (provider) throws(ShellError) in provider.timeout = seconds }
    shell.out.line("timeout " + Describe.seconds(seconds))
  }

  /// RFC 9110 token characters.
  static func isHeaderName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        $0.isASCII
          && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0))
      }
  }
}
