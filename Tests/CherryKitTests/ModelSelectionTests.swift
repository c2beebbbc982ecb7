import CherryKit
import Testing

/// Resolving the terms of `+` (DESIGN §1.3).
struct ModelSelectionTests {
  static let listing: ModelListing = {
    let p = Provider(
      id: "silicon", name: "SiliconFlow", style: .openai, isBuiltIn: true, url: "https://x")
    let ids = [
      "Qwen/Qwen3-32B", "Qwen/Qwen3-8B", "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-R1",
      "gpt-4o",
      "gpt-4o-mini",
    ]
    return ModelListing.make(ids.map { ListedModel(id: $0) }, provider: p)
  }()

  @Test("numbers, groups, globs and ids, in the order given, deduplicated")
  func mixed() throws {
    let result = try ModelSelection.resolve(
      ["3", "group:qwen", "gpt-4o*", "1", "deepseek-ai/DeepSeek-R1"], listing: Self.listing)
    #expect(
      result.ids == [
        "deepseek-ai/DeepSeek-V3", "Qwen/Qwen3-32B", "Qwen/Qwen3-8B", "gpt-4o", "gpt-4o-mini",
        "deepseek-ai/DeepSeek-R1",
      ])
    #expect(result.warnings.isEmpty)
  }

  @Test("an id the listing lacks is added with a warning; case is corrected to the listing's")
  func unknownID() throws {
    let result = try ModelSelection.resolve(
      ["my-private-model", "GPT-4O-MINI"], listing: Self.listing)
    #expect(result.ids == ["my-private-model", "gpt-4o-mini"])
    #expect(result.warnings == [.notInListing(id: "my-private-model")])
    #expect(result.warnings[0].message.contains("my-private-model"))
  }

  @Test("with no listing, ids are added unchecked and the rest needs manage")
  func noListing() throws {
    let result = try ModelSelection.resolve(["gpt-4o", "gpt-4o"], listing: nil)
    #expect(result.ids == ["gpt-4o"])
    #expect(result.warnings == [.unchecked(id: "gpt-4o")])
    #expect(result.warnings[0].message.contains("run manage"))
    for term in ["2", "group:qwen", "gpt*"] {
      #expect(throws: ModelSelectionError.noListing(term: term)) {
        try ModelSelection.resolve([term], listing: nil)
      }
    }
    #expect(ModelSelectionError.noListing(term: "2").message.contains("manage"))
  }

  @Test("a number outside the listing names the valid range")
  func badNumber() {
    #expect(throws: ModelSelectionError.numberOutOfRange(number: 9, range: 1...6)) {
      try ModelSelection.resolve(["1", "9"], listing: Self.listing)
    }
    #expect(ModelSelectionError.numberOutOfRange(number: 9, range: 1...6).message.contains("1–6"))
    #expect(throws: ModelSelectionError.numberOutOfRange(number: 0, range: 1...6)) {
      try ModelSelection.resolve(["0"], listing: Self.listing)
    }
  }

  @Test("an unknown group lists the groups")
  func badGroup() {
    let error = ModelSelectionError.unknownGroup(
      name: "Meta", groups: ["Qwen", "deepseek-ai", "silicon"])
    #expect(throws: error) { try ModelSelection.resolve(["group:Meta"], listing: Self.listing) }
    #expect(error.message.contains("Qwen, deepseek-ai, silicon"))
  }

  @Test("a glob that matches nothing is an error")
  func badGlob() {
    #expect(throws: ModelSelectionError.noMatch(pattern: "claude*")) {
      try ModelSelection.resolve(["claude*"], listing: Self.listing)
    }
  }

  @Test("no terms")
  func empty() {
    #expect(throws: ModelSelectionError.empty) {
      try ModelSelection.resolve([], listing: Self.listing)
    }
  }

  /// Comma lists, as the app's Add-model dialog splits them (`，` counts as `,`).
  static let commaLists: [(words: [String], ids: [String])] = [
    (["a,b"], ["a", "b"]),
    (["a\u{FF0C}b"], ["a", "b"]),
    (["a, b,", ",c"], ["a", "b", "c"]),
    (["a,,a", "b"], ["a", "b"]),
    ([" , "], []),
  ]

  @Test func splitKeepsOrderAndRepeats() {
    #expect(
      ModelSelection.splitCommaLists(["a,,a", " b ", "c\u{FF0C}d"]) == ["a", "a", "b", "c", "d"])
  }

  @Test("+ a,b adds each id of a comma list", arguments: commaLists)
  func commaList(_ words: [String], _ ids: [String]) throws {
    guard !ids.isEmpty else {
      #expect(throws: ModelSelectionError.empty) { try ModelSelection.resolve(words, listing: nil) }
      return
    }
    let result = try ModelSelection.resolve(words, listing: nil)
    #expect(result.ids == ids)
    #expect(result.handEntered == Set(ids))
  }

  @Test("numbers and listed ids in a comma list come from the listing")
  func commaListWithListing() throws {
    let result = try ModelSelection.resolve(["1,gpt-4o,my-own"], listing: Self.listing)
    #expect(result.ids == ["Qwen/Qwen3-32B", "gpt-4o", "my-own"])
    #expect(result.handEntered == ["my-own"])
  }

  @Test("errors say what and how to fix")
  func whatAndFix() {
    let errors: [ModelSelectionError] = [
      .empty, .noListing(term: "2"), .numberOutOfRange(number: 9, range: 1...6),
      .numberOutOfRange(number: 1, range: nil), .unknownGroup(name: "x", groups: []),
      .noMatch(pattern: "x*"),
    ]
    for error in errors {
      #expect(!error.what.isEmpty && !error.fix.isEmpty)
      #expect(error.description == error.what + "\n" + error.fix)
      #expect(error.message.hasPrefix(error.what))
    }
    #expect(ModelSelectionError.empty.message == "no model given: " + ModelSelectionError.empty.fix)
  }

  @Test("numbers resolve through a filtered listing only when shown; use the full one")
  func filteredListing() throws {
    let filtered = Self.listing.filtered("deepseek")
    #expect(try ModelSelection.resolve(["4"], listing: filtered).ids == ["deepseek-ai/DeepSeek-R1"])
    #expect(
      try ModelSelection.resolve(["4"], listing: Self.listing).ids == ["deepseek-ai/DeepSeek-R1"])
  }
}
