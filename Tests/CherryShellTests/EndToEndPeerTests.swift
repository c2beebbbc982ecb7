import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The built `cherry` binary driven like a user (issue 4).
///
/// Setup scripts run with `-f` and commands with `-c`, against the demo server and
/// llmock on 127.0.0.1. Each test asserts what the binary printed and its exit
/// status, the session file it left, and what the server recorded. The binary runs
/// off the cooperative pool (``Cherry/start(_:)``) so the in-process demo server
/// can answer while a test waits for it.
struct EndToEndPeerTests {
  /// A custom provider's style, with a chat model the demo server serves.
  struct Style: Sendable, CustomTestStringConvertible {
    var style: String
    var model: String
    var testDescription: String { style }
  }

  static let demoStyles = [
    Style(style: "openai", model: "gpt-4o"),
    Style(style: "anthropic", model: "claude-sonnet-4-5"),
    Style(style: "gemini", model: "gemini-2.5-flash"),
  ]

  // MARK: - 1. The seed's whole flow from a .cherryrc file

  @Test("the seed's flow from a setup file, then reopened", arguments: demoStyles)
  func seedFlowFromASetupFile(_ style: Style) async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      let session = cherry.folder.path + "/work.json"
      let setup = cherry.folder.write(
        "setup.cherryrc",
        """
        # a setup script, as a user would keep it
        provider add x --type \(style.style) --url http://127.0.0.1:\(server.port)
        key demo-key-1,demo-key-2,demo-key-3
        manage
        + \(style.model)
        test
        enable

        """)
      let run = try await cherry.start(["--no-rc", "--session", session, "-f", setup])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stderr.contains("added x (x), \(style.style) style, and selected it"))
      #expect(run.stdout.contains(style.model))
      #expect(run.stdout.contains("testing x with \(style.model) (the last added chat model):"))
      #expect(run.stdout.components(separatedBy: "✓").count == 4, "\(run.stdout)")
      #expect(EndToEnd.lines(run.stdout).contains("passed"))
      #expect(run.stderr.contains("x is off: switch it on with 'enable'"))
      #expect(EndToEnd.lines(run.stderr).last == "x is on")
      EndToEnd.expectNoWholeKey(run, DemoSession.keys)

      // The server saw one listing with key #1, then a test of the model with every key.
      let requests = server.recordedRequests()
      let lists = requests.filter { $0.model == nil }
      #expect(lists.count >= 1)
      #expect(Set(lists.map(\.keyNumber)) == [1])
      let chats = requests.filter { $0.model != nil }
      #expect(chats.allSatisfy { $0.model == style.model }, "\(chats.map(\.target))")
      #expect(Set(chats.compactMap(\.keyNumber)) == [1, 2, 3])
      #expect(chats.count == 3)
      #expect(requests.allSatisfy { $0.style?.rawValue == style.style })

      // Reopened by a second run: on, with its model and masked keys.
      let show = try await cherry.start(["--no-rc", "--session", session, "-c", "show x"])
      #expect(show.status == 0, "\(show.stderr)")
      #expect(show.stdout.contains("switch    on"), "\(show.stdout)")
      #expect(show.stdout.contains("(custom)"))
      #expect(show.stdout.contains("3 keys; the next request uses #2"))
      for (offset, key) in DemoSession.keys.enumerated() {
        #expect(show.stdout.contains("#\(offset + 1) \(KeyMask.mask(key))"))
      }
      #expect(show.stdout.contains("'test' uses \(style.model)"))
      #expect(show.stdout.contains("http://127.0.0.1:\(server.port)"))
      EndToEnd.expectNoWholeKey(show, DemoSession.keys)

      let attributes = try FileManager.default.attributesOfItem(atPath: session)
      #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
      let saved = try SessionStore(path: session).load().session
      let provider = try #require(saved.provider("x"))
      #expect(provider.enabled)
      #expect(provider.keys == DemoSession.keys)
      #expect(provider.models.map(\.id) == [style.model])
      #expect(saved.selected == "x")
    }
  }

  // MARK: - 3. Rotation across restarts

  @Test func rotationContinuesAcrossThreeRuns() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
      for _ in 0..<3 {
        let run = try await cherry.start([
          "--no-rc", "-c", "manage", "-c", "manage", "-c", "manage",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        EndToEnd.expectNoWholeKey(run, DemoSession.keys)
      }
      let keys = server.recordedRequests().filter { $0.path.hasSuffix("/models") }.map(\.keyNumber)
      #expect(keys == [1, 2, 3, 1, 2, 3, 1, 2, 3])
      let saved = try SessionStore(path: cherry.sessionPath).load().session
      #expect(saved.provider("demo-openai")?.rotationCursor != nil)
    }
  }

  // MARK: - 4. Faults leave the session intact

  /// A server fault, and the words the error and its fix must have.
  struct FaultCase: Sendable, CustomTestStringConvertible {
    var fault: DemoFault
    var what: [String]
    var fix: [String]
    var testDescription: String { fault.name }
  }

  static let faults = [
    FaultCase(fault: .unauthorized, what: ["key rejected", "HTTP 401"], fix: ["key <your key>"]),
    FaultCase(
      fault: .notFound, what: ["not found", "HTTP 404"], fix: ["wrong URL?", "url <root>"]),
    FaultCase(
      fault: .rateLimited(retryAfterSeconds: 7), what: ["rate limited", "HTTP 429"],
      fix: ["wait 7 s (retry-after)"]),
    FaultCase(fault: .serverError, what: ["server error", "HTTP 500"], fix: ["retry later"]),
    FaultCase(
      fault: .malformedJSON, what: ["malformed response"], fix: ["check the URL", "type"]),
    FaultCase(
      fault: .stalledBody, what: ["timed out"], fix: ["within 1 s", "allow longer", "timeout"]),
    FaultCase(
      fault: .droppedConnection, what: ["connection lost"], fix: ["retry", "scheme"]),
    FaultCase(
      fault: .oversizedBody(bytes: 40 << 20), what: ["response too large"], fix: ["32 MiB"]),
  ]

  @Test("a fault fails manage clearly and leaves the session file as it was", arguments: faults)
  func aFaultLeavesTheSessionIntact(_ fault: FaultCase) async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      // A 1 s provider timeout, so that the stalled body times out quickly.
      let before = try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath) {
        $0.providers[0].timeout = 1
      }
      server.setFault(fault.fault)
      let (run, seconds) = try await EndToEnd.timed {
        try await cherry.start(["--no-rc", "-c", "manage"])
      }
      #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
      #expect(seconds < 20)
      let lines = EndToEnd.lines(run.stderr)
      let index = try #require(lines.firstIndex { $0.hasPrefix("-c#1: error: ") }, "\(run.stderr)")
      let what = lines[index]
      for word in fault.what { #expect(what.contains(word), "\(what)") }
      #expect(what.contains("http://127.0.0.1:\(server.port)/v1/models"), "\(what)")
      // The line after says how to fix it.
      let fix = index + 1 < lines.count ? lines[index + 1] : ""
      for word in fault.fix { #expect(fix.contains(word), "\(run.stderr)") }
      #expect(run.stderr.contains("nothing was saved"))
      #expect(!run.stdout.contains("models"), "no list is shown: \(run.stdout)")
      EndToEnd.expectNoWholeKey(run, DemoSession.keys)
      #expect(FileDigest.bytes(cherry.sessionPath) == before)
      #expect(server.recordedRequests().contains { $0.path.hasSuffix("/models") })
    }
  }

  @Test func aFailedTestLeavesTheSessionIntact() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      let before = try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath) {
        _ = $0.providers[0].addModel(id: "gpt-4o")
      }
      server.setFault(.stalledBody)
      let (run, seconds) = try await EndToEnd.timed {
        try await cherry.start(["--no-rc", "-c", "key demo-key-2", "-c", "test --timeout 1"])
      }
      #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
      #expect(seconds < 15)
      #expect(run.stdout.contains("✗"))
      #expect(run.stdout.contains("timed out"), "\(run.stdout)")
      #expect(run.stdout.contains("within 1 s"))
      #expect(run.stdout.contains("failed: 1 of 1 check"))
      #expect(run.stderr.contains("nothing was saved"), "\(run.stderr)")
      EndToEnd.expectNoWholeKey(run, DemoSession.keys)
      #expect(FileDigest.bytes(cherry.sessionPath) == before)
    }
  }

  // MARK: - 5. The test's model

  @Test func theTestUsesTheLastAddedChatModelOnly() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
      let run = try await cherry.start([
        "--no-rc", "-c", "+ gpt-4o text-embedding-3-small bge-reranker-v2-m3", "-c", "test",
      ])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("testing demo-openai with gpt-4o (the last added chat model)"))
      let requests = server.recordedRequests()
      #expect(requests.count == 3)
      #expect(requests.allSatisfy { $0.model == "gpt-4o" }, "\(requests.map(\.target))")
      #expect(requests.allSatisfy { $0.path.hasSuffix("/chat/completions") })
      #expect(Set(requests.compactMap(\.keyNumber)) == [1, 2, 3])
      let saved = try SessionStore(path: cherry.sessionPath).load().session
      #expect(
        saved.provider("demo-openai")?.models.map(\.id)
          == ["gpt-4o", "text-embedding-3-small", "bge-reranker-v2-m3"])
    }
  }

  // MARK: - 6. A refused port

  @Test func aRefusedPortFailsQuickly() async throws {
    let cherry = Cherry()
    let port = try EndToEnd.deadPort()
    let key = "sk-test-aaaaaaaaaaaaaaaaaaaa1234"
    let setup = cherry.folder.write(
      "setup.cherryrc",
      """
      provider add x --type openai --url http://127.0.0.1:\(port)
      key \(key)
      manage

      """)
    let (run, seconds) = try await EndToEnd.timed {
      try await cherry.start(["--no-rc", "--session", cherry.sessionPath, "-f", setup])
    }
    #expect(run.status == 1)
    #expect(seconds < 5)
    #expect(run.stderr.contains("\(setup):3: error: connection refused"), "\(run.stderr)")
    #expect(run.stderr.contains("nothing accepts connections at 127.0.0.1:\(port)"))
    #expect(run.stderr.contains("check the port"))
    EndToEnd.expectNoWholeKey(run, [key])
    #expect(FileDigest.bytes(cherry.sessionPath) == nil, "a failed script saves nothing")
  }
}

