import CherryKit
import Testing

/// The three-way merge of a save (DESIGN §2.4), as tables: each row is a base, two
/// edits of it, the merged session, and the conflicting fields (theirs kept).
@Suite struct SessionMergeTests {
  /// A row: what each side did to the base, and what must come out.
  struct Row: CustomTestStringConvertible, Sendable {
    var name: String
    var mine: @Sendable (inout Session) -> Void
    var theirs: @Sendable (inout Session) -> Void
    /// The expected session, built from the base.
    var expected: @Sendable (inout Session) -> Void
    /// The places of the expected conflicts, in order.
    var conflicts: [String] = []

    var testDescription: String { name }
  }

  static func base() -> Session {
    var alpha = Provider(id: "alpha", name: "Alpha", style: .openai, url: "https://a.example/")
    alpha.keys = ["k1", "k2", "k3"]
    alpha.rotationCursor = 0
    let beta = Provider(id: "beta", name: "Beta", style: .gemini)
    let gamma = Provider(id: "gamma", name: "Gamma", style: .ollama, needsKey: false)
    return Session(providers: [alpha, beta, gamma], selected: "alpha")
  }

  static func edit(_ id: String, _ body: @escaping @Sendable (inout Provider) -> Void)
    -> @Sendable (inout Session) -> Void
  {
    { session in
      if let index = session.index(of: id) { body(&session.providers[index]) }
    }
  }

  static let none: @Sendable (inout Session) -> Void = { _ in }

