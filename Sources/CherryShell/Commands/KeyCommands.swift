import CherryKit

/// `key` / `token` in all their forms (DESIGN §1.1).
enum KeyCommands {
  /// `key <keys>…`, or a bare `key` that asks on the terminal.
  static func set(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard !invocation.arguments.isEmpty else { return try await ask(shell, invocation) }
    let list = try parse(
      invocation.arguments, shell: shell, command: invocation.name, line: invocation.line)
    return try replace(shell, with: list)
  }

  static func add(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let list = try parse(
      invocation.arguments, shell: shell, command: invocation.name, line: invocation.line)
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      var keys = provider.keys
      for key in list.keys where !keys.contains(key) { keys.append(key) }
      let added = keys.count - provider.keys.count
      provider.setKeys(keys)
      shell.note("\(provider.id): added \(Describe.count(added, "key")); \(summary(provider))")
    }
    return shell.pageReport(changed)
  }

  static func remove(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    if invocation.has(Options.failed) { return try removeFailed(shell, invocation) }
    guard let value = invocation.argument(0) else {
      throw ErrorMessage.missingArgument(
        invocation.path, invocation.words, invocation.spec.arguments[0])
    }
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      guard let number = Int(value), number >= 1, number <= provider.keys.count else {
        throw ErrorMessage.keyNumber(value, count: provider.keys.count)
      }
      let removed = provider.keys[number - 1]
      var keys = provider.keys
      keys.remove(at: number - 1)
      provider.setKeys(keys)
      shell.note(
        "\(provider.id): removed \(Describe.key(removed, number: number)); \(summary(provider))")
    }
    return shell.pageReport(changed)
  }

  /// `key rm --failed`: the keys the provider rejected in the last `test` or
  /// `check` (kept by fingerprint, so a later process can act), listed, then removed.
  private static func removeFailed(_ shell: Shell, _ invocation: Invocation) throws(ShellError)
    -> any CommandReport
  {
    if let extra = invocation.argument(0) {
      throw ErrorMessage.tooManyArguments(invocation.path, invocation.words, extra)
    }
    let provider = try shell.selectedProvider()
    let failed = shell.failedKeys(of: provider.id)
    let doomed = provider.keys.enumerated().compactMap { offset, key -> (Int, String, String)? in
      failed[ListingCache.fingerprint(key)].map { (offset + 1, key, $0) }
    }
    guard !doomed.isEmpty else {
      shell.note(
        "\(provider.id): no key failed its last test or check; nothing removed"
          + (failed.isEmpty ? " (run test or check first)" : ""))
      return shell.pageReport(provider)
    }
    for (number, key, reason) in doomed {
      shell.note("removing \(Describe.key(key, number: number)): \(reason.visible)")
    }
    let removed = Set(doomed.map(\.1))
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      provider.setKeys(provider.keys.filter { !removed.contains($0) })
    }
    shell.note(
      "\(changed.id): removed \(Describe.count(removed.count, "key")); \(summary(changed))")
    return shell.pageReport(changed)
  }

  /// `key set <N> <key>`: one key replaced in place; the rotation keeps its place.
  static func replaceOne(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let value = invocation.arguments[0]
    let list = try parse(
      Array(invocation.arguments.dropFirst()), shell: shell, command: invocation.name)
    guard list.keys.count == 1, let key = list.keys.first else {
      throw ErrorMessage.oneKeyExpected(invocation.name, count: list.keys.count)
    }
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      guard let number = Int(value), number >= 1, number <= provider.keys.count else {
        throw ErrorMessage.keyNumber(value, count: provider.keys.count)
      }
      var keys = provider.keys
      keys[number - 1] = key
      provider.setKeys(keys)
      shell.note("\(provider.id): replaced #\(number); \(summary(provider))")
    }
    return shell.pageReport(changed)
  }

  static func list(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    return shell.pageReport(provider) { _ in
      if provider.keys.isEmpty {
        return [
          "\(provider.id) has no keys"
            + (provider.needsKey ? "; set them with: key <key>,<key>…" : "")
        ]
      }
      let next = provider.nextKeyNumber
      return provider.keys.enumerated().map { offset, key in
        Describe.key(key, number: offset + 1) + (offset + 1 == next ? "   ← next" : "")
      }
    }
  }

  static func clear(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    try replace(shell, with: KeyList(keys: [], warnings: []), message: "keys cleared")
  }

  /// Puts `list` in place of the selected provider's keys.
  private static func replace(_ shell: Shell, with list: KeyList, message: String? = nil)
    throws(ShellError) -> any CommandReport
  {
    let changed = try shell.changeSelected { (provider) throws(ShellError) in
      provider.setKeys(list.keys)
      shell.note("\(provider.id): " + (message ?? summary(provider)))
    }
    return shell.pageReport(changed)
  }

  /// Joins the words with a space (so `key sk-a, sk-b` works) and parses the list.
  private static func parse(
    _ words: [String], shell: Shell, command: String, line: String = ""
  ) throws(ShellError) -> KeyList {
    let list: KeyList
    do {
      list = try APIKeyList.parse(words.joined(separator: " "))
    } catch {
      throw ErrorMessage.keyList(error, command: command)
    }
    for warning in list.warnings { shell.warn(warning.description) }
    // Only a key written on the command line itself is in the process list: one
    // that `$VAR` expanded to never was.
    if case .commandLine = shell.frames.last?.kind,
      list.keys.contains(where: { !$0.hasPrefix("env:") && line.contains($0) })
    {
      shell.warn(
        "a key given with -c is now in the process list and your shell history; "
          + "next time write key env:NAME, or enter it at the prompt with a bare 'key'")
    }
    return list
  }

  /// A bare `key`: asks with echo off at the prompt; an error anywhere else.
  private static func ask(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let provider = try shell.selectedProvider()
    guard let readSecret = shell.options.readSecret else {
      throw ErrorMessage.bareKeyWithoutTerminal(provider.id)
    }
    shell.out.sink.flush()
    guard let text = readSecret("keys for \(provider.name) (comma-separated, hidden): ") else {
      throw ErrorMessage.keyInputCancelled
    }
    return try replace(shell, with: try parse([text], shell: shell, command: invocation.name))
  }

  /// `4 keys: #1 ****, #2 ****, …`.
  static func summary(_ provider: Provider) -> String {
    guard !provider.keys.isEmpty else { return "no keys" }
    return Describe.count(provider.keys.count, "key") + ": " + Describe.keys(provider.keys)
  }
}
