import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// Requests that follow the model's route (issue 9, DESIGN §1.2 and §1.6): a `new-api`
/// model's endpoint type, Claude on Azure, the Anthropic-compatible URL; against the
/// demo's New API gateway (`demo-newapi`), whose list gives each model's endpoint types.
struct ModelRoutePeerTests {
  /// The demo's New API provider with a model added as Manage adds it: the endpoint
  /// type its listing prefers.
  static func newAPI(
    _ session: Session, adding ids: [String], listed: [ListedModel] = []
  ) throws -> Provider {
    var provider = try #require(session.provider("demo-newapi"))
    #expect(provider.isNewAPI)
    for id in ids {
      var model = ProviderModel(id: id, group: "")
      let types = listed.first { $0.id == id }?.endpointTypes ?? []
      model.endpointType = ModelEndpointType.preferred(among: types)
      provider.models.append(model)
    }
    return provider
  }

  @Test("the New API list gives each model's endpoint types, as the app reads them")
  func listing() async throws {
    try await Peer.withDemo { server, session, client in
      let provider = try Self.newAPI(session, adding: [])
      let listed = try await client.listModels(provider, keyIndex: 0)
      let types = Dictionary(uniqueKeysWithValues: listed.map { ($0.id, $0.endpointTypes) })
      #expect(types["claude-sonnet-4-5"] == [.anthropic, .openai])
      #expect(types["gemini-2.5-flash"] == [.gemini, .openai])
      #expect(types["o4-mini"] == [.openaiResponse, .openai])
      #expect(types["dall-e-3"] == [.imageGeneration])
      #expect(types["gpt-4o"] == [.openai])
      // `endpoint_type` alone, and a type cherry has no endpoint for (`jina-rerank`).
      #expect(types["deepseek-reasoner"] == [.anthropic])
      #expect(types["bge-reranker-v2-m3"] == .some(nil))
      // Listing stays on the provider's own style.
      let request = try #require(server.recordedRequests().first)
      #expect(request.path == "/newapi/v1/models")
      #expect(request.header("authorization") == "Bearer \(DemoSession.keys[0])")
    }
  }

  /// A model, the request its route makes, and the header its key travels in.
  struct Routed: CustomTestStringConvertible, Sendable {
    let model: String
    let type: ModelEndpointType
    let path: String
    let keyHeader: String
    var testDescription: String { type.rawValue }
  }

  static let routed: [Routed] = [
    Routed(
      model: "gpt-4o", type: .openai, path: "/newapi/v1/chat/completions",
      keyHeader: "authorization"),
    Routed(
      model: "o4-mini", type: .openaiResponse, path: "/newapi/v1/responses",
      keyHeader: "authorization"),
    Routed(
      model: "claude-sonnet-4-5", type: .anthropic, path: "/newapi/v1/messages",
      keyHeader: "x-api-key"),
    Routed(
      model: "gemini-2.5-flash", type: .gemini,
      path: "/newapi/v1beta/models/gemini-2.5-flash:streamGenerateContent",
      keyHeader: "x-goog-api-key"),
  ]

  @Test("test, ask and check call each model through its endpoint type", arguments: routed)
  func routedRequests(_ row: Routed) async throws {
    try await Peer.withDemo { server, session, client in
      let listing = try await client.listModels(try Self.newAPI(session, adding: []), keyIndex: 0)
      let provider = try Self.newAPI(session, adding: [row.model], listed: listing)
      #expect(provider.model(row.model)?.endpointType == row.type)
      server.clearRecordedRequests()

      let result = await client.test(
        provider, model: provider.model(row.model), keyIndex: 1, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(result.target == .chat(model: row.model))
      let request = try #require(server.recordedRequests().first)
      #expect(request.path == row.path)
      #expect(request.method == "POST")
      #expect(request.keyNumber == 2)
      let key = try #require(request.header(row.keyHeader))
      #expect(key.hasSuffix(DemoSession.keys[1]))
      #expect(
        (request.header("anthropic-version") != nil) == (row.type == .anthropic),
        "anthropic-version goes with Anthropic's endpoint only")

      let collector = TextCollector()
      try await client.ask(provider, model: row.model, keyIndex: 0, prompt: "ping") {
        collector.append($0)
      }
      #expect(collector.all.joined().contains("answering as \(row.model)"))

      server.clearRecordedRequests()
      let report = await client.check(provider, concurrency: 4, timeout: 10)
      #expect(report.rows.map(\.passed) == [true], "\(report.rows.map(\.errorSummary))")
      #expect(Set(server.recordedRequests().map(\.path)) == [row.path])
    }
  }

