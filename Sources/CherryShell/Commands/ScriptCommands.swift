/// `source`, `set`, `pause` (DESIGN §2.3).
enum ScriptCommands {
  static func source(_ shell: Shell, _ invocation: Invocation) async throws {
    let path = try invocation.argument(0, "the file to run")
    try invocation.expectAtMost(1)
    try await shell.source(path)
  }

  static func set(_ shell: Shell, _ invocation: Invocation) async throws {
    let name = try invocation.argument(0, "a setting: echo, on_error or trace")
    try invocation.expectAtMost(2)
    switch name {
    case "echo":
      shell.settings.echo = try onOff(invocation)
    case "trace":
      shell.settings.trace = try onOff(invocation)
    case "on_error":
      let value = try invocation.argument(1, "stop or continue")
      switch value {
      case "stop": shell.settings.continueOnError = false
      case "continue": shell.settings.continueOnError = true
      default:
        throw ErrorMessage.badValue(
          invocation.spec, "on_error value", value, expected: "stop or continue")
      }
    default:
      throw ErrorMessage.badSetting(name)
    }
  }

  private static func onOff(_ invocation: Invocation) throws(ShellError) -> Bool {
    let value = try invocation.argument(1, "on or off")
    switch value {
    case "on": return true
    case "off": return false
    default: throw ErrorMessage.badValue(invocation.spec, "value", value, expected: "on or off")
    }
  }

  static func pause(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    guard shell.options.isTerminal, let wait = shell.options.waitForEnter else { return }
    shell.out.text("-- press Enter to go on --")
    shell.out.sink.flush()
    guard wait() else { throw ErrorMessage.pauseInterrupted() }
  }
}
