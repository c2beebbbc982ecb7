import CherryKit
import Testing

/// Shell-style globs for `+ 'pattern'` and `manage <pattern>`.
struct GlobTests {
  @Test(
    "matches",
    arguments: [
      ("gpt-4o*", "gpt-4o", true),
      ("gpt-4o*", "gpt-4o-mini", true),
      ("gpt-4o*", "gpt-4", false),
      ("GPT-4O*", "gpt-4o-mini", true),
      ("*mini", "gpt-4o-mini", true),
      ("*mini", "gpt-4o-mini-2024", false),
      ("*-4?-*", "gpt-4o-mini", true),
      ("?3", "o3", true),
      ("?3", "o33", false),
      ("o[134]-mini", "o3-mini", true),
      ("o[134]-mini", "o2-mini", false),
      ("o[1-3]", "o2", true),
      ("o[!1-3]", "o2", false),
      ("o[^1-3]", "o4", true),
      ("a[b", "a[b", true),
      ("*", "", true),
      ("", "", true),
      ("", "x", false),
      ("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
      ("Qwen/*", "Qwen/Qwen3-32B", true),
    ])
  func matches(_ pattern: String, _ text: String, _ expected: Bool) {
    #expect(Glob.matches(pattern, text) == expected)
  }

  @Test("isPattern", arguments: [("gpt*", true), ("o?", true), ("o[13]", true), ("gpt-4o", false)])
  func isPattern(_ text: String, _ expected: Bool) {
    #expect(Glob.isPattern(text) == expected)
  }
}
