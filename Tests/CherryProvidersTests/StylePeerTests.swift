import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// Every style's model list, connection test, embeddings test and `ask` against the
/// demo server: the paths, keys and models the server sees.
struct StylePeerTests {
  /// The chat path (without the query) the server should see for `gpt-4o`.
  static let chatPaths: [APIStyle: String] = [
    .openai: "/v1/chat/completions", .openaiResponse: "/v1/responses",
    .anthropic: "/v1/messages", .gemini: "/v1beta/models/gpt-4o:streamGenerateContent",
    .ollama: "/api/chat", .azureOpenAI: "/openai/deployments/gpt-4o/chat/completions",
  ]

  /// The model-list path each style asks.
  static let listPaths: [APIStyle: String] = [
    .openai: "/v1/models", .openaiResponse: "/v1/models", .anthropic: "/v1/models",
    .gemini: "/v1beta/models", .ollama: "/api/tags", .azureOpenAI: "/openai/models",
  ]

  /// The embeddings path for `text-embedding-3-small` (Anthropic has none).
  static let embeddingPaths: [APIStyle: String] = [
    .openai: "/v1/embeddings", .openaiResponse: "/v1/embeddings",
    .gemini: "/v1beta/models/text-embedding-3-small:embedContent", .ollama: "/api/embed",
    .azureOpenAI: "/openai/deployments/text-embedding-3-small/embeddings",
  ]

