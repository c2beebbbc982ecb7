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
}
