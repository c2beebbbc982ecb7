import CherryKit
import Testing

/// Added models on a provider: add, remove, stale, overrides, the last chat model.
struct ProviderModelsTests {
  func provider(builtIn: Bool = true) -> Provider {
    Provider(
      id: "silicon", name: "SiliconFlow", style: .openai, isBuiltIn: builtIn, url: "https://x")
  }

  @Test("addModel appends once, with the inferred group")
  func add() {
    var p = provider()
    let r1 = p.addModel(id: "Qwen/Qwen3-32B")
    #expect(r1)
    let r2 = p.addModel(id: "Qwen/Qwen3-32B")
    #expect(!r2)
    let r3 = p.addModel(id: "gpt-4o")
    #expect(r3)
    #expect(p.models.map(\.id) == ["Qwen/Qwen3-32B", "gpt-4o"])
    #expect(p.models.map(\.group) == ["Qwen", "silicon"])
    var custom = provider(builtIn: false)
    custom.addModel(id: "gpt-4o-mini")
    #expect(custom.models.first?.group == "gpt")  // silicon is a first-part provider
  }

  @Test("removeModel")
  func remove() {
    var p = provider()
    p.addModel(id: "a")
    let r4 = p.removeModel(id: "a")
    #expect(r4)
    let r5 = p.removeModel(id: "a")
    #expect(!r5)
    #expect(p.models.isEmpty)
  }

  @Test("markStale marks missing models and clears the mark on listed ones")
  func stale() {
    var p = provider()
    p.addModel(id: "a")
    p.addModel(id: "b")
    p.markStale(listedIDs: ["a"])
    #expect(p.models.map(\.stale) == [false, true])
    p.markStale(listedIDs: ["a", "b"])
    #expect(p.models.map(\.stale) == [false, false])
  }

  @Test("the last added chat model skips embedding, rerank and image-only models")
  func lastAddedChatModel() {
    var p = provider()
    #expect(p.lastAddedChatModel == nil)
    p.addModel(id: "BAAI/bge-m3")
    #expect(p.lastAddedChatModel == nil)
    p.addModel(id: "Qwen/Qwen3-32B")
    p.addModel(id: "deepseek-ai/DeepSeek-V3")
    p.addModel(id: "BAAI/bge-reranker-v2-m3")
    p.addModel(id: "black-forest-labs/FLUX.1-schnell")
    #expect(p.lastAddedChatModel?.id == "deepseek-ai/DeepSeek-V3")
    // An override can make an image model a chat model (or take chat away).
    let r6 = p.setKindOverrides([.chat: true], for: "black-forest-labs/FLUX.1-schnell")
    #expect(r6)
    #expect(p.lastAddedChatModel?.id == "black-forest-labs/FLUX.1-schnell")
    p.setKindOverrides([.chat: false], for: "black-forest-labs/FLUX.1-schnell")
    p.setKindOverrides([.embedding: true], for: "deepseek-ai/DeepSeek-V3")
    #expect(p.lastAddedChatModel?.id == "Qwen/Qwen3-32B")
  }

  @Test("setKindOverrides merges, and overrides win in kinds(of:)")
  func overrides() {
    var p = provider()
    p.addModel(id: "gpt-4o")
    let r7 = p.setKindOverrides([.vision: false], for: "missing")
    #expect(!r7)
    let r8 = p.setKindOverrides([.vision: false, .reasoning: true], for: "gpt-4o")
    #expect(r8)
    let r9 = p.setKindOverrides([.tools: false], for: "gpt-4o")
    #expect(r9)
    let model = p.models[0]
    #expect(model.kindOverrides == [.vision: false, .reasoning: true, .tools: false])
    let kinds = p.kinds(of: model)
    #expect(kinds == [.chat, .reasoning, .webSearch])
    let r10 = p.clearKindOverrides(for: "gpt-4o")
    #expect(r10)
    #expect(p.kinds(of: p.models[0]).contains(.vision))
  }

  @Test("the test model skips image-only models such as gemini-2.5-flash-image-preview")
  func testModelSkipsImageOnly() {
    var p = Provider(id: "gemini", name: "Gemini", style: .gemini, isBuiltIn: true)
    p.addModel(id: "gemini-2.5-flash")
    p.addModel(id: "gemini-2.5-flash-image-preview")
    p.addModel(id: "gemini-embedding-001")
    #expect(p.lastAddedChatModel?.id == "gemini-2.5-flash")
  }