  @Test("listModels returns the served list with the chosen key", arguments: APIStyle.allCases)
  func listModels(style: APIStyle) async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(style, in: session)
      let models = try await client.listModels(provider, keyIndex: 1)
      #expect(models.map(\.id) == DemoModelCatalog.standard)
      // Ollama's listing also asks /api/show about each model (OllamaPeerTests).
      let requests = server.recordedRequests().filter { $0.path != "/api/show" }
      #expect(requests.count == 1)
      #expect(requests.first?.path == Self.listPaths[style])
      if style != .ollama {
        #expect(requests.first?.keyNumber == 2)
      }
    }
  }

  @Test(
    "test sends the model it is given to the style's chat endpoint", arguments: APIStyle.allCases)
  func chatTest(style: APIStyle) async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(style, in: session)
      let result = await client.test(
        provider, model: Peer.model("gpt-4o"), keyIndex: 2, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(result.target == .chat(model: "gpt-4o"))
      #expect(result.keyNumber == 3)
      #expect(result.maskedKey == KeyMask.mask(DemoSession.keys[2]))
      let request = try #require(server.recordedRequests().first)
      #expect(request.path == Self.chatPaths[style])
      #expect(request.model == "gpt-4o")
      if style != .ollama {
        #expect(request.key == DemoSession.keys[2])
      }
    }
  }

  @Test("an embedding model is tested with one embeddings call", arguments: APIStyle.allCases)
  func embeddingTest(style: APIStyle) async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(style, in: session)
      let result = await client.test(
        provider, model: Peer.model("text-embedding-3-small"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      if let path = Self.embeddingPaths[style] {
        #expect(result.target == .embeddings(model: "text-embedding-3-small"))
        #expect(server.recordedRequests().first?.path == path)
      } else {
        // Kind inference never makes a model of an Anthropic provider an embedding one.
        #expect(result.target == .chat(model: "text-embedding-3-small"))
      }
    }
  }

  @Test(
    "with no model the test is a key check against the model list", arguments: APIStyle.allCases)
  func keyCheck(style: APIStyle) async throws {
    try await Peer.withDemo { server, session, client in
      let provider = Peer.provider(style, in: session)
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      #expect(result.target == .modelList)
      #expect(server.recordedRequests().first?.path == Self.listPaths[style])
    }
  }

  @Test("ask streams the whole answer in pieces", arguments: APIStyle.allCases)
  func askStreams(style: APIStyle) async throws {
    try await Peer.withDemo(DemoConfiguration(streamChunks: 4)) { _, session, client in
      let provider = Peer.provider(style, in: session)
      let collector = TextCollector()
      try await client.ask(provider, model: "gpt-4o", keyIndex: 0, prompt: "ping") {
        collector.append($0)
      }
      #expect(collector.all.count >= 2)
      #expect(!collector.all.joined().isEmpty)
    }
  }

  @Test("every key is tested on its own, concurrently, in key order")
  func testAllKeys() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.keys = [DemoSession.keys[0], "sk-wrong-key-0123456789abcdef", DemoSession.keys[2]]
      let results = await client.testAllKeys(provider, model: Peer.model("gpt-4o"), timeout: 10)
      #expect(results.map(\.keyNumber) == [1, 2, 3])
      #expect(results.map(\.ok) == [true, false, true])
      let failure = try #require(results[1].error)
      #expect(failure.kind == .auth)
      #expect(!failure.message.contains("sk-wrong-key-0123456789abcdef"))
      #expect(failure.message.contains(KeyMask.mask("sk-wrong-key-0123456789abcdef")))
      #expect(server.recordedRequests().count == 3)
    }
  }

  @Test("a key-less Ollama is tested once, with no Authorization header")
  func keylessOllama() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.ollama, in: session)
      provider.keys = []
      let results = await client.testAllKeys(provider, model: Peer.model("gpt-4o"), timeout: 10)
      #expect(results.count == 1)
      #expect(results.first?.ok == true)
      #expect(results.first?.keyNumber == nil)
      #expect(server.recordedRequests().first?.header("authorization") == nil)
    }
  }

  @Test("a provider that needs a key and has none fails without a request")
  func noKey() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.keys = []
      let result = await client.test(
        provider, model: Peer.model("gpt-4o"), keyIndex: nil, timeout: 5)
      #expect(result.error?.kind == .auth)
      #expect(result.error?.message.contains("key") == true)
      #expect(server.recordedRequests().isEmpty)
    }
  }

  @Test(
    "Anthropic and Gemini lists are paged with the same key on every page",
    arguments: [APIStyle.anthropic, .gemini])
  func paging(style: APIStyle) async throws {
    let ids = DemoModelCatalog.generated(count: 2500)
    try await Peer.withDemo(DemoConfiguration(models: ids)) { server, session, client in
      let provider = Peer.provider(style, in: session)
      let models = try await client.listModels(provider, keyIndex: 1)
      #expect(models.map(\.id) == ids)
      let requests = server.recordedRequests()
      #expect(requests.count == 3)
      #expect(requests.allSatisfy { $0.keyNumber == 2 })
    }
  }

  @Test("an env: key is read from the environment at request time")
  func environmentKey() async throws {
    let configuration = ClientConfiguration(environment: ["DEMO_KEY": DemoSession.keys[1]])
    try await Peer.withDemo(client: configuration) { server, session, client in
      var provider = Peer.provider(.anthropic, in: session)
      provider.keys = ["env:DEMO_KEY", "env:UNSET_DEMO_KEY"]
      let good = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      #expect(good.ok, "\(good.error?.message ?? "")")
      #expect(good.maskedKey == "env:DEMO_KEY")
      #expect(server.recordedRequests().first?.keyNumber == 2)
      let unset = await client.test(provider, model: nil, keyIndex: 1, timeout: 5)
      #expect(unset.error?.kind == .configuration)
      #expect(unset.error?.message.contains("UNSET_DEMO_KEY") == true)
      #expect(server.recordedRequests().count == 1)
    }
  }

  @Test("a model marked stream off is asked for one JSON reply", arguments: APIStyle.allCases)
  func streamOff(style: APIStyle) async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(style, in: session)
      provider.addModel(id: "gpt-4o")
      try provider.setStreaming(false, for: "gpt-4o")
      let result = await client.test(
        provider, model: provider.model("gpt-4o"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      let collector = TextCollector()
      try await client.ask(provider, model: "gpt-4o", keyIndex: 0, prompt: "ping") {
        collector.append($0)
      }
      #expect(collector.all == ["Hello! This is the cherry demo server, answering as gpt-4o."])
      for request in server.recordedRequests() {
        #expect(request.header("accept") == "application/json")
        if style == .gemini {
          #expect(request.target == "/v1beta/models/gpt-4o:generateContent")
        } else {
          #expect(request.path == Self.chatPaths[style])
          #expect(request.body.contains(#""stream":false"#), "\(request.body)")
        }
      }
    }
  }
}
