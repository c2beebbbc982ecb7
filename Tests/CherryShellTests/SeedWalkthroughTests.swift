import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// The seed's whole offline flow, then a second shell on the same file (a reopen).
struct SeedWalkthroughTests {
  @Test func theSessionSurvivesAReopen() async throws {
    let harness = ShellHarness()
    let setup = """
      use deepseek
      key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4
      url https://api.deepseek.com/v2/
      url https://api.deepseek.com/v1/chat/completions#
      url https://api.deepseek.com
      + deepseek-chat deepseek-reasoner
      enable
      save

      """
    let first = await harness.run(setup)
    #expect(first.status == CherryShell.ExitStatus.success, "\(first.stderr)")
    let reopened = await harness.run("show\n")
    #expect(reopened.status == CherryShell.ExitStatus.success)
    let page = reopened.stdout
    #expect(page.contains("DeepSeek (deepseek)"))
    #expect(page.contains("switch    on"))
    #expect(page.contains("4 keys; the next request uses #1"))
    for number in 1...4 { #expect(page.contains("#\(number) ****")) }
    #expect(page.contains("https://api.deepseek.com/v1/chat/completions"))
    #expect(page.contains("2 models; 'test' uses deepseek-reasoner"))
    #expect(!page.contains("sk-xxxx"))
    let saved = try #require(try harness.savedSession()?.provider("deepseek"))
    #expect(saved.keys == ["sk-xxxx1", "sk-xxxx2", "sk-xxxx3", "sk-xxxx4"])
    #expect(saved.url == "https://api.deepseek.com")
    #expect(saved.models.map(\.id) == ["deepseek-chat", "deepseek-reasoner"])
    #expect(saved.enabled)
  }
}
