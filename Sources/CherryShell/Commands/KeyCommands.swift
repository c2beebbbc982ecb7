import CherryKit

/// `key` / `token` in all their forms (DESIGN §1.1).
enum KeyCommands {
  static func key(_ shell: Shell, _ invocation: Invocation) async throws {
    let words = invocation.positionals
    guard let first = words.first else {
      try askForKeys(shell, invocation)
      return
    }
    switch first {
    case "add":
      let list = try parse(
        Array(words.dropFirst()), shell: shell, command: invocation.word + " add")
      try shell.updateSelected { (provider) throws(ShellError) in
        var keys = provider.keys
        for key in list.keys where !keys.contains(key) { keys.append(key) }
        let added = keys.count - provider.keys.count
        provider.setKeys(keys)
        shell.out.line(
          "\(provider.id): added \(Describe.count(added, "key")); \(summary(provider))")
      }
    case "rm":
      let value = try invocation.argument(
        1, "the number of the key to remove (key list shows them)")
      try invocation.expectAtMost(2)
      try shell.updateSelected { (provider) throws(ShellError) in
        guard let number = Int(value), number >= 1, number <= provider.keys.count else {
          throw ErrorMessage.keyNumber(value, count: provider.keys.count)
        }
        let removed = provider.keys[number - 1]
        var keys = provider.keys
        keys.remove(at: number - 1)
        provider.setKeys(keys)
        shell.out.line(
          "\(provider.id): removed \(Describe.key(removed, number: number)); \(summary(provider))")
      }
    case "list":
      try invocation.expectAtMost(1)
      let provider = try shell.selectedProvider()
      if provider.keys.isEmpty {
        shell.out.line(
          "\(provider.id) has no keys"
            + (provider.needsKey ? "; set them with: key <key>,<key>…" : ""))
        return
      }
      let next = Describe.nextKeyNumber(provider)
      for (offset, key) in provider.keys.enumerated() {
        shell.out.line(
          Describe.key(key, number: offset + 1) + (offset + 1 == next ? "   ← next" : ""))
      }
    case "clear":
      try invocation.expectAtMost(1)
      try shell.updateSelected { (provider) throws(ShellError) in
        provider.setKeys([])
        shell.out.line("\(provider.id): keys cleared")
      }
    default:
      // `key lsit` is a typo of a subcommand, not a one-key list.
      if words.count == 1, !KeyMask.looksLikeKey(first),
        let meant = Suggestion.closest(to: first, among: ["add", "rm", "list", "clear"])
      {
        throw ErrorMessage.unknownSubcommand(
          invocation.spec, first, choices: ["add", "rm", "list", "clear"]
        )
        .withHint("did you mean '\(invocation.word) \(meant)'?")
      }
      let list = try parse(words, shell: shell, command: invocation.word)
      try shell.updateSelected { (provider) throws(ShellError) in
        provider.setKeys(list.keys)
        shell.out.line("\(provider.id): \(summary(provider))")
      }
    }
  }

  /// Joins the words with a space (so `key sk-a, sk-b` works) and parses the list.
  private static func parse(_ words: [String], shell: Shell, command: String) throws(ShellError)
    -> KeyList
  {
    let text = words.joined(separator: " ")
    let list: KeyList
    do {
      list = try APIKeyList.parse(text)
    } catch {
      throw ErrorMessage.keyList(error, command: command)
    }
    for warning in list.warnings { shell.warn(warning.description) }
    if case .commandLine = shell.frames.last?.kind,
      list.keys.contains(where: { !$0.hasPrefix("env:") })
    {
      shell.warn(
        "a key given with -c is now in the process list and your shell history; "
          + "next time write key env:NAME, or enter it at the prompt with a bare 'key'")
    }
    return list
  }

  /// A bare `key`: asks with echo off at the prompt; an error anywhere else.
  private static func askForKeys(_ shell: Shell, _ invocation: Invocation) throws(ShellError) {
    let provider = try shell.selectedProvider()
    guard shell.frames.last?.isPrompt == true, let readSecret = shell.options.readSecret else {
      throw ErrorMessage.bareKeyWithoutTerminal(provider.id)
    }
    shell.out.sink.flush()
    guard let text = readSecret("keys for \(provider.name) (comma-separated, hidden): ") else {
      throw ErrorMessage.keyInputCancelled
    }
    let list = try parse([text], shell: shell, command: invocation.word)
    try shell.updateSelected { (provider) throws(ShellError) in
      provider.setKeys(list.keys)
      shell.out.line("\(provider.id): \(summary(provider))")
    }
  }

  /// `4 keys: #1 ****, #2 ****, …`.
  static func summary(_ provider: Provider) -> String {
    guard !provider.keys.isEmpty else { return "no keys" }
    return Describe.count(provider.keys.count, "key") + ": " + Describe.keys(provider.keys)
  }
}
