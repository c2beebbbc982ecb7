import Testing

/// A teacher's faults on demand, each shown by `test` and by `check` at the prompt
/// of `cherry --demo` (issue 11).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct DemoFaultTerminalTests {
  /// Each fault, and what `test` and `check` say about it.
  static let faults: [(fault: String, shows: String)] = [
    ("401", "key rejected"), ("429", "rate limit"), ("500", "server error"),
    ("stall", "timed out"), ("drop", "connection"), ("wrong-model", "unknown model"),
  ]

  @Test func everyFaultShowsInTestAndCheck() async throws {
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home, arguments: ["--demo"])
    try await session.command("+ gpt-4o")
    for (fault, shows) in Self.faults {
      try await session.command("demo fault demo-openai \(fault)")
      let tested = try await session.command("test --key 1 --timeout 1")
        .output(of: "test --key 1 --timeout 1")
      #expect(tested.contains { $0.contains("✗") }, "\(fault): test passed:\n\(tested)")
      #expect(
        tested.contains { $0.lowercased().contains(shows) }, "\(fault): test says:\n\(tested)")
      let checked = try await session.command("check --key 1 --timeout 1")
        .output(of: "check --key 1 --timeout 1")
      #expect(
        checked.contains { $0.lowercased().contains(shows) }, "\(fault): check says:\n\(checked)")
    }
    // slow: slower, and still passing; off: back to normal.
    try await session.command("demo fault demo-openai slow 300")
    let slow = try await session.command("test --key 1").output(of: "test --key 1")
    #expect(slow.contains("passed"), "\(slow)")
    try await session.command("demo fault demo-openai off")
    let fine = try await session.command("check --key 1").output(of: "check --key 1")
    #expect(fine.contains { $0.contains("1 model passed") || $0.contains("1 models passed") })
    try await session.expectCleanExit()
  }
}
