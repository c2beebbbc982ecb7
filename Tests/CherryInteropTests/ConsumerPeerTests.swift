import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Exports used by the real tools that make the requests (DESIGN §1.7): a LiteLLM
/// proxy started from `export litellm`, the `llm` command line with `export llm`,
/// the `openai` Python SDK with `export env`, all reaching llmock on loopback
/// through a recording proxy that sees which key each request carried.
@Suite(
  .serialized,
  .enabled(
    if: ConsumerPeers.available,
    "needs CHERRY_CONSUMERS_VENV and CHERRY_LLMOCK_URL (scripts/test sets both)"))
struct ConsumerPeerTests {
  static let keys = ["sk-peer-mock-key-one-0123456789", "sk-peer-mock-key-two-0123456789"]
  static let claudeKey = "sk-ant-peer-mockclaude-0123456789"
  static let masterKey = "sk-peer-master-key-0123456789abcdef"

  /// The variables the exports name for these keys (the names `dump` uses).
  static let environment = [
    "MOCK_API_KEY_1": keys[0], "MOCK_API_KEY_2": keys[1], "MOCKCLAUDE_API_KEY": claudeKey,
  ]

  /// A session with two providers on the recording proxy: OpenAI style with two
  /// keys, Anthropic style with one.
  static func setUp(_ home: InteropBinaryTests.Home, proxy: Int) throws {
    let result = try home.run([
      "provider add mock --type openai --url http://127.0.0.1:\(proxy)/v1",
      "key \(keys.joined(separator: ","))", "+ gpt-4o-mini", "enable",
      "provider add mockclaude --type anthropic --url http://127.0.0.1:\(proxy)/anthropic",
      "key \(claudeKey)", "+ claude-sonnet-4-6", "enable",
    ])
    try #require(result.status == 0, "\(result.stderr)")
  }