// MARK: - 2. Against llmock

/// The same flow against llmock, a third-party mock of the OpenAI, Anthropic and
/// Gemini APIs, plus `ask` and scripted 401 and 429 answers.
@Suite(
  .enabled(
    if: LLMockPeer.available || LLMockPeer.inCI,
    "no llmock: run scripts/test (it installs one in .build/peers) or set CHERRY_LLMOCK_BIN"))
struct EndToEndLLMockTests {
  struct Style: Sendable, CustomTestStringConvertible {
    var style: String
    var prefix: String
    var model: String
    var listed: String
    var testDescription: String { style }
  }

  static let styles = [
    Style(style: "openai", prefix: "/v1", model: "gpt-4o", listed: "gpt-4o-mini"),
    Style(
      style: "anthropic", prefix: "/anthropic", model: "claude-sonnet-4-5",
      listed: "claude-haiku-4-5"),
    Style(style: "gemini", prefix: "/gemini", model: "gemini-2.5-flash", listed: "gemini-2.5-pro"),
  ]

  static let keys = ["sk-test-aaaaaaaaaaaaaaaaaaaa1234", "sk-test-bbbbbbbbbbbbbbbbbbbb5678"]

  @Test("setup, test, enable, ask, then a scripted 401 and 429", arguments: styles)
  func flowAgainstLLMock(_ style: Style) async throws {
    let cherry = Cherry()
    let peer = try await LLMockPeer.start(logFolder: cherry.folder.path)
    do {
      try await flow(style, cherry: cherry, peer: peer)
    } catch {
      await peer.stop()
      throw error
    }
    await peer.stop()
  }

