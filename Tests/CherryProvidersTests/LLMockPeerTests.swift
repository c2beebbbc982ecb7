import CherryKit
import CherryProviders
import Foundation
import Testing

/// Where llmock runs: `CHERRY_LLMOCK_URL` (scripts/test starts it); the suite skips
/// when it is unset outside CI, and fails when it is unset in CI.
enum LLMock {
  static let baseURL: String? = {
    let value = ProcessInfo.processInfo.environment["CHERRY_LLMOCK_URL"] ?? ""
    return value.isEmpty ? nil : (value.hasSuffix("/") ? String(value.dropLast()) : value)
  }()

  static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

  /// The base URL, or a recorded failure (in CI) when it is missing.
  static func requireURL() throws -> String {
    guard let baseURL else {
      Issue.record("CI is set but CHERRY_LLMOCK_URL is not: scripts/test must start llmock")
      throw CancellationError()
    }
    return baseURL
  }

  /// A provider of a style at llmock's prefix for it, as a user would enter it.
  static func provider(_ style: APIStyle, base: String) -> Provider {
    let url: String
    switch style {
    case .anthropic: url = base + "/anthropic"
    case .gemini: url = base + "/gemini"
    default: url = base + "/v1"  // the version-segment form
    }
    var provider = Provider(id: "llmock-\(style.rawValue)", name: "llmock", style: style, url: url)
    provider.keys = ["sk-llmock-key-one-0123456789", "sk-llmock-key-two-0123456789"]
    return provider
  }

  /// Posts JSON to llmock's control API with curl (only ever 127.0.0.1).
  static func control(_ method: String, _ path: String, body: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = ["curl", "-s", "-f", "-X", method, (try requireURL()) + path]
    if let body { arguments += ["-H", "content-type: application/json", "-d", body] }
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "llmock control \(method) \(path)")
  }
}

/// The OpenAI, Anthropic and Gemini styles against llmock, a third-party mock of those
/// providers: lists, tests, streaming `ask`, and scripted 401 and 429.
@Suite(
  .serialized,
  .enabled(
    if: LLMock.baseURL != nil || LLMock.inCI,
    "llmock is not running: set CHERRY_LLMOCK_URL (scripts/test does)"))
struct LLMockPeerTests {
  static let styles: [APIStyle] = [.openai, .anthropic, .gemini]

  @Test("listModels reads llmock's list", arguments: styles)
  func listModels(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control("DELETE", "/_llmock/scenario")
    try await Peer.withClient { client in
      let models = try await client.listModels(LLMock.provider(style, base: base), keyIndex: 0)
      #expect(!models.isEmpty)
      switch style {
      case .openai: #expect(models.contains { $0.id == "gpt-4o" })
      case .anthropic: #expect(models.contains { $0.id.hasPrefix("claude-") })
      default: #expect(models.contains { $0.id == "gemini-2.5-pro" })
      }
      #expect(!models.contains { $0.id.hasPrefix("models/") })
    }
  }

  @Test("test passes with the model it is given", arguments: styles)
  func test(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control("DELETE", "/_llmock/scenario")
    try await Peer.withClient { client in
      let provider = LLMock.provider(style, base: base)
      let results = await client.testAllKeys(
        provider, model: Peer.model("cherry-test-model"), timeout: 10)
      #expect(results.map(\.ok) == [true, true], "\(results.compactMap(\.error?.message))")
      let keyCheck = await client.test(provider, model: nil, keyIndex: 1, timeout: 10)
      #expect(keyCheck.ok, "\(keyCheck.error?.message ?? "")")
    }
  }

  @Test("ask streams the answer", arguments: styles)
  func ask(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control("DELETE", "/_llmock/scenario")
    try await Peer.withClient { client in
      let collector = TextCollector()
      try await client.ask(
        LLMock.provider(style, base: base), model: "cherry-test-model", keyIndex: 0, prompt: "ping"
      ) { collector.append($0) }
      #expect(!collector.all.isEmpty)
      #expect(
        collector.all.joined().contains("cherry-test-model") || !collector.all.joined().isEmpty)
    }
  }

  @Test("a scripted 401 is a clear wrong-key message", arguments: styles)
  func unauthorized(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    let provider = style == .gemini ? "gemini" : style.rawValue
    let status = style == .gemini ? 400 : 401
    let message =
      style == .gemini ? #","message":"API key not valid. Please pass a valid API key.""# : ""
    try LLMock.control(
      "POST", "/_llmock/scenario",
      body:
        #"{"behaviors":[{"type":"fail","status":\#(status)\#(message),"match":{"provider":"\#(provider)"}}]}"#
    )
    defer { try? LLMock.control("DELETE", "/_llmock/scenario") }
    try await Peer.withClient { client in
      let result = await client.test(
        LLMock.provider(style, base: base), model: Peer.model("cherry-test-model"), keyIndex: 0,
        timeout: 10)
      let failure = try #require(result.error)
      #expect(failure.kind == .auth, "\(failure.message)")
      #expect(failure.status == status)
      #expect(failure.providerMessage?.isEmpty == false)
      #expect(!failure.message.contains("sk-llmock-key-one-0123456789"))
      #expect(failure.hint.contains("key"))
    }
  }

  @Test("a scripted 429 is a clear rate-limit message", arguments: styles)
  func rateLimited(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control(
      "POST", "/_llmock/scenario",
      body:
        #"{"behaviors":[{"type":"fail","status":429,"match":{"provider":"\#(style.rawValue)"}}]}"#)
    defer { try? LLMock.control("DELETE", "/_llmock/scenario") }
    try await Peer.withClient { client in
      do {
        _ = try await client.listModels(LLMock.provider(style, base: base), keyIndex: 0)
        Issue.record("the scripted 429 must fail the list")
      } catch let error as ProviderError {
        #expect(error.kind == .rateLimit, "\(error.message)")
        #expect(error.status == 429)
        #expect(error.hint.contains("wait"))
      }
    }
  }

  @Test("a stream llmock drops mid-way is a connection lost mid-answer", arguments: styles)
  func droppedStream(style: APIStyle) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control(
      "POST", "/_llmock/scenario",
      body: #"{"behaviors":[{"type":"stream_fault","kind":"disconnect","after_chunks":1}]}"#)
    defer { try? LLMock.control("DELETE", "/_llmock/scenario") }
    try await Peer.withClient { client in
      do throws(ProviderError) {
        try await client.ask(
          LLMock.provider(style, base: base), model: "cherry-test-model", keyIndex: 0,
          prompt: "ping"
        ) { _ in }
        Issue.record("a dropped stream must fail")
      } catch {
        #expect(error.kind == .connection, "\(error.message)")
        #expect(error.what.contains("in the middle of the answer"), "\(error.what)")
      }
    }
  }

  @Test("a stream of another style is malformed, never an empty answer")
  func streamOfAnotherStyle() async throws {
    let base = try LLMock.requireURL()
    try LLMock.control("DELETE", "/_llmock/scenario")
    try await Peer.withClient { client in
      // An Anthropic-style provider pointed at llmock's OpenAI endpoint.
      var provider = LLMock.provider(.anthropic, base: base)
      provider.url = base + "/v1/chat/completions#"
      let collector = TextCollector()
      do throws(ProviderError) {
        try await client.ask(provider, model: "cherry-test-model", keyIndex: 0, prompt: "ping") {
          collector.append($0)
        }
        Issue.record("ask must fail, it printed \(collector.all.joined().debugDescription)")
      } catch {
        #expect(error.kind == .malformed, "\(error.message)")
        #expect(collector.all.isEmpty)
      }
    }
  }
}
