import Foundation
import Testing

/// Persistent history at `$CHERRY_HOME/history` (DESIGN §2.4).
@Suite(.enabled(if: TerminalTestGate.enabled, TerminalTestGate.reason))
struct HistoryTerminalTests {
  @Test("Up recalls a line typed in the previous run")
  func upRecallsPreviousRun() async throws {
    let home = try TemporaryHome()
    do {
      let first = try TerminalSession(home: home)
      try await first.command("help use")
      try first.press("C-d")
      #expect(try await first.exitStatus() == 0)
    }

    let second = try TerminalSession(home: home)
    try await second.waitForPrompt(after: 0)
    try second.press("Up")
    try await second.waitUntil("Up to recall `help use` from the previous run") {
      $0.lastPrompt?.typed == "help use"
    }
  }

  @Test("a key typed at the prompt is stored masked, in a file only the user can read")
  func keyNeverReachesHistoryWhole() async throws {
    let key = "sk-abcdefghijklmnopqrstuvwx1234"
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.command("use deepseek")
    try await session.command("key \(key)")
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)

    let path = home.historyFile.path
    let history = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!history.contains(key), "the history holds the whole key:\n\(history)")
    #expect(!history.contains("abcdefghijklmnopqrstuvwx"), "the history holds the key's middle")
    // libedit vis-encodes each entry: a space is stored as \040.
    #expect(history.contains("key\\040"), "the key line was not recorded at all:\n\(history)")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    #expect(mode == 0o600, "history mode is \(String(mode, radix: 8)), not 600")
  }

  @Test("secrets that do not look like keys never reach the history, by value")
  func secretsOfAnyShapeNeverReachHistory() async throws {
    let key = "correct-horse-battery-staple-42"
    let header = "Bearer quietlylongvalue"
    let password = "pwQUIETPASS2024"
    let home = try TemporaryHome()
    let session = try TerminalSession(home: home)
    try await session.command("use deepseek")
    try await session.command("key \(key)")
    try await session.command("header set X-Team \(header)")
    try await session.command("url http://me:\(password)@127.0.0.1:9/v1")
    try await session.command("echo \(key)")  // an unknown command repeating the key
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
    let history = try String(contentsOfFile: home.historyFile.path, encoding: .utf8)
    for secret in [key, "quietlylongvalue", password] {
      #expect(!history.contains(secret), "the history holds \(secret):\n\(history)")
    }
  }

  @Test("a history written before masking by value is masked at the next start")
  func oldHistoryIsMaskedAtStart() async throws {
    let key = "correct-horse-battery-staple-42"
    let home = try TemporaryHome()
    // A session that holds the key, and a history an older cherry wrote whole.
    do {
      let setup = try TerminalSession(
        home: home, arguments: ["-c", "use deepseek", "-c", "key \(key)"])
      #expect(try await setup.exitStatus() == 0)
    }
    let old = "_HiStOrY_V2_\nuse\\040deepseek\nkey\\040\(key)\n"
    try old.write(toFile: home.historyFile.path, atomically: true, encoding: .utf8)
    let session = try TerminalSession(home: home)
    try await session.waitForPrompt(after: 0)
    try session.press("C-d")
    #expect(try await session.exitStatus() == 0)
    let history = try String(contentsOfFile: home.historyFile.path, encoding: .utf8)
    #expect(!history.contains(key), "\(history)")
    #expect(history.contains("key\\040"), "\(history)")
  }
}
