import Testing

@testable import CherryShell

struct SuggestionTests {
  @Test(arguments: [
    ("kye", "key"), ("provders", "providers"), ("shwo", "show"), ("enabel", "enable"),
    ("quti", "quit"), ("modles", "models"), ("prov", "providers"),
  ])
  func suggestsTheClosestCommand(_ typo: String, _ expected: String) {
    #expect(Suggestion.closestCommand(to: typo) == expected)
  }

  @Test func suggestsNothingForAFarWord() {
    #expect(Suggestion.closestCommand(to: "xylophone") == nil)
  }

  @Test func neverSuggestsFromAKey() {
    #expect(Suggestion.closestCommand(to: "sk-proj-abcdefghijklmnopqrstuvwxyz123456") == nil)
  }
}
