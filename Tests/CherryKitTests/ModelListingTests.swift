import CherryKit
import Foundation
import Testing

/// Grouped, numbered listings (DESIGN §1.3).
struct ModelListingTests {
  static let rows: [ListedModel] = [
    "Qwen/Qwen3-32B", "deepseek-ai/DeepSeek-V3", "Qwen/Qwen2.5-7B-Instruct", "BAAI/bge-m3",
    "deepseek-ai/DeepSeek-R1", "", "Qwen/Qwen3-32B", "gpt-4o",
  ].map { ListedModel(id: $0) }

  func provider() -> Provider {
    var p = Provider(
      id: "silicon", name: "SiliconFlow", style: .openai, isBuiltIn: true, url: "https://x")
    p.addModel(id: "deepseek-ai/DeepSeek-R1")
    p.addModel(id: "gone/model")
    return p
  }

  @Test(
    "groups in first-seen order, numbered 1…N in display order, empty and duplicate ids dropped")
  func make() {
    let listing = ModelListing.make(Self.rows, provider: provider())
    #expect(listing.groupNames == ["Qwen", "deepseek-ai", "BAAI", "silicon"])
    #expect(
      listing.entries.map(\.id) == [
        "Qwen/Qwen3-32B", "Qwen/Qwen2.5-7B-Instruct", "deepseek-ai/DeepSeek-V3",
        "deepseek-ai/DeepSeek-R1", "BAAI/bge-m3", "gpt-4o",
      ])
    #expect(listing.entries.map(\.number) == Array(1...6))
    #expect(listing.totalCount == 6)
    #expect(listing.entries.map(\.added) == [false, false, false, true, false, false])
    #expect(listing.entries[4].kinds == [.embedding])
    #expect(listing.entries[3].kinds.contains(.reasoning))
    #expect(listing.id(number: 4) == "deepseek-ai/DeepSeek-R1")
    #expect(listing.id(number: 0) == nil)
    #expect(listing.id(number: 7) == nil)
  }

  @Test("added models' overrides show in the listing")
  func overridesShow() {
    var p = provider()
    p.setKindOverrides([.tools: true], for: "deepseek-ai/DeepSeek-R1")
    let listing = ModelListing.make(Self.rows, provider: p)
    #expect(listing.entries[3].kinds.contains(.tools))
  }

  @Test("filtering keeps numbers: substring, case-insensitive, or glob")
  func filter() {
    let listing = ModelListing.make(Self.rows, provider: provider())
    let qwen3 = listing.filtered("QWEN3")
    #expect(qwen3.entries.map(\.number) == [1])
    #expect(qwen3.pattern == "QWEN3")
    #expect(qwen3.groupNames == ["Qwen"])
    let deepseek = listing.filtered("deepseek-ai/*")
    #expect(deepseek.entries.map(\.number) == [3, 4])
    #expect(deepseek.id(number: 4) == "deepseek-ai/DeepSeek-R1")
    #expect(deepseek.id(number: 1) == nil)
    #expect(listing.filtered(nil) == listing)
    #expect(listing.filtered("") == listing)
    #expect(listing.filtered("nothing-like-this").groups.isEmpty)
    // A filtered copy still knows the whole listing.
    #expect(deepseek.contains(id: "gpt-4o"))
  }

  @Test("stale ids: added models missing from the listing")
  func stale() {
    let p = provider()
    let listing = ModelListing.make(Self.rows, provider: p)
    #expect(listing.stale(in: p) == ["gone/model"])
    #expect(listing.filtered("qwen").stale(in: p) == ["gone/model"])
  }

  @Test("refreshed recomputes added marks and kinds, numbers unchanged")
  func refreshed() {
    var p = provider()
    let listing = ModelListing.make(Self.rows, provider: p)
    p.addModel(id: "gpt-4o")
    p.removeModel(id: "deepseek-ai/DeepSeek-R1")
    let again = listing.refreshed(for: p)
    #expect(again.entries.map(\.added) == [false, false, false, false, false, true])
    #expect(again.entries.map(\.number) == listing.entries.map(\.number))
  }

  @Test("Codable round trip")
  func codable() throws {
    let listing = ModelListing.make(Self.rows, provider: provider()).filtered("deepseek")
    let data = try JSONEncoder().encode(listing)
    let decoded = try JSONDecoder().decode(ModelListing.self, from: data)
    #expect(decoded == listing)
  }

  @Test("custom providers group with getDefaultGroupName")
  func customGroups() {
    let p = Provider(id: "mine", name: "Mine", style: .openai, url: "https://x")
    let listing = ModelListing.make(
      ["gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet-20241022", "gpt-4o-2024-08-06"].map {
        ListedModel(id: $0)
      },
      provider: p)
    #expect(listing.groupNames == ["gpt-4o", "claude-3"])
    #expect(listing.entries.map(\.number) == [1, 2, 3, 4])
    #expect(listing.id(number: 3) == "gpt-4o-2024-08-06")
  }
}
