import CherryKit
import Testing

/// The three-way merge of a save (DESIGN §2.4), as tables: each row is a base, two
/// edits of it, and the merged session or the conflicting field.
@Suite struct SessionMergeTests {
  /// A row: what each side did to the base, and what must come out.
  struct Row: CustomTestStringConvertible, Sendable {
    var name: String
    var mine: @Sendable (inout Session) -> Void
    var theirs: @Sendable (inout Session) -> Void
    /// The expected session, built from the base; `nil` when a conflict is expected.
    var expected: (@Sendable (inout Session) -> Void)?
    var conflict: String?

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
      theirs: edit("alpha") { $0.name = "Theirs" }, expected: nil, conflict: "providers.alpha.name"),
    Row(
      name: "a list field changed differently",
      mine: edit("alpha") { $0.models = [ProviderModel(id: "m1", group: "m")] },
      theirs: edit("alpha") { $0.models = [ProviderModel(id: "m2", group: "m")] }, expected: nil,
      conflict: "providers.alpha.models"),
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
      expected: nil, conflict: "providers.new.name"),
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
      theirs: { $0.providers.removeAll { $0.id == "gamma" } }, expected: nil,
      conflict: "providers.gamma"),
    Row(
      name: "mine removed a provider theirs changed",
      mine: { $0.providers.removeAll { $0.id == "gamma" } },
      theirs: edit("gamma") { $0.timeout = 5 },
      expected: nil, conflict: "providers.gamma"),
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
      name: "selection changed differently", mine: { $0.selected = "beta" },
      theirs: { $0.selected = "gamma" }, expected: nil, conflict: "selected"),
    Row(
      name: "mine selected a provider theirs removed", mine: { $0.selected = "gamma" },
      theirs: { $0.providers.removeAll { $0.id == "gamma" } }, expected: nil, conflict: "selected"),
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
    if let conflict = row.conflict {
      #expect(throws: StoreError.conflict(path: "/s.json", field: conflict)) {
        try SessionMerge.merge(base: base, mine: mine, theirs: theirs, path: "/s.json")
      }
      return
    }
    var expected = base
    let change = try #require(row.expected)
    change(&expected)
    let merged = try SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(merged == expected)
  }

  /// Every field changed differently on both sides is refused by its name.
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
    #expect(throws: StoreError.conflict(path: "", field: "providers.beta.\(field)")) {
      try SessionMerge.merge(base: base, mine: mineSession, theirs: theirsSession)
    }
  }

  @Test func boolFieldsChangedOnBothSidesAgree() throws {
    let base = Self.base()
    var mine = base
    mine.providers[1].enabled = true
    mine.providers[1].needsKey = false
    var theirs = base
    theirs.providers[1].enabled = true
    theirs.providers[1].isBuiltIn = true
    let merged = try SessionMerge.merge(base: base, mine: mine, theirs: theirs)
    #expect(merged.providers[1].enabled)
    #expect(!merged.providers[1].needsKey)
    #expect(merged.providers[1].isBuiltIn)
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
    #expect(try SessionMerge.merge(base: base, mine: changed, theirs: base) == changed)
    #expect(try SessionMerge.merge(base: base, mine: base, theirs: changed) == changed)
    #expect(try SessionMerge.merge(base: base, mine: changed, theirs: changed) == changed)
  }

  @Test func theMergedSessionHasTheCurrentVersion() throws {
    var old = Self.base()
    old.version = 0
    #expect(
      try SessionMerge.merge(base: old, mine: old, theirs: old).version == Session.currentVersion)
  }
}
