/// `source`, `set`, `pause` (DESIGN §2.3).
enum ScriptCommands {
  static func source(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    try await shell.source(invocation.arguments[0])
  }

  static func pause(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard shell.options.isTerminal, let wait = shell.options.waitForEnter else {
      return Report.none
    }
    shell.out.sink.write("-- press Enter to go on --", to: .standardError)
    guard wait() else { throw ErrorMessage.pauseInterrupted() }
    return Report.none
  }
}
