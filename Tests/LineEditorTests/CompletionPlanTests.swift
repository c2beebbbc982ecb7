import Testing

@testable import LineEditor

/// How the completer's candidates are handed to libedit for one Tab press.
struct CompletionPlanTests {
  @Test func aUniqueCandidateGetsASpace() throws {
    let plan = try #require(
      CompletionPlan(line: "use deeps", wordStart: 4, replaceFrom: 4, candidates: ["deepseek"]))
    #expect(plan.matches == ["deepseek"])
    #expect(plan.appendsSpace)
  }

  @Test func aFolderGetsNoSpace() throws {
    let plan = try #require(
      CompletionPlan(line: "source scr", wordStart: 7, replaceFrom: 7, candidates: ["scripts/"]))
    #expect(plan.matches == ["scripts/"])
    #expect(!plan.appendsSpace)
  }

  @Test func severalCandidatesInsertTheirCommonPrefix() throws {
    let plan = try #require(
      CompletionPlan(
        line: "prov", wordStart: 0, replaceFrom: 0, candidates: ["provider", "providers"]))
    #expect(plan.matches == ["provider", "provider", "providers"])
    #expect(!plan.appendsSpace)
  }

  @Test func aCaseInsensitiveMatchNeverDeletesTypedText() throws {
    let plan = try #require(
      CompletionPlan(
        line: "+ GPT", wordStart: 2, replaceFrom: 2, candidates: ["gpt-4o", "gpt-4o-mini"]))
    #expect(plan.matches.first == "")
  }

  @Test func libeditsShorterWordCutsTheCandidates() throws {
    // libedit breaks at ':' (group:name), the completer's word starts earlier.
    let plan = try #require(
      CompletionPlan(
        line: "+ group:gp", wordStart: 8, replaceFrom: 2, candidates: ["group:gpt-4o"]))
    #expect(plan.matches == ["gpt-4o"])
  }

  @Test func libeditsLongerWordExtendsTheCandidates() throws {
    let plan = try #require(
      CompletionPlan(line: "a=b", wordStart: 0, replaceFrom: 2, candidates: ["bravo"]))
    #expect(plan.matches == ["a=bravo"])
  }

  @Test func wideCharactersCountAsScalars() throws {
    let plan = try #require(
      CompletionPlan(
        line: "provider rename 模型 ", wordStart: 19, replaceFrom: 19, candidates: ["Model"]))
    #expect(plan.matches == ["Model"])
  }

  @Test func nothingFits() {
    #expect(
      CompletionPlan(line: "+ x", wordStart: 2, replaceFrom: 2, candidates: []) == nil)
  }
}
