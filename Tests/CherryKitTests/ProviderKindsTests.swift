import CherryKit
import Testing

/// How kinds a provider declares join the kinds inferred from the id (issue 9).
struct ProviderKindsTests {
  /// Inferred kinds, declared kinds, and the result.
  struct Case: CustomTestStringConvertible, Sendable {
    let id: String
    let inferred: Set<ModelKind>
    let declared: Set<ModelKind>?
    let merged: Set<ModelKind>
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "nothing declared", inferred: [.chat, .tools], declared: nil, merged: [.chat, .tools]),
    Case(id: "empty", inferred: [.chat], declared: [], merged: [.chat]),
    Case(
      id: "vision the name missed", inferred: [.chat, .tools], declared: [.chat, .vision],
      merged: [.chat, .tools, .vision]),
    Case(
      id: "thinking", inferred: [.chat], declared: [.chat, .reasoning],
      merged: [.chat, .reasoning]),
    Case(
      id: "not declared is not taken away", inferred: [.chat, .tools, .webSearch],
      declared: [.chat], merged: [.chat, .tools, .webSearch]),
    Case(
      id: "embedding alone", inferred: [.chat, .tools], declared: [.embedding],
      merged: [.embedding]),
    Case(id: "rerank alone", inferred: [.chat], declared: [.rerank], merged: [.rerank]),
    Case(
      id: "completion beats an embedding-looking name", inferred: [.embedding],
      declared: [.chat], merged: [.chat]),
    Case(
      id: "completion beats a rerank-looking name", inferred: [.rerank],
      declared: [.chat, .tools], merged: [.chat, .tools]),
    Case(
      id: "an image model that chats", inferred: [.image], declared: [.chat],
      merged: [.image, .chat]),
    Case(
      id: "declared without completion adds", inferred: [.chat], declared: [.vision],
      merged: [.chat, .vision]),
  ]

  @Test(arguments: cases)
  func merged(_ row: Case) {
    #expect(ProviderKinds.merged(inferred: row.inferred, declared: row.declared) == row.merged)
  }

  @Test func overridesStillWinAndListingsKeepTheDeclaredKinds() {
    var provider = Provider(id: "ollama", name: "Ollama", style: .ollama, needsKey: false)
    let listed = [
      ListedModel(id: "qwen2.5vl:3b", providerKinds: [.chat, .vision, .tools]),
      ListedModel(id: "acme:latest"),
    ]
    let listing = ModelListing.make(listed, provider: provider)
    #expect(listing.entry(id: "qwen2.5vl:3b")?.kinds.contains(.vision) == true)
    #expect(listing.entry(id: "qwen2.5vl:3b")?.providerKinds == [.chat, .vision, .tools])
    #expect(listing.entry(id: "acme:latest")?.providerKinds == nil)
    provider.addModel(id: "qwen2.5vl:3b")
    provider.setKindOverrides([.vision: false], for: "qwen2.5vl:3b")
    let refreshed = listing.refreshed(for: provider)
    #expect(refreshed.entry(id: "qwen2.5vl:3b")?.kinds == [.chat, .tools])
    #expect(refreshed.entry(id: "qwen2.5vl:3b")?.added == true)
  }
}