  @Test("an image-generation model is never asked for an image: test checks the list")
  func imageGeneration() async throws {
    try await Peer.withDemo { server, session, client in
      let listing = try await client.listModels(try Self.newAPI(session, adding: []), keyIndex: 0)
      var provider = try Self.newAPI(session, adding: ["dall-e-3"], listed: listing)
      #expect(provider.model("dall-e-3")?.endpointType == .imageGeneration)
      server.clearRecordedRequests()

      let result = await client.test(
        provider, model: provider.model("dall-e-3"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(result.target == .modelList)
      #expect(result.note?.contains("no image was made") == true)
      #expect(server.recordedRequests().map(\.path) == ["/newapi/v1/models"])

      do throws(ProviderError) {
        try await client.ask(provider, model: "dall-e-3", keyIndex: 0, prompt: "a cat") { _ in }
        Issue.record("ask must refuse an image-generation model")
      } catch {
        #expect(error.kind == .configuration, "\(error.message)")
        #expect(error.what.contains("image-generation"), "\(error.what)")
        #expect(error.fix.contains("endpoint"), "\(error.fix)")
      }
      #expect(server.recordedRequests().count == 1, "ask sent nothing")

      // One the gateway does not list fails as an unknown model.
      var unlisted = ProviderModel(id: "flux-unlisted", group: "")
      unlisted.endpointType = .imageGeneration
      provider.models.append(unlisted)
      let missing = await client.test(provider, model: unlisted, keyIndex: 0, timeout: 10)
      let failure = try #require(missing.error)
      #expect(failure.kind == .unknownModel, "\(failure.message)")
      #expect(failure.what.contains("flux-unlisted"))
    }
  }

  @Test("an image-only model of another provider is checked against the list too")
  func imageOnlyElsewhere() async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(.openai, in: session)
      let result = await client.test(
        provider, model: Peer.model("dall-e-3"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(result.target == .modelList)
      #expect(result.note != nil)
      #expect(server.recordedRequests().map(\.method) == ["GET"])
    }
  }

  @Test("anthropic-url is where a model of endpoint type anthropic goes")
  func anthropicURL() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = try Self.newAPI(session, adding: [])
      var model = ProviderModel(id: "claude-haiku-4-5", group: "")
      model.endpointType = .anthropic
      provider.models = [model]
      try provider.setAnthropicURL(DemoSession.root(port: server.port) + "/newapi/claude")
      let result = await client.test(provider, model: model, keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(server.recordedRequests().first?.path == "/newapi/claude/v1/messages")

      // A refused anthropic-url (a hand-edited session) names that setting.
      provider.anthropicURL = "ftp://127.0.0.1/claude"
      let refused = await client.test(provider, model: model, keyIndex: 0, timeout: 10)
      let failure = try #require(refused.error)
      #expect(failure.kind == .configuration)
      #expect(failure.url.hasPrefix("ftp://127.0.0.1"), "\(failure.url)")
      #expect(failure.what.contains("anthropic-url refused"), "\(failure.what)")
    }
  }

  @Test("a Claude model on Azure goes to the resource's /anthropic/v1/messages")
  func claudeOnAzure() async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(.azureOpenAI, in: session)
      let result = await client.test(
        provider, model: Peer.model("claude-sonnet-4-5"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      let request = try #require(server.recordedRequests().first)
      #expect(request.path == "/anthropic/v1/messages")
      #expect(request.header("x-api-key") == DemoSession.keys[0])
      #expect(request.header("api-key") == nil)
    }
  }

  @Test("Azure's v1 API with api-version v1 speaks Responses, with Azure's api-key")
  func azureResponses() async throws {
    let reply =
      #"{"object":"response","output":[{"type":"message","content":[{"type":"output_text","text":"hi"}]}]}"#
    let server = try LoopbackHTTPServer { _ in .json(reply) }
    defer { server.stop() }
    var provider = Provider(id: "az", name: "Azure", style: .azureOpenAI, url: server.url)
    provider.apiVersion = "v1"
    provider.keys = ["azure-key-0123456789abcdef"]
    try await Peer.withClient { client in
      let result = await client.test(provider, model: Peer.model("gpt-4o"), keyIndex: 0)
      #expect(result.ok, "\(result.error?.message ?? "")")
    }
    let request = try #require(server.requests.first)
    #expect(request.target == "/openai/v1/responses?api-version=v1")
    #expect(request.headers["api-key"] == "azure-key-0123456789abcdef")
    #expect(request.headers["authorization"] == nil)
    let body = String(decoding: request.body, as: UTF8.self)
    #expect(body.contains(#""input":"hi""#) && body.contains(#""model":"gpt-4o""#), "\(body)")
  }

  @Test("check --key N checks that key only, and numbers it N")
  func checkOneKey() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.models = [Peer.model("gpt-4o"), Peer.model("text-embedding-3-small")]
      let report = await client.check(provider, concurrency: 4, timeout: 10, keyIndex: 2)
      #expect(report.rows.map(\.model) == ["gpt-4o", "text-embedding-3-small"])
      for row in report.rows {
        #expect(row.results.map(\.keyNumber) == [3])
        #expect(row.results.map(\.maskedKey) == [KeyMask.mask(DemoSession.keys[2])])
        #expect(row.passed, "\(row.errorSummary ?? "")")
      }
      let requests = server.recordedRequests()
      #expect(requests.count == 2)
      #expect(requests.allSatisfy { $0.keyNumber == 3 })
    }
  }
}
