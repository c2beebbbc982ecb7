import CherryKit
import CherryProviders
import Foundation
import Testing

/// A `new-api` provider in front of llmock, whose `/v1`, `/anthropic` and `/gemini`
/// prefixes make a real mixed gateway (issue 9): each model goes to its endpoint
/// type's API, as llmock's request journal shows.
@Suite(
  .serialized,
  .enabled(
    if: LLMock.baseURL != nil || LLMock.inCI,
    "llmock is not running: set CHERRY_LLMOCK_URL (scripts/test does)"))
struct NewAPILLMockPeerTests {
  /// One request of llmock's journal.
  struct Journaled: Decodable, Equatable {
    var provider: String?
    var method: String
    var path: String
    var model: String?
    var status: Int?
  }

  /// llmock's journal since it was last cleared.
  static func journal() throws -> [Journaled] {
    struct Page: Decodable { var requests: [Journaled] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["curl", "-s", "-f", (try LLMock.requireURL()) + "/_llmock/requests"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONDecoder().decode(Page.self, from: data).requests
  }

  /// A `new-api` provider at llmock: the API URL its OpenAI prefix (or `url`), the
  /// Anthropic-compatible URL its Anthropic prefix, one model of an endpoint type.
  static func provider(
    base: String, url: String? = nil, model: String, type: ModelEndpointType
  ) throws -> Provider {
    var provider = Provider(id: "llmock-gateway", name: "llmock", style: .openai, url: url ?? base)
    provider.type = .newAPI
    provider.keys = ["sk-llmock-gateway-key-0123456789"]
    try provider.setAnthropicURL(base + "/anthropic")
    var added = ProviderModel(id: model, group: "")
    added.endpointType = type
    provider.models = [added]
    return provider
  }

  /// A model of an endpoint type, where the provider's API URL points, and the path
  /// llmock must see.
  struct Row: CustomTestStringConvertible, Sendable {
    let type: ModelEndpointType
    let model: String
    let urlSuffix: String
    let path: String
    let journalProvider: String
    var testDescription: String { type.rawValue }
  }

  static let rows: [Row] = [
    Row(
      type: .openai, model: "gpt-4o-mini", urlSuffix: "", path: "/v1/chat/completions",
      journalProvider: "openai"),
    Row(
      type: .anthropic, model: "claude-sonnet-4-6", urlSuffix: "",
      path: "/anthropic/v1/messages", journalProvider: "anthropic"),
    // llmock serves Gemini under its own prefix: a gateway whose URL is that prefix.
    Row(
      type: .gemini, model: "gemini-2.5-pro", urlSuffix: "/gemini",
      path: "/gemini/v1beta/models/gemini-2.5-pro:streamGenerateContent",
      journalProvider: "gemini"),
  ]

  @Test("test and ask reach each model's API", arguments: rows)
  func routed(_ row: Row) async throws {
    let base = try LLMock.requireURL()
    try LLMock.control("DELETE", "/_llmock/scenario")
    try LLMock.control("DELETE", "/_llmock/requests")
    let provider = try Self.provider(
      base: base, url: base + row.urlSuffix, model: row.model, type: row.type)
    try await Peer.withClient { client in
      let result = await client.test(
        provider, model: provider.models.first, keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      let collector = TextCollector()
      try await client.ask(provider, model: row.model, keyIndex: 0, prompt: "ping") {
        collector.append($0)
      }
      #expect(!collector.all.joined().isEmpty)
    }
    let journal = try Self.journal()
    #expect(journal.count == 2)
    #expect(journal.allSatisfy { $0.path == row.path && $0.status == 200 }, "\(journal)")
    #expect(journal.allSatisfy { $0.provider == row.journalProvider })
  }

  @Test("a scripted 401 on the Anthropic route is a wrong key, from Anthropic's body")
  func anthropicUnauthorized() async throws {
    let base = try LLMock.requireURL()
    try LLMock.control(
      "POST", "/_llmock/scenario",
      body: #"{"behaviors":[{"type":"fail","status":401,"match":{"provider":"anthropic"}}]}"#)
    defer { try? LLMock.control("DELETE", "/_llmock/scenario") }
    let provider = try Self.provider(base: base, model: "claude-sonnet-4-6", type: .anthropic)
    try await Peer.withClient { client in
      let result = await client.test(
        provider, model: provider.models.first, keyIndex: 0, timeout: 10)
      let failure = try #require(result.error)
      #expect(failure.kind == .auth, "\(failure.message)")
      #expect(failure.url.hasSuffix("/anthropic/v1/messages"))
      #expect(failure.providerMessage == "Unauthorized.")
      #expect(!failure.message.contains("sk-llmock-gateway-key-0123456789"))
    }
  }
}