  static let rows: [Row] = [
    Row(name: "nothing changed", mine: none, theirs: none, expected: none),
    Row(
      name: "only mine changed", mine: edit("alpha") { $0.name = "A2" }, theirs: none,
      expected: edit("alpha") { $0.name = "A2" }),
    Row(
      name: "only theirs changed", mine: none, theirs: edit("beta") { $0.enabled = true },
      expected: edit("beta") { $0.enabled = true }),
    Row(
      name: "different providers", mine: edit("alpha") { $0.url = "https://a2.example/" },
      theirs: edit("beta") { $0.keys = ["g1"] },
      expected: { session in
        edit("alpha") { $0.url = "https://a2.example/" }(&session)
        edit("beta") { $0.keys = ["g1"] }(&session)
      }),
    Row(
      name: "different fields of one provider", mine: edit("alpha") { $0.name = "A2" },
      theirs: edit("alpha") { $0.enabled = true },
      expected: edit("alpha") {
        $0.name = "A2"
        $0.enabled = true
      }),
    Row(
      name: "one field changed alike on both sides", mine: edit("beta") { $0.proxy = "http://p" },
      theirs: edit("beta") { $0.proxy = "http://p" },
      expected: edit("beta") { $0.proxy = "http://p" }),
    Row(
      name: "one field changed differently", mine: edit("alpha") { $0.name = "Mine" },
      theirs: edit("alpha") { $0.name = "Theirs" }, expected: edit("alpha") { $0.name = "Theirs" },
      conflicts: ["providers.alpha.name"]),
    Row(
      name: "two fields changed differently, a third only by mine",
      mine: edit("alpha") {
        $0.name = "Mine"
        $0.url = "https://mine.example/"
        $0.enabled = true
      },
      theirs: edit("alpha") {
        $0.name = "Theirs"
        $0.url = "https://theirs.example/"
      },
      expected: edit("alpha") {
        $0.name = "Theirs"
        $0.url = "https://theirs.example/"
        $0.enabled = true
      },
      conflicts: ["providers.alpha.name", "providers.alpha.url"]),
    Row(
      name: "a list field changed differently",
      mine: edit("alpha") { $0.models = [ProviderModel(id: "m1", group: "m")] },
      theirs: edit("alpha") { $0.models = [ProviderModel(id: "m2", group: "m")] },
      expected: edit("alpha") { $0.models = [ProviderModel(id: "m2", group: "m")] },
      conflicts: ["providers.alpha.models"]),
    Row(
      name: "both added providers: theirs' order, then mine's",
      mine: { $0.providers.append(Provider(id: "mine1", name: "M", style: .openai)) },
      theirs: { $0.providers.insert(Provider(id: "theirs1", name: "T", style: .openai), at: 0) },
      expected: { session in
        session.providers.insert(Provider(id: "theirs1", name: "T", style: .openai), at: 0)
        session.providers.append(Provider(id: "mine1", name: "M", style: .openai))
      }),
    Row(
      name: "both added the same provider alike",
      mine: { $0.providers.append(Provider(id: "new", name: "N", style: .openai)) },
      theirs: { $0.providers.append(Provider(id: "new", name: "N", style: .openai)) },
      expected: { $0.providers.append(Provider(id: "new", name: "N", style: .openai)) }),
    Row(
      name: "both added the same id differently",
      mine: { $0.providers.append(Provider(id: "new", name: "N1", style: .openai)) },
      theirs: { $0.providers.append(Provider(id: "new", name: "N2", style: .openai)) },
      expected: { $0.providers.append(Provider(id: "new", name: "N2", style: .openai)) },
      conflicts: ["providers.new.name"]),
    Row(
      name: "theirs removed a provider mine left alone", mine: edit("alpha") { $0.name = "A2" },
      theirs: { $0.providers.removeAll { $0.id == "gamma" } },
      expected: { session in
        edit("alpha") { $0.name = "A2" }(&session)
        session.providers.removeAll { $0.id == "gamma" }
      }),
    Row(
      name: "mine removed a provider theirs left alone",
      mine: { $0.providers.removeAll { $0.id == "beta" } }, theirs: none,
      expected: { $0.providers.removeAll { $0.id == "beta" } }),
    Row(
      name: "both removed one provider", mine: { $0.providers.removeAll { $0.id == "beta" } },
      theirs: { $0.providers.removeAll { $0.id == "beta" } },
      expected: { $0.providers.removeAll { $0.id == "beta" } }),
    Row(
      name: "theirs removed a provider mine changed", mine: edit("gamma") { $0.timeout = 5 },
      theirs: { $0.providers.removeAll { $0.id == "gamma" } },
      expected: { $0.providers.removeAll { $0.id == "gamma" } }, conflicts: ["providers.gamma"]),
    Row(
      name: "mine removed a provider theirs changed",
      mine: { $0.providers.removeAll { $0.id == "gamma" } },
      theirs: edit("gamma") { $0.timeout = 5 },
      expected: edit("gamma") { $0.timeout = 5 }, conflicts: ["providers.gamma"]),
    Row(
      name: "selection changed on one side", mine: { $0.selected = "beta" }, theirs: none,
      expected: { $0.selected = "beta" }),
    Row(
      name: "selection cleared by theirs", mine: edit("beta") { $0.name = "B2" },
      theirs: { $0.selected = nil },
      expected: { session in
        edit("beta") { $0.name = "B2" }(&session)
        session.selected = nil
      }),
    Row(
      name: "selection changed on both sides: mine, the last writer, wins",
      mine: { $0.selected = "beta" }, theirs: { $0.selected = "gamma" },
      expected: { $0.selected = "beta" }),
    Row(
      name: "selection changed by theirs only, mine changed a provider",
      mine: edit("beta") { $0.name = "B2" }, theirs: { $0.selected = "gamma" },
      expected: { session in
        edit("beta") { $0.name = "B2" }(&session)
        session.selected = "gamma"
      }),
    Row(
      name: "mine selected a provider theirs removed: theirs' selection stays",
      mine: { $0.selected = "gamma" }, theirs: { $0.providers.removeAll { $0.id == "gamma" } },
      expected: { $0.providers.removeAll { $0.id == "gamma" } }),
    Row(
      name: "theirs removed the selected provider: none is selected",
      mine: none,
      theirs: { session in
        session.providers.removeAll { $0.id == "alpha" }
        session.selected = nil
      },
      expected: { session in
        session.providers.removeAll { $0.id == "alpha" }
        session.selected = nil
      }),
    Row(
      name: "both moved the rotation cursor: mine wins",
      mine: edit("alpha") { $0.rotationCursor = 2 },
      theirs: edit("alpha") { $0.rotationCursor = 1 },
      expected: edit("alpha") { $0.rotationCursor = 2 }),
    Row(
      name: "theirs moved the cursor, mine changed another field",
      mine: edit("alpha") { $0.name = "A2" }, theirs: edit("alpha") { $0.rotationCursor = 1 },
      expected: edit("alpha") {
        $0.name = "A2"
        $0.rotationCursor = 1
      }),
    Row(
      name: "mine moved the cursor, theirs reordered the keys: same key",
      mine: edit("alpha") { $0.rotationCursor = 1 },
      theirs: edit("alpha") { $0.keys = ["k3", "k2", "k1"] },
      expected: edit("alpha") {
        $0.keys = ["k3", "k2", "k1"]
        $0.rotationCursor = 1
      }),
    Row(
      name: "mine moved the cursor, theirs dropped that key: start again",
      mine: edit("alpha") { $0.rotationCursor = 2 },
      theirs: edit("alpha") { $0.keys = ["k1", "k2"] },
      expected: edit("alpha") {
        $0.keys = ["k1", "k2"]
        $0.rotationCursor = nil
      }),
    Row(
      name: "mine moved the cursor, theirs added a key in front",
      mine: edit("alpha") { $0.rotationCursor = 1 },
      theirs: edit("alpha") { $0.keys = ["k0", "k1", "k2", "k3"] },
      expected: edit("alpha") {
        $0.keys = ["k0", "k1", "k2", "k3"]
        $0.rotationCursor = 2
      }),
  ]

  @Test(arguments: rows)
  func merge(_ row: Row) throws {
    let base = Self.base()
    var mine = base
    row.mine(&mine)
    var theirs = base
    row.theirs(&theirs)
    var expected = base
    row.expected(&expected)
    let merged = SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(merged.session == expected)
    #expect(merged.conflicts.map(\.place) == row.conflicts)
  }

