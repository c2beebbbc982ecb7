import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Secrets of every shape (issue 8): keys, a header value and URL passwords that
/// do not look like keys at all are never printed — on stdout, stderr, `--echo`,
/// traces, errors, JSON or `dump` — except where asked for (`dump --with-keys`)
/// and in the session file itself.
struct CanaryTests {
  /// Random secrets of shapes a key heuristic would miss.
  struct Canaries {
    let keys: [String]
    let header: String
    let urlPassword: String
    let proxyPassword: String
    let anthropicPassword: String

    var all: [String] { keys + [header, urlPassword, proxyPassword, anthropicPassword] }

    init() {
      func word(_ length: Int, _ alphabet: String) -> String {
        String((0..<length).map { _ in alphabet.randomElement() ?? "x" })
      }
      let words = ["correct", "horse", "battery", "staple", "river", "lamp"]
      keys = [
        (0..<4).map { _ in words.randomElement() ?? "x" }.joined(separator: "-")
          + "-\(Int.random(in: 10...99))",
        word(24, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        "Tok" + word(13, "0123456789") + "_" + word(6, "abcdef"),
      ]
      header = "Bearer " + word(20, "abcdefghijklmnopqrstuvwxyz")
      urlPassword = "pw" + word(14, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
      proxyPassword = "px" + word(14, "abcdefghijkmnopqrstuvwxyz23456789")
      anthropicPassword = "ap" + word(14, "abcdefghijkmnopqrstuvwxyz23456789")
    }
  }

  static func script(_ c: Canaries, port: Int, deadPort: Int) -> String {
    """
    provider add canary --type openai --url http://user:\(c.urlPassword)@127.0.0.1:\(port)/v1
    key \(c.keys[0]),\(c.keys[1])
    key add \(c.keys[2])
    header set X-Custom \(c.header)
    proxy http://puser:\(c.proxyPassword)@127.0.0.1:\(deadPort)
    anthropic-url http://auser:\(c.anthropicPassword)@127.0.0.1:\(deadPort)/anthropic
    show
    proxy off
    set trace on
    manage
    + gpt-4o
    test
    check
    key list
    url
    providers
    models
    session
    dump
    history
    explain url
    explain keys
    bogus \(c.keys[1])
    key \(c.keys[0])，\(c.keys[1])
    """
  }

  @Test(arguments: [[String](), ["--echo"], ["--echo", "--json"]])
  func noSecretIsEverPrinted(_ flags: [String]) async throws {
    let canaries = Canaries()
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      let file = cherry.folder.write(
        "canary.cherryrc",
        Self.script(canaries, port: server.port, deadPort: try EndToEnd.deadPort()) + "\n")
      let run = try await cherry.start(["--no-rc", "--keep-going"] + flags + ["-f", file])
      #expect(run.stdout.contains("canary"), "the script did not run: \(run.stderr)")
      #expect(run.stderr.contains("trace:"), "no trace was printed")
      for secret in canaries.all {
        #expect(!run.stdout.contains(secret), "stdout shows \(secret)")
        #expect(!run.stderr.contains(secret), "stderr shows \(secret)")
      }
      // The session file holds them (it is the one place), mode 0600.
      let saved = try String(contentsOfFile: cherry.sessionPath, encoding: .utf8)
      #expect(canaries.keys.allSatisfy { saved.contains($0) })
      // dump --with-keys is where they are asked for.
      let dump = try await cherry.start(["--no-rc", "-c", "use canary", "-c", "dump --with-keys"])
      #expect(canaries.keys.allSatisfy { dump.stdout.contains($0) }, "\(dump.stdout)")
    }
  }
}
