import CherryKit

/// `explain url [<address>]` and `explain keys`: the rules, step by step (for teaching).
enum ExplainCommands {
  static func explain(_ shell: Shell, _ invocation: Invocation) async throws {
    let topic = try invocation.argument(0, "what to explain: url or keys")
    switch topic {
    case "url":
      try invocation.expectAtMost(2)
      let provider = shell.session.selected.flatMap { shell.session.provider($0) }
      let style = provider?.style ?? .openai
      guard let url = invocation.positionals.dropFirst().first ?? provider?.url, !url.isEmpty else {
        throw ErrorMessage.missingArgument(
          invocation.spec, "an address (the selected provider has no URL)")
      }
      if provider == nil {
        shell.out.line("(no provider selected: explaining for the openai style)")
      }
      for line in EndpointResolver.explain(url: url, style: style) { shell.out.line(line) }
    case "keys":
      try invocation.expectAtMost(1)
      for line in keyRules { shell.out.line(line) }
      if let id = shell.session.selected, let provider = shell.session.provider(id) {
        shell.out.line("")
        if provider.keys.isEmpty {
          shell.out.line("\(provider.id) has no keys yet.")
        } else {
          let next = Describe.nextKeyNumber(provider) ?? 1
          let order = (0..<provider.keys.count).map {
            "#\((next - 1 + $0) % provider.keys.count + 1)"
          }
          shell.out.line("\(provider.id) has \(KeyCommands.summary(provider))")
          shell.out.line("the next requests use " + (order + ["…"]).joined(separator: ", "))
        }
      }
    default:
      throw ErrorMessage.unknownSubcommand(invocation.spec, topic, choices: ["url", "keys"])
    }
  }

  static let keyRules = [
    "keys (clé secrète, clé, clé API, jeton: all the same thing):",
    "  1. one provider may hold several keys, entered as one list separated by ASCII commas:",
    "       key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4",
    "     'key sk-a, sk-b' works too: spaces around keys are trimmed.",
    "  2. only the ASCII comma separates keys: a full-width ， ideographic 、 or ; is refused,",
    "     with its position and the corrected command; nothing changes.",
    "  3. each request (manage, ask) takes the next key in list order: 1, 2, 3, 4, 1, …",
    "     The position is saved with the session. 'test' checks every key on its own.",
    "  4. key env:NAME reads the variable NAME when a request is sent; its value is never stored.",
    "  5. keys are never shown whole: long keys keep their ends (sk-a****wxyz), short ones are ****.",
    "     A masked key pasted back is refused: paste the whole key.",
  ]
}
