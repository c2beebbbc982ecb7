import CherryDemo
import CherryKit
import Foundation
import Testing

/// Hostile text (issue 8): terminal control and newlines in ids, names, errors and
/// answers, and error messages that echo the key.
@Suite struct HostileTextDemoTests {
  @Test(arguments: APIStyle.allCases)
  func escapesAreListedFirstInEveryStyle(style: APIStyle) async throws {
    let rule = DemoHostileRule(.escapes)
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let list = try await DemoStyle.sendList(server, style)
      #expect(list.status == 200)
      let ids = try DemoStyle.listedIDs(style, list)
      #expect(Array(ids.prefix(DemoHostileText.modelIDs.count)) == DemoHostileText.modelIDs)
      #expect(ids.contains(DemoStyle.chatModel(style)))
      if style == .anthropic {
        // Names are made from ids, so they carry the same control characters.
        let data = try list.object()["data"] as? [[String: Any]] ?? []
        let name = data.first?["display_name"] as? String ?? ""
        #expect(name.unicodeScalars.contains("\u{1B}"))
      }
    }
  }

  @Test(arguments: APIStyle.allCases, [true, false])
  func escapesEndEveryAnswer(style: APIStyle, stream: Bool) async throws {
    let rule = DemoHostileRule(.escapes)
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let model = DemoStyle.chatModel(style)
      let response = try await DemoStyle.sendChat(server, style, stream: stream)
      #expect(response.status == 200)
      #expect(
        try DemoStyle.answerText(style, response, stream: stream)
          == DemoStyle.expectedAnswer(model) + DemoHostileText.answerText)
    }
  }

  @Test(arguments: APIStyle.allCases)
  func escapesEndEveryErrorMessage(style: APIStyle) async throws {
    let rule = DemoHostileRule(.escapes)
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      // An unknown model: every style answers it, Ollama without a key too.
      let response = try await DemoStyle.sendChat(
        server, style, model: "no-such-model", stream: false)
      #expect(response.status == 404)
      let message = try #require(try DemoStyle.errorMessage(style, response))
      #expect(message.hasSuffix(DemoHostileText.errorText))
      #expect(message.contains("\n"))
    }
  }

  @Test func aHostileIdCanBeUsedAndEchoesItself() async throws {
    let rule = DemoHostileRule(.escapes, provider: "demo-openai")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let id = DemoHostileText.modelIDs[1]
      let body =
        #"{"model":\#(try jsonString(id)),"messages":[{"role":"user","content":"hi"}]}"#
      let response = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1/chat/completions",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"), body: body)
      #expect(response.status == 200)
      #expect(try DemoStyle.answerText(.openai, response, stream: false).contains(id))
      // Another provider is not hostile.
      let anthropic = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.anthropic, key: "demo-key-1"))
      #expect(!(try DemoStyle.listedIDs(.anthropic, anthropic)).contains(id))
    }
  }

  @Test func theSamplesCarryEveryAttack() {
    let all =
      DemoHostileText.modelIDs.joined() + DemoHostileText.errorText
      + DemoHostileText.answerText
    for scalar in DemoHostileText.controlScalars {
      #expect(all.unicodeScalars.contains(scalar), "\(scalar.value)")
    }
    #expect(DemoHostileText.modelIDs.contains { $0.contains("\n") })
    #expect(DemoHostileText.modelIDs.contains { $0.contains("*") && $0.contains("[") })
    #expect(DemoHostileText.modelIDs.contains { $0.contains("\u{1B}]52;") })
    #expect(DemoHostileText.modelIDs.contains { $0.contains("\u{1B}]0;") })
  }

  // MARK: - Echoed keys

  static let keys = [
    "sk-proj-" + String(repeating: "a1B2c3D4", count: 6),
    "correct-horse-battery",
    "abc12",
  ]

  @Test(arguments: APIStyle.allCases, keys)
  func anEchoedKeyIsInTheErrorMessage(style: APIStyle, key: String) async throws {
    let rule = DemoHostileRule(.echoKey(offset: 290))
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let response = try await DemoStyle.sendList(server, style, key: key)
      #expect(response.status == 401)
      let message = try #require(try DemoStyle.errorMessage(style, response))
      #expect(message == DemoHostileText.echo(key: key, offset: 290))
      let start = message.index(message.startIndex, offsetBy: 290)
      #expect(message[start...].hasPrefix(key))
      #expect(response.body.contains(key))
    }
  }

  @Test(arguments: [0, 28, 100, 250, 290])
  func anEchoMessageIs300CharactersWhenTheKeyFits(offset: Int) {
    let key = "correct-horse-battery"
    let message = DemoHostileText.echo(key: key, offset: offset)
    let start = max(offset, 28)
    let keyStart = message.index(message.startIndex, offsetBy: start)
    #expect(message[keyStart...].hasPrefix(key))
    let needed = start + key.count + ". You can find your API key in your account settings.".count
    #expect(message.count == max(DemoHostileText.echoLength, needed))
    #expect(message.contains("Incorrect API key provided: " + key))
  }
}

/// A value as a JSON string literal.
func jsonString(_ text: String) throws -> String {
  let array = String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
  return String(array.dropFirst().dropLast())
}