  @Test("addModels takes groups, names and endpoint types as the app's dialogs do")
  func addModels() throws {
    var gateway = Provider(id: "gw", name: "GW", style: .openai, url: "https://gw")
    gateway.type = .newAPI
    let listing = ModelListing.make(
      [
        ListedModel(id: "gpt-4o", displayName: "GPT-4o", endpointTypes: [.openai]),
        ListedModel(id: "claude-x", endpointTypes: [.anthropic, .openai]),
        ListedModel(id: "flux-x", endpointTypes: [.openai, .imageGeneration]),
      ], provider: gateway)
    let selection = try ModelSelection.resolve(
      ["gpt-4o,claude-x", "3", "Qwen/Qwen3-32B"], listing: listing)
    let result = gateway.addModels(selection, listing: listing)
    #expect(result.added == ["gpt-4o", "claude-x", "flux-x", "Qwen/Qwen3-32B"])
    #expect(result.already.isEmpty)
    #expect(gateway.models.map(\.displayName) == ["GPT-4o", nil, nil, nil])
    #expect(gateway.models.map(\.endpointType) == [.openai, .anthropic, .imageGeneration, nil])
    #expect(gateway.models.map(\.group) == ["gpt-4o", "claude-x", "flux-x", "qwen"])
    #expect(gateway.addModels(selection, listing: listing).already == selection.ids)
    // On another provider, listed endpoint types are not kept.
    var other = provider()
    _ = other.addModels(try ModelSelection.resolve(["gpt-4o"], listing: listing), listing: listing)
    #expect(other.models.first?.endpointType == nil)
  }

  @Test("editing a model: name, group, price, streaming")
  func edits() throws {
    var p = provider()
    p.addModel(id: "gpt-4o")
    try p.setDisplayName("  GPT 4o  ", for: "gpt-4o")
    #expect(p.model("gpt-4o")?.displayName == "GPT 4o")
    try p.setDisplayName(nil, for: "gpt-4o")
    #expect(p.model("gpt-4o")?.displayName == nil)
    #expect(throws: ModelEditError.empty(field: "name")) {
      try p.setDisplayName(" ", for: "gpt-4o")
    }
    try p.setGroup("openai", for: "gpt-4o")
    #expect(p.model("gpt-4o")?.group == "openai")
    try p.setGroup(nil, for: "gpt-4o")
    #expect(p.model("gpt-4o")?.group == "silicon")
    let price = try ModelPrice.parse(input: "2.5", output: "10", currency: "USD")
    try p.setPrice(price, for: "gpt-4o")
    #expect(p.model("gpt-4o")?.price == ModelPrice(input: 2.5, output: 10, currency: "USD"))
    #expect(p.model("gpt-4o")?.supportsStreaming == true)
    try p.setStreaming(false, for: "gpt-4o")
    #expect(p.model("gpt-4o")?.supportsStreaming == false)
    try p.setStreaming(true, for: "gpt-4o")
    #expect(p.model("gpt-4o")?.streaming == nil)
    #expect(throws: ModelEditError.notAdded(id: "x", providerID: "silicon")) {
      try p.setPrice(nil, for: "x")
    }
  }

  @Test(
    "prices are numbers of 0 or more",
    arguments: [
      ("-1", "2", "-1"), ("1", "abc", "abc"), ("nan", "1", "nan"), ("1", "inf", "inf"),
    ])
  func badPrices(_ input: String, _ output: String, _ bad: String) {
    #expect(throws: ModelEditError.badPrice(bad)) {
      try ModelPrice.parse(input: input, output: output, currency: nil)
    }
  }

  @Test func badCurrencyAndMessages() {
    #expect(throws: ModelEditError.badCurrency("")) {
      try ModelPrice.parse(input: "1", output: "1", currency: "")
    }
    let errors: [ModelEditError] = [
      .notAdded(id: "m", providerID: "p"), .badPrice("x"), .badCurrency(""),
      .empty(field: "group"), .unknownEndpointType("x"), .endpointNeedsNewAPI(providerID: "p"),
    ]
    for error in errors {
      #expect(error.description == error.what + "\n" + error.fix)
    }
  }
}
