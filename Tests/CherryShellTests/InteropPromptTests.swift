import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// A Cherry Studio link at the prompt shows what will change, with the key
/// masked, and asks, as the app's own dialog does (DESIGN §1.7).
struct InteropPromptTests {
  static let key = "sk-prompt-link-0123456789abcdef"

  /// A link for a new provider `team-gw`.
  static var link: String {
    let json = #"{"id":"team-gw","baseUrl":"https://gw.example.com/v1","apiKey":"\#(key)"}"#
    let data = Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "_")
      .replacingOccurrences(of: "/", with: "-")
    return "cherrystudio://providers/api-keys?v=1&data=" + data
  }

  @Test(arguments: [("y", true), ("n", false), ("", false)])
  func aLinkAsksFirst(answer: String, applied: Bool) async throws {
    let harness = ShellHarness()
    var asked: [String] = []
    let (run, _) = await harness.interactive([.line("import '\(Self.link)'"), .endOfFile]) {
      $0.readSecret = { prompt in
        asked.append(prompt)
        return answer
      }
    }
    #expect(asked == ["apply these changes? [y/N] "])
    #expect(run.stdout.contains("+ team-gw (team-gw): new provider, openai style, off"))
    #expect(!run.stdout.contains(Self.key) && !run.stderr.contains(Self.key))
    let saved = try harness.savedSession()
    #expect((saved?.provider("team-gw") != nil) == applied)
    #expect(saved?.provider("team-gw")?.enabled != true)
  }

  @Test func aScriptDoesNotAsk() async throws {
    let harness = ShellHarness()
    let run = await harness.run("import '\(Self.link)'\n") {
      $0.readSecret = { _ in
        Issue.record("a script asked")
        return "n"
      }
    }
    #expect(run.status == .success, "\(run.stderr)")
    #expect(try harness.savedSession()?.provider("team-gw")?.keys == [Self.key])
  }
}
