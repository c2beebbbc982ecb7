import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Faults on demand, per demo provider (`demo fault`, `demo status`, `demo reset`).
@Suite struct ProviderFaultDemoTests {
  /// The demo provider of each style that sits at the server's root.
  static func provider(_ style: APIStyle) -> String {
    "demo-" + style.rawValue
  }

  @Test(arguments: APIStyle.allCases)
  func aFaultHitsItsProviderOnly(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      try server.setFault(.serverError, for: Self.provider(style))
      #expect(server.faults == [Self.provider(style): .serverError])
      for other in APIStyle.allCases {
        let response = try await DemoStyle.sendChat(server, other)
        #expect(response.status == (other == style ? 500 : 200), "\(other)")
      }
      try server.setFault(nil, for: Self.provider(style))
      #expect(server.faults.isEmpty)
      #expect(try await DemoStyle.sendChat(server, style).status == 200)
    }
  }

  @Test func theGatewayIsAProviderOfItsOwn() async throws {
    try await DemoStyle.withServer { server in
      try server.setFault(.unauthorized, for: "demo-gateway")
      let headers = DemoStyle.headers(.openai, key: "demo-key-1")
      let gateway = try await TestHTTPClient.request(
        port: server.port, "GET", "/gateway/llm/models", headers: headers)
      let root = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(gateway.status == 401)
      #expect(root.status == 200)
    }
  }

  @Test func aProviderThatIsNotADemoOneIsRefused() async throws {
    try await DemoStyle.withServer { server in
      #expect(throws: DemoFaultError.notADemoProvider("deepseek")) {
        try server.setFault(.serverError, for: "deepseek")
      }
      #expect(server.faultRules.isEmpty)
    }
  }

  @Test func aNewFaultReplacesTheOldOneAndStatusListsEach() async throws {
    try await DemoStyle.withServer { server in
      try server.setFault(.serverError, for: "demo-openai")
      try server.setFault(.rateLimited(retryAfterSeconds: 3), for: "demo-openai")
      try server.setFault(.droppedConnection, for: "demo-gemini")
      #expect(
        server.faults == [
          "demo-openai": .rateLimited(retryAfterSeconds: 3), "demo-gemini": .droppedConnection,
        ])
      #expect(server.faultRules.count == 2)
      let limited = try await DemoStyle.sendChat(server, .openai)
      #expect(limited.status == 429)
      #expect(limited.headers["retry-after"] == "3")
      await #expect(throws: TestHTTPError.closed(statusSeen: nil)) {
        try await DemoStyle.sendChat(server, .gemini)
      }
    }
  }

  @Test func resetPutsTheServerBackAsItStarted() async throws {
    let configuration = DemoConfiguration(faults: [DemoFaultRule(.notFound, style: .ollama)])
    try await DemoStyle.withServer(configuration) { server in
      _ = try await DemoStyle.sendChat(server, .anthropic)
      try server.setFault(.serverError, for: "demo-openai")
      server.setKeys(["other-key"])
      server.setModels(["only-model"])
      server.setLatency(milliseconds: 5_000)
      server.setHostileRules([DemoHostileRule(.escapes)])
      server.reset()
      #expect(server.faults.isEmpty)
      #expect(server.faultRules == configuration.faults)
      #expect(server.hostileRules.isEmpty)
      #expect(try await DemoStyle.sendChat(server, .openai).status == 200)
      #expect(try await DemoStyle.sendChat(server, .ollama).status == 404)
      // The records survive a reset: tests read them across it.
      #expect(server.recordedRequests().count == 3)
    }
  }

  @Test func slowDelaysTheAnswerAndEachChunk() async throws {
    try await DemoStyle.withServer(DemoConfiguration(streamChunks: 3)) { server in
      try server.setFault(.slow(milliseconds: 120), for: "demo-anthropic")
      let start = ContinuousClock.now
      let slow = try await DemoStyle.sendChat(server, .anthropic)
      let elapsed = ContinuousClock.now - start
      #expect(slow.status == 200)
      #expect(
        try DemoStyle.answerText(.anthropic, slow, stream: true)
          == DemoStyle.expectedAnswer(DemoStyle.chatModel(.anthropic)))
      // Before the answer, then between each of the stream's events.
      #expect(elapsed >= .milliseconds(120 * 2))
      // The record ends once the server has written the last chunk.
      #expect(await Polling.until { server.recordedRequests().first?.end != nil })
      let record = try #require(server.recordedRequests().first)
      let end = try #require(record.end)
      #expect(end - record.start >= .milliseconds(120 * 2))
    }
  }

  @Test(arguments: APIStyle.allCases)
  func wrongModelAnswersAsForAnUnknownModelInTheStylesShape(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      try server.setFault(.unknownModel, for: Self.provider(style))
      let response = try await DemoStyle.sendChat(server, style)
      #expect(response.status == 404)
      let message = try #require(try DemoStyle.errorMessage(style, response))
      let object = try response.object()
      let error = object["error"] as? [String: Any]
      switch style {
      case .openai, .openaiResponse:
        #expect(error?["code"] as? String == "model_not_found")
        #expect(message.contains("gpt-4o"))
      case .anthropic:
        #expect(error?["type"] as? String == "not_found_error")
        #expect(message.contains("claude-sonnet-4-5"))
      case .gemini:
        #expect(error?["status"] as? String == "NOT_FOUND")
        #expect(message.contains("models/gemini-2.5-flash"))
      case .ollama:
        #expect(message.contains("qwen3-32b"))
      case .azureOpenAI:
        #expect(error?["code"] as? String == "DeploymentNotFound")
      }
      // The model list is served as usual: `manage` works, `test` says "unknown model".
      let list = try await DemoStyle.sendList(server, style)
      #expect(list.status == 200)
      #expect(try DemoStyle.listedIDs(style, list).contains(DemoStyle.chatModel(style)))
    }
  }

  @Test func stallAndDropPerProvider() async throws {
    try await DemoStyle.withServer { server in
      try server.setFault(.stalledBody, for: "demo-openai-response")
      try server.setFault(.droppedConnection, for: "demo-azure-openai")
      await #expect(throws: TestHTTPError.timedOut(statusSeen: 200)) {
        try await DemoStyle.sendChat(server, .openaiResponse, timeout: 1)
      }
      await #expect(throws: TestHTTPError.closed(statusSeen: nil)) {
        try await DemoStyle.sendChat(server, .azureOpenAI)
      }
      #expect(try await DemoStyle.sendChat(server, .openai).status == 200)
    }
  }

  @Test func theControlRouteSetsTheSameFaults() async throws {
    try await DemoStyle.withServer { server in
      let set = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault",
        body: #"{"fault":"slow 250","provider":"demo-ollama"}"#)
      #expect(set.status == 200)
      #expect(server.faults == ["demo-ollama": .slow(milliseconds: 250)])
      let listed = try await TestHTTPClient.request(port: server.port, "GET", "/_demo/fault")
      let providers = try listed.object()["providers"] as? [String: String]
      #expect(providers == ["demo-ollama": "slow 250"])
      let refused = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault", body: #"{"fault":"401","provider":"deepseek"}"#)
      #expect(refused.status == 400)
      #expect(refused.body.contains("not a demo provider"))
      let off = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault",
        body: #"{"fault":"off","provider":"demo-ollama"}"#)
      #expect(off.status == 200)
      #expect(server.faults.isEmpty)
      try server.setFault(.serverError, for: "demo-openai")
      let reset = try await TestHTTPClient.request(port: server.port, "POST", "/_demo/reset")
      #expect(reset.status == 200)
      #expect(server.faults.isEmpty)
    }
  }
}
