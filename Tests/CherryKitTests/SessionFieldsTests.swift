import CherryKit
import Foundation
import Testing

/// The settings-page fields of issue 9 in the session file: old files load, new ones
/// round-trip, and the three-way merge takes them field by field (DESIGN §2.4).
struct SessionFieldsTests {
  /// A version-1 file written before these fields existed.
  static let oldFile = """
    {"version": 1, "selected": "deepseek", "providers": [
      {"id": "deepseek", "name": "DeepSeek", "style": "openai", "isBuiltIn": true,
       "needsKey": true, "keys": ["sk-a"], "url": "https://api.deepseek.com",
       "models": [{"id": "deepseek-chat", "group": "deepseek", "kindOverrides": {},
                   "stale": false}],
       "enabled": false, "headers": []}
    ]}
    """

  @Test func anOldFileLoadsWithTheDefaults() throws {
    let session = try SessionMigration.decode(Data(Self.oldFile.utf8), path: "s.json").session
    let provider = try #require(session.provider("deepseek"))
    #expect(provider.anthropicURL == nil)
    #expect(provider.effectiveAnthropicURL == "https://api.deepseek.com/anthropic")
    #expect(provider.type == .openai)
    #expect(provider.notes == nil)
    let model = try #require(provider.models.first)
    #expect(model.displayName == nil && model.price == nil && model.endpointType == nil)
    #expect(model.supportsStreaming)
  }

  @Test func theNewFieldsRoundTrip() throws {
    var provider = Provider(id: "gw", name: "GW", style: .openai, url: "https://gw.example.com")
    provider.type = .newAPI
    provider.anthropicURL = "https://gw.example.com/claude"
    provider.notes = "team gateway; ask Ana for keys"
    provider.addModel(id: "claude-x")
    try provider.setEndpointType(.anthropic, for: "claude-x")
    try provider.setDisplayName("Claude X", for: "claude-x")
    try provider.setPrice(ModelPrice(input: 3, output: 15, currency: "USD"), for: "claude-x")
    try provider.setStreaming(false, for: "claude-x")
    let session = Session(providers: [provider], selected: "gw")
    let data = try SessionStore.encode(session, path: "s.json")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("\"endpointType\" : \"anthropic\""))
    #expect(text.contains("\"newAPI\" : true"))
    let back = try SessionMigration.decode(data, path: "s.json").session
    #expect(back == session)
    #expect(back.provider("gw")?.type == .newAPI)
  }

  @Test(
    "a price no model can have is refused when loaded, naming its place",
    arguments: ["-1", "\"x\""])
  func badPriceInTheFile(_ input: String) {
    let text = Self.oldFile.replacing(
      "\"stale\": false}",
      with: "\"stale\": false, \"price\": {\"input\": \(input), \"output\": 1}}")
    do {
      _ = try SessionMigration.decode(Data(text.utf8), path: "s.json")
      Issue.record("accepted a price of \(input)")
    } catch {
      #expect("\(error)".contains("providers.deepseek.models[0].price"), "\(error)")
    }
  }

  @Test func differentNewFieldsMergeAndTheSameOneIsRefused() throws {
    let base = try SessionMigration.decode(Data(Self.oldFile.utf8), path: "s.json").session
    var mine = base
    mine.providers[0].notes = "mine"
    var theirs = base
    theirs.providers[0].anthropicURL = "https://theirs.example.com"
    let merged = SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.session.providers[0].notes == "mine")
    #expect(merged.session.providers[0].anthropicURL == "https://theirs.example.com")
    for (field, edit) in [
      ("notes", { (p: inout Provider, v: String) in p.notes = v }),
      ("anthropicURL", { (p: inout Provider, v: String) in p.anthropicURL = v }),
      ("newAPI", { (p: inout Provider, v: String) in p.newAPI = v == "a" ? true : false }),
    ] as [(String, (inout Provider, String) -> Void)] {
      var a = base
      edit(&a.providers[0], "a")
      var b = base
      edit(&b.providers[0], "b")
      let refused = SessionMerge.merge(base: base, mine: a, theirs: b)
      #expect(refused.conflicts.map(\.field) == [field])
      #expect(refused.conflicts.first?.providerID == "deepseek")
    }
  }

  @Test func notesAndTheAnthropicURLAreSetAndReset() throws {
    var provider = try #require(ProviderCatalogue.freshSession().provider("moonshot"))
    provider.setNotes("  use the CN endpoint \n")
    #expect(provider.notes == "use the CN endpoint")
    provider.setNotes("   ")
    #expect(provider.notes == nil)
    try provider.setAnthropicURL(" https://proxy.example.com/claude ")
    #expect(provider.anthropicURL == "https://proxy.example.com/claude")
    #expect(
      try EndpointResolver.resolveAnthropic(provider, model: nil)?.chat
        == "https://proxy.example.com/claude/v1/messages")
    #expect(throws: URLRuleError.self) {
      try provider.setAnthropicURL("https://proxy.example.com/v1/messages")
    }
    #expect(provider.anthropicURL == "https://proxy.example.com/claude")
    try provider.setAnthropicURL(nil)
    #expect(provider.effectiveAnthropicURL == "https://api.moonshot.cn/anthropic")
  }
}