  @Test func aConflictCarriesBothVersionsOfTheProvider() throws {
    let base = Self.base()
    var mine = base
    mine.providers[1].keys = ["mine-key"]
    var theirs = base
    theirs.providers[1].keys = ["their-key"]
    theirs.providers[1].enabled = true
    let merged = SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    let conflict = try #require(merged.conflicts.first)
    #expect(merged.conflicts.count == 1)
    #expect(conflict.providerID == "beta")
    #expect(conflict.field == "keys")
    #expect(conflict.mine?.keys == ["mine-key"])
    #expect(conflict.theirs == merged.session.provider("beta"))
    #expect(conflict.theirs?.keys == ["their-key"])
  }

  /// Every field changed differently on both sides is named, and theirs kept.
  ///
  /// A Bool field cannot conflict (two sides that both changed it made the same
  /// change), and the rotation cursor never does.
  @Test(
    arguments: [
      ("name", edit("beta") { $0.name = "x" }, edit("beta") { $0.name = "y" }),
      ("style", edit("beta") { $0.style = .openai }, edit("beta") { $0.style = .anthropic }),
      ("keys", edit("beta") { $0.keys = ["a"] }, edit("beta") { $0.keys = ["b"] }),
      ("url", edit("beta") { $0.url = "http://a" }, edit("beta") { $0.url = "http://b" }),
      (
        "modelsURL", edit("beta") { $0.modelsURL = "http://a" },
        edit("beta") { $0.modelsURL = "http://b" }
      ),
      ("apiVersion", edit("beta") { $0.apiVersion = "1" }, edit("beta") { $0.apiVersion = "2" }),
      (
        "models", edit("beta") { $0.models = [ProviderModel(id: "a", group: "a")] },
        edit("beta") { $0.models = [ProviderModel(id: "a", group: "a", stale: true)] }
      ),
      (
        "headers", edit("beta") { $0.headers = [HeaderEntry(name: "a", value: "1")] },
        edit("beta") { $0.headers = [HeaderEntry(name: "a", value: "2")] }
      ),
      ("proxy", edit("beta") { $0.proxy = "http://a" }, edit("beta") { $0.proxy = "http://b" }),
      ("timeout", edit("beta") { $0.timeout = 1 }, edit("beta") { $0.timeout = 2 }),
    ] as [(String, @Sendable (inout Session) -> Void, @Sendable (inout Session) -> Void)])
  func everyFieldConflictIsNamed(
    field: String, mine: @Sendable (inout Session) -> Void,
    theirs: @Sendable (inout Session) -> Void
  ) {
    let base = Self.base()
    var mineSession = base
    mine(&mineSession)
    var theirsSession = base
    theirs(&theirsSession)
    let merged = SessionMerge.merge(base: base, mine: mineSession, theirs: theirsSession)
    #expect(merged.conflicts.map(\.place) == ["providers.beta.\(field)"])
    #expect(merged.session == theirsSession)
  }

  @Test func boolFieldsChangedOnBothSidesAgree() throws {
    let base = Self.base()
    var mine = base
    mine.providers[1].enabled = true
    mine.providers[1].needsKey = false
    var theirs = base
    theirs.providers[1].enabled = true
    theirs.providers[1].isBuiltIn = true
    let merged = SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(merged.conflicts.isEmpty)
    #expect(merged.session.providers[1].enabled)
    #expect(!merged.session.providers[1].needsKey)
    #expect(merged.session.providers[1].isBuiltIn)
  }

  /// A new stored property on Provider must be added to the merge: this fails until
  /// it is.
  @Test func theMergeKnowsEveryStoredFieldOfProvider() {
    let stored = Mirror(reflecting: Provider(id: "x", name: "x", style: .openai)).children
      .compactMap(\.label).filter { $0 != "id" }
    #expect(Set(stored) == Set(SessionMerge.providerFields))
    #expect(stored.count == SessionMerge.providerFields.count)
    let sessionFields = Mirror(reflecting: Session()).children.compactMap(\.label)
    #expect(Set(sessionFields) == ["version", "providers", "selected"])
  }

  @Test func mergingWithAnUnchangedSideGivesTheOtherSide() throws {
    let base = Self.base()
    var changed = base
    changed.providers[1].keys = ["x", "y"]
    changed.providers[1].rotationCursor = 1
    changed.providers.append(Provider(id: "delta", name: "D", style: .anthropic))
    changed.selected = "delta"
    for (mine, theirs) in [(changed, base), (base, changed), (changed, changed)] {
      let merged = SessionMerge.merge(base: base, mine: mine, theirs: theirs)
      #expect(merged.session == changed)
      #expect(merged.conflicts.isEmpty)
    }
  }

  @Test func theMergedSessionHasTheCurrentVersion() throws {
    var old = Self.base()
    old.version = 0
    #expect(
      SessionMerge.merge(base: old, mine: old, theirs: old).session.version
        == Session.currentVersion)
  }
}
