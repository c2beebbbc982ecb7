import Testing

/// The seed's flow typed at the prompt of `cherry --demo` (DESIGN §2.1, issue 4):
/// manage, + by number, test, enable, ask, and Tab over the last listing.
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct DemoTerminalTests {
  @Test("manage, + 1, test, enable and ask hello at the prompt; Tab completes a listed model")
  func seedFlowAtThePrompt() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home, arguments: ["--demo"])
    let first = try await session.waitForPrompt(after: 0)
    #expect(first.contains("demo provider on 127.0.0.1:"), "no demo banner:\n\(first)")
    #expect(first.lastPrompt?.provider == "demo-openai")

    let listing = try await session.command("manage").output(of: "manage")
    #expect(
      listing.first?.hasPrefix("demo-openai: 22 models in ") == true,
      "no listing header:\n\(listing.joined(separator: "\n"))")
    for (number, id) in [(1, "gpt-4o"), (2, "gpt-4o-mini"), (22, "nomic-embed-text")] {
      let prefix = String(repeating: " ", count: 4 - String(number).count) + "\(number)  \(id) "
      #expect(
        listing.contains { $0.hasPrefix(prefix) }, "no numbered line `\(prefix)`:\n\(listing)")
    }
    #expect(listing.contains { $0.hasPrefix("add with: + ") })

    let added = try await session.command("+ 1").output(of: "+ 1")
    #expect(added == ["added gpt-4o  (chat vision tools web-search)"], "\(added)")

    let tested = try await session.command("test").output(of: "test")
    #expect(tested.first == "testing demo-openai with gpt-4o (the last added chat model):")
    for key in 1...3 {
      #expect(
        tested.contains { $0.hasPrefix("  #\(key) de****-\(key) ✓") },
        "no ✓ line for key #\(key):\n\(tested.joined(separator: "\n"))")
    }
    #expect(tested.contains("passed"), "\(tested)")
    #expect(tested.contains { $0.contains("switch it on with 'enable'") }, "no reminder: \(tested)")

    let enabled = try await session.command("enable").output(of: "enable")
    #expect(enabled.contains("demo-openai is on"), "\(enabled)")

    let answer = try await session.command("ask hello").output(of: "ask hello")
    #expect(
      answer.contains("Hello! This is the cherry demo server, answering as gpt-4o."),
      "no streamed answer:\n\(answer.joined(separator: "\n"))")

    // Typed text shows before Tab, as a person would type it. Whether libedit's
    // redisplay writes the space after a unique match into a cell of its own varies
    // with timing, so the space is proved by what is typed after it: `#end` starts
    // a comment only as a word of its own.
    let before = try session.screen().prompts.count
    try session.type("+ gpt-4o-m")
    try await session.waitUntil("`+ gpt-4o-m` to show") { $0.lastPrompt?.typed == "+ gpt-4o-m" }
    try session.press("Tab")
    try await session.waitUntil("`+ gpt-4o-m` to complete to `+ gpt-4o-mini`") {
      $0.lastPrompt?.typed.hasPrefix("+ gpt-4o-mini") == true
    }
    try session.type("#end")
    try await session.waitUntil("a space after the completed id") {
      $0.lastPrompt?.typed == "+ gpt-4o-mini #end"
    }
    try session.press("Enter")
    let completed = try await session.waitForPrompt(after: before).output(of: "+ gpt-4o-mini #end")
    #expect(completed == ["added gpt-4o-mini  (chat vision tools web-search)"], "\(completed)")

    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
  }
}

extension TerminalScreen {
  /// The lines a command printed: those after the newest prompt that shows `typed`,
  /// up to the next prompt, without trailing spaces.
  ///
  /// - Parameter typed: The command line as typed at the prompt.
  /// - Returns: The lines, or none when no prompt shows `typed`.
  func output(of typed: String) -> [String] {
    let all = prompts
    guard let index = all.lastIndex(where: { $0.typed == typed }) else { return [] }
    let end = index + 1 < all.count ? all[index + 1].line : lines.count
    return lines[(all[index].line + 1)..<end].map { line in
      var trimmed = Substring(line)
      while trimmed.last == " " { trimmed.removeLast() }
      return String(trimmed)
    }
  }
}