  func flow(_ style: Style, cherry: Cherry, peer: LLMockPeer) async throws {
    // A model id that the listing does not have: it is added with a warning, and
    // llmock answers any model.
    let model = "\(style.model)-e2e"
    let setup = cherry.folder.write(
      "setup.cherryrc",
      """
      provider add x --type \(style.style) --url \(peer.base)\(style.prefix)
      key \(Self.keys.joined(separator: ","))
      manage
      + \(model)
      test
      enable
      ask hello

      """)
    let run = try await cherry.start(["--no-rc", "--session", cherry.sessionPath, "-f", setup])
    #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains(style.listed), "the listing: \(run.stdout)")
    #expect(run.stdout.contains("testing x with \(model) (the last added chat model):"))
    #expect(run.stdout.components(separatedBy: "✓").count == 3, "\(run.stdout)")
    #expect(EndToEnd.lines(run.stderr).contains("x is on"))
    // stdout holds only data: the listing, the test's lines, then the streamed
    // answer; llmock's answers name the model or the prompt.
    let answer = EndToEnd.lines(run.stdout).drop { $0 != "passed" }.dropFirst().joined()
    #expect(!answer.isEmpty)
    #expect(answer.contains(model) || answer.lowercased().contains("hello"), "\(answer)")
    EndToEnd.expectNoWholeKey(run, Self.keys)
    let saved = try #require(FileDigest.bytes(cherry.sessionPath))

    var mine = try await peer.journal().filter { $0.model == model }
    #expect(mine.count == 3, "two key tests and one ask: \(mine)")
    #expect(mine.allSatisfy { $0.status == 200 })
    #expect(mine.allSatisfy { $0.provider == style.style })
    #expect(mine.allSatisfy { $0.stream == true }, "the test and ask stream")
    let all = try await peer.journal()
    #expect(all.first?.method == "GET" && all.first?.model == nil, "the listing: \(all)")
    #expect(all.allSatisfy { $0.model == nil || $0.model == model }, "\(all)")

    // A scripted 401 for key #2: the test fails, saying the key was rejected.
    try await peer.script(Self.failure(401, style, model))
    let rejected = try await cherry.start(["--no-rc", "-c", "test --key 2"])
    #expect(rejected.status == 1, "\(rejected.stdout)\n\(rejected.stderr)")
    let both = rejected.stdout + rejected.stderr
    #expect(rejected.stdout.contains("#2 \(KeyMask.mask(Self.keys[1])) ✗"), "\(both)")
    #expect(both.contains("key rejected"))
    #expect(both.contains("HTTP 401"))
    #expect(both.contains("set it again with `key <your key>`"))
    #expect(rejected.stdout.contains("failed: 1 of 1 check"))
    EndToEnd.expectNoWholeKey(rejected, Self.keys)
    #expect(FileDigest.bytes(cherry.sessionPath) == saved)

    // A scripted 429 on `ask`: a rate-limit message with the fix, and nothing saved.
    try await peer.script(Self.failure(429, style, model))
    let limited = try await cherry.start(["--no-rc", "-c", "ask hello"])
    #expect(limited.status == 1, "\(limited.stdout)\n\(limited.stderr)")
    let line = EndToEnd.lines(limited.stderr).first { $0.hasPrefix("-c#1: error: ") } ?? ""
    #expect(line.contains("rate limited"), "\(limited.stderr)")
    #expect(line.contains("HTTP 429"))
    #expect(limited.stderr.contains("wait"))
    #expect(limited.stderr.contains("add keys to share the load"))
    EndToEnd.expectNoWholeKey(limited, Self.keys)
    #expect(FileDigest.bytes(cherry.sessionPath) == saved)

    mine = try await peer.journal().filter { $0.model == model }
    #expect(mine.compactMap(\.status) == [200, 200, 200, 401, 429], "\(mine)")
  }

  /// An llmock behaviour: the next request of a style for a model fails with `status`.
  static func failure(_ status: Int, _ style: Style, _ model: String) -> String {
    #"{"type":"fail","status":\#(status),"times":1,"match":{"provider":"\#(style.style)","model":"\#(model)"}}"#
  }
}
