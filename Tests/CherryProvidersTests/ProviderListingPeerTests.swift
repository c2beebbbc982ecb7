import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// The provider-specific listings Cherry Studio does (issue 9), against the demo's
/// OpenRouter-, PPIO- and Ollama-shaped endpoints: extra lists merged in, Ollama's
/// `/api/show` capabilities reaching the kinds.
struct ProviderListingPeerTests {
  /// A built-in provider of the catalogue pointed at the demo server.
  static func builtIn(_ id: String, url: String) throws -> Provider {
    var provider = try #require(ProviderCatalogue.freshSession().provider(id))
    provider.url = url
    provider.keys = DemoSession.keys
    return provider
  }

  /// Collects the notes `listModels` gives.
  typealias Notes = ReceivedLog<String>

  static let embeddingIDs = ["text-embedding-3-small", "text-embedding-3-large"]

  @Test("OpenRouter's embedding models are merged in from their own list")
  func openRouter() async throws {
    try await Peer.withDemo { server, _, client in
      let root = DemoSession.root(port: server.port)
      let provider = try Self.builtIn("openrouter", url: root + "/openrouter/api/v1/")
      let notes = Notes()
      let models = try await client.listModels(provider, keyIndex: 1) { notes.append($0) }
      let chat = DemoModelCatalog.standard.filter { !$0.contains("embed") }
      let embeddings = DemoModelCatalog.standard.filter { $0.contains("embed") }
      #expect(models.map(\.id) == chat + embeddings)
      #expect(notes.all.isEmpty)
      let requests = server.recordedRequests()
      #expect(
        Set(requests.map(\.path))
          == ["/openrouter/api/v1/models", "/openrouter/api/v1/embeddings/models"])
      #expect(requests.allSatisfy { $0.keyNumber == 2 }, "one listing, one key")

      // Its embeddings list failing leaves the main list, with a note.
      server.setFaults([DemoFaultRule(.serverError, pathSuffix: "/embeddings/models")])
      let without = try await client.listModels(provider, keyIndex: 0) { notes.append($0) }
      #expect(without.map(\.id) == chat)
      #expect(notes.all.count == 1)
      #expect(notes.all.first?.contains("OpenRouter's embedding models are not listed") == true)
      #expect(notes.all.first?.contains("HTTP 500") == true)
    }
  }

  @Test("another provider at the same URL lists only its one list")
  func notOpenRouter() async throws {
    try await Peer.withDemo { server, _, client in
      let root = DemoSession.root(port: server.port)
      var provider = Provider(
        id: "my-router", name: "R", style: .openai, url: root + "/openrouter/api/v1/")
      provider.keys = DemoSession.keys
      let models = try await client.listModels(provider, keyIndex: 0)
      #expect(!models.contains { $0.id.contains("embed") })
      #expect(server.recordedRequests().count == 1)
    }
  }

  @Test("PPIO's embedding and reranker lists are merged in, and their kinds show")
  func ppio() async throws {
    try await Peer.withDemo { server, _, client in
      let root = DemoSession.root(port: server.port)
      let provider = try Self.builtIn("ppio", url: root + "/ppio/v3/openai/")
      let models = try await client.listModels(provider, keyIndex: 0)
      let ids = models.map(\.id)
      #expect(Set(ids) == Set(DemoModelCatalog.standard))
      #expect(ids.count == DemoModelCatalog.standard.count)
      // The main list first, then embeddings, then rerankers.
      #expect(ids.suffix(1) == ["bge-reranker-v2-m3"])
      let targets = Set(server.recordedRequests().map(\.target))
      #expect(
        targets == [
          "/ppio/v3/openai/models", "/ppio/v3/openai/models?model_type=embedding",
          "/ppio/v3/openai/models?model_type=reranker",
        ])
      let listing = ModelListing.make(models, provider: provider)
      #expect(listing.entry(id: "bge-reranker-v2-m3")?.kinds == [.rerank])
      #expect(listing.entry(id: "text-embedding-3-small")?.kinds == [.embedding])
    }
  }

  @Test("PPIO's extra lists failing leave its main list, with a note each")
  func ppioFailing() async throws {
    let server = try LoopbackHTTPServer { request in
      request.target.contains("model_type=")
        ? .json(#"{"error":{"message":"no such list"}}"#, status: 500)
        : .json(#"{"object":"list","data":[{"id":"qwen/qwen3.5-27b","object":"model"}]}"#)
    }
    defer { server.stop() }
    try await Peer.withClient { client in
      let provider = try Self.builtIn("ppio", url: server.url + "/v3/openai/")
      let notes = Notes()
      let models = try await client.listModels(provider, keyIndex: 0) { notes.append($0) }
      #expect(models.map(\.id) == ["qwen/qwen3.5-27b"])
      #expect(notes.all.count == 2)
      #expect(notes.all.first?.hasPrefix("PPIO's embedding models are not listed") == true)
      #expect(notes.all.last?.hasPrefix("PPIO's reranker models are not listed") == true)
      #expect(notes.all.allSatisfy { $0.contains("no such list") }, "\(notes.all)")
    }
  }
}

/// Ollama's `/api/show` capabilities (issue 9).
struct OllamaListingPeerTests {
  /// Ids whose names say less than Ollama does: a vision model the name-based rules
  /// miss, a thinking model, an embedding model named like a chat one.
  static let models = ["qwen2.5vl:3b", "acme-thinker:latest", "gpt-oss:20b", "nomic-embed-text"]

  @Test("each listed model's capabilities reach its kinds")
  func capabilities() async throws {
    try await Peer.withDemo(DemoConfiguration(models: Self.models)) { server, session, client in
      let provider = Peer.provider(.ollama, in: session)
      let before = ModelListing.make(Self.models.map { ListedModel(id: $0) }, provider: provider)
      #expect(before.entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == false)
      #expect(before.entry(id: "acme-thinker:latest")?.kinds.contains(.reasoning) == false)

      let models = try await client.listModels(provider, keyIndex: nil)
      #expect(models.map(\.id) == Self.models)
      #expect(models.first { $0.id == "qwen2.5vl:3b" }?.providerKinds == [.chat, .vision, .tools])
      let listing = ModelListing.make(models, provider: provider)
      #expect(listing.entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == true)
      #expect(listing.entry(id: "acme-thinker:latest")?.kinds.contains(.reasoning) == true)
      #expect(listing.entry(id: "nomic-embed-text")?.kinds == [.embedding])
      // The user's override still wins over the provider's word.
      var edited = provider
      edited.addModel(id: "qwen2.5vl:3b")
      edited.setKindOverrides([.vision: false], for: "qwen2.5vl:3b")
      #expect(
        listing.refreshed(for: edited).entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == false)
      #expect(
        listing.refreshed(for: provider).entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == true)

      let shows = server.recordedRequests().filter { $0.path == "/api/show" }
      #expect(shows.map(\.method) == Array(repeating: "POST", count: Self.models.count))
      #expect(Set(shows.compactMap(\.model)) == Set(Self.models))
    }
  }

  @Test("a probe that fails leaves the name-based kinds, with a note")
  func failedProbe() async throws {
    let faults = [DemoFaultRule(.serverError, model: "qwen2.5vl:3b", pathSuffix: "/api/show")]
    try await Peer.withDemo(DemoConfiguration(models: Self.models, faults: faults)) {
      _, session, client in
      let provider = Peer.provider(.ollama, in: session)
      let notes = ReceivedLog<String>()
      let models = try await client.listModels(provider, keyIndex: nil) { notes.append($0) }
      #expect(models.map(\.id) == Self.models)
      #expect(models.first { $0.id == "qwen2.5vl:3b" }?.providerKinds == nil)
      #expect(models.first { $0.id == "acme-thinker:latest" }?.providerKinds != nil)
      let listing = ModelListing.make(models, provider: provider)
      #expect(listing.entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == false)
      #expect(notes.all.count == 1)
      #expect(notes.all.first?.contains("1 of 4 models") == true, "\(notes.all)")
    }
  }

  @Test("the probes run a few at a time")
  func boundedProbes() async throws {
    let many = (1...12).map { "model-\($0):latest" }
    try await Peer.withDemo(DemoConfiguration(models: many, latencyMilliseconds: 30)) {
      server, session, client in
      let models = try await client.listModels(Peer.provider(.ollama, in: session), keyIndex: nil)
      #expect(models.allSatisfy { $0.providerKinds == [.chat] })
      let shows = server.recordedRequests().filter { $0.path == "/api/show" }
      #expect(shows.count == many.count)
      let overlap = Peer.maxOverlap(shows)
      #expect(overlap > 1 && overlap <= 4, "at most 4 in flight, saw \(overlap)")
    }
  }

  @Test("capabilities in Ollama's own list are read")
  func tagsCapabilities() async throws {
    let server = try LoopbackHTTPServer { request in
      request.target.hasSuffix("/api/tags")
        ? .json(#"{"models":[{"name":"acme:latest","capabilities":["completion","vision"]}]}"#)
        : .json(#"{"error":"not here"}"#, status: 404)
    }
    defer { server.stop() }
    try await Peer.withClient { client in
      let provider = Provider(id: "o", name: "O", style: .ollama, needsKey: false, url: server.url)
      let notes = ReceivedLog<String>()
      let models = try await client.listModels(provider, keyIndex: nil) { notes.append($0) }
      #expect(models.first?.providerKinds == [.chat, .vision])
      #expect(notes.all.count == 1, "the failed /api/show is noted")
    }
  }
}
