import CherryKit

/// `explain url [<address>]` and `explain keys`: the rules, step by step (for teaching).
enum ExplainCommands {
  static func url(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = shell.session.selected.flatMap { shell.session.provider($0) }
    let style = provider?.style ?? .openai
    guard let url = invocation.argument(0) ?? provider?.url, !url.isEmpty else {
      throw ErrorMessage.missingArgument(
        invocation.path, invocation.words, invocation.spec.arguments[0])
    }
    var lines: [String]
    if let provider {
      lines = EndpointResolver.explain(provider, url: invocation.argument(0))
    } else {
      shell.note("(no provider selected: explaining for the openai style)")
      lines = EndpointResolver.explain(url: url, style: style)
    }
    // One screen: what was entered, the rule, and where requests go.
    if invocation.has(Options.short) { lines = lines.filter { !$0.hasPrefix("step ") } }
    return Report.text(lines)
  }

  static func keys(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    var lines = keyRules
    if let id = shell.session.selected, let provider = shell.session.provider(id) {
      lines.append("")
      if provider.keys.isEmpty {
        lines.append("\(provider.id) has no keys yet.")
      } else {
        let next = provider.nextKeyNumber ?? 1
        let order = (0..<provider.keys.count).map {
          "#\((next - 1 + $0) % provider.keys.count + 1)"
        }
        lines.append("\(provider.id) has \(KeyCommands.summary(provider))")
        lines.append("the next requests use " + (order + ["…"]).joined(separator: ", "))
      }
    }
    return Report.text(lines)
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