  @Test func liteLLMProxyServesTheExportWithEveryKeyAndImportsBack() async throws {
    let home = try InteropBinaryTests.Home()
    defer { home.folder.remove() }
    let proxy = try RecordingProxy.start(in: home.folder)
    try Self.setUp(home, proxy: proxy.port)
    let exported = try home.run(["export litellm --output config.yaml"])
    try #require(exported.status == 0, "\(exported.stderr)")
    for key in Self.keys + [Self.claudeKey] {
      #expect(!exported.stderr.contains(key) && !exported.stdout.contains(key))
    }

    let port = try ConsumerPeers.freePort()
    let litellm = try PeerServer(
      try ConsumerPeers.tool("litellm"),
      ["--config", home.folder.file("config.yaml"), "--host", "127.0.0.1", "--port", "\(port)"],
      environment: Self.environment.merging([
        "LITELLM_MASTER_KEY": Self.masterKey, "HOME": home.folder.path,
        "LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "True",
        "LITELLM_LOCAL_AUTOROUTER_PRESETS": "True", "LITELLM_LOCAL_POLICY_TEMPLATES": "True",
        "LITELLM_LOCAL_BLOG_POSTS": "True",
      ]) { $1 }, log: home.folder.file("litellm.log"))
    let ready = try await Polling.until(seconds: 180) {
      try ConsumerPeers.status("http://127.0.0.1:\(port)/health/liveliness") == 200
    }
    try #require(ready, "LiteLLM did not start:\n\(litellm.output.suffix(3_000))")

    // The router picks a deployment at random: 20 requests use both keys but
    // for a chance of 2 in a million.
    for _ in 0..<20 {
      let (status, body) = try ConsumerPeers.post(
        "http://127.0.0.1:\(port)/v1/chat/completions",
        json: #"{"model":"mock/gpt-4o-mini","messages":[{"role":"user","content":"ping"}]}"#,
        bearer: Self.masterKey)
      #expect(status == 200 && body.contains("received: ping"), "\(status) \(body)")
    }
    let (status, body) = try ConsumerPeers.post(
      "http://127.0.0.1:\(port)/v1/chat/completions",
      json:
        #"{"model":"mockclaude/claude-sonnet-4-6","messages":[{"role":"user","content":"ping"}]}"#,
      bearer: Self.masterKey)
    #expect(status == 200 && body.contains("ping"), "\(status) \(body)")

    let requests = try proxy.requests()
    let chat = requests.filter { $0["path"] == "/v1/chat/completions" }
    #expect(chat.count == 20)
    #expect(Set(chat.compactMap { $0["authorization"] }) == Set(Self.keys.map { "Bearer " + $0 }))
    let messages = requests.filter { $0["path"] == "/anthropic/v1/messages" }
    #expect(messages.count == 1 && messages.first?["x-api-key"] == Self.claudeKey)

    // The same file read back: the same providers, in a session that had none.
    let other = try InteropBinaryTests.Home()
    defer { other.folder.remove() }
    let imported = try other.run(["import litellm '\(home.folder.file("config.yaml"))'"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let original = try SessionStore(path: home.session).load().session
    let back = try SessionStore(path: other.session).load().session
    for id in ["mock", "mockclaude"] {
      let before = try #require(original.provider(id))
      let after = try #require(back.provider(id))
      #expect(after.style == before.style && after.url == before.url && after.name == before.name)
      #expect(after.models.map(\.id) == before.models.map(\.id))
      #expect(after.keys.count == before.keys.count)
      #expect(after.keys.allSatisfy { $0.hasPrefix("env:") } && !after.enabled)
    }
  }

  @Test func llmAnswersThroughTheExport() throws {
    let home = try InteropBinaryTests.Home()
    defer { home.folder.remove() }
    let proxy = try RecordingProxy.start(in: home.folder)
    try Self.setUp(home, proxy: proxy.port)
    let llmHome = home.folder.file("llm")
    try FileManager.default.createDirectory(atPath: llmHome, withIntermediateDirectories: true)
    let exported = try home.run(["export llm --output llm/extra-openai-models.yaml"])
    try #require(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stderr.contains(#"llm keys set mock --value "$MOCK_API_KEY_1""#))
    #expect(exported.stderr.contains("left out mockclaude"))

    let environment: [String: String?] = ["LLM_USER_PATH": llmHome, "HOME": home.folder.path]
    let set = try ProcessRunner.run(
      try ConsumerPeers.tool("llm"), ["keys", "set", "mock", "--value", Self.keys[0]],
      environment: environment)
    #expect(set.status == 0, "\(set.stderr)")
    let answer = try ProcessRunner.run(
      try ConsumerPeers.tool("llm"), ["-m", "mock/gpt-4o-mini", "ping"],
      environment: environment, deadline: 60)
    #expect(answer.status == 0, "\(answer.stderr)")
    #expect(answer.stdout.contains("received: ping"), "\(answer.stdout)")
    let chat = try proxy.requests().filter { $0["path"] == "/v1/chat/completions" }
    #expect(chat.map { $0["authorization"] } == ["Bearer " + Self.keys[0]])
  }

  @Test func openAISDKAnswersWithTheEnvExport() throws {
    let home = try InteropBinaryTests.Home()
    defer { home.folder.remove() }
    let proxy = try RecordingProxy.start(in: home.folder)
    try Self.setUp(home, proxy: proxy.port)
    let exported = try home.run(["export env mock"])
    try #require(exported.status == 0, "\(exported.stderr)")
    #expect(!exported.stdout.contains(Self.keys[0]))
    let program = """
      from openai import OpenAI
      reply = OpenAI().chat.completions.create(
          model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])
      print(reply.choices[0].message.content)
      """
    var environment: [String: String?] = ["HOME": home.folder.path]
    for (name, value) in Self.environment { environment[name] = value }
    let answer = try ProcessRunner.run(
      "/bin/bash",
      ["-c", "eval \"$EXPORTS\" && exec \"$PYTHON\" -c \"$PROGRAM\""],
      environment: environment.merging([
        "EXPORTS": exported.stdout, "PROGRAM": program,
        "PYTHON": try ConsumerPeers.tool("python"),
      ]) { $1 }, deadline: 60)
    #expect(answer.status == 0, "\(answer.stderr)")
    #expect(answer.stdout.contains("received: ping"), "\(answer.stdout)")
    let chat = try proxy.requests().filter { $0["path"] == "/v1/chat/completions" }
    #expect(chat.map { $0["authorization"] } == ["Bearer " + Self.keys[0]])
  }
}
