import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Faults: each in each style's shape, the broken transports, and run-time control.
@Suite struct FaultDemoTests {
  @Test(
    arguments: APIStyle.allCases,
    [DemoFault.unauthorized, .notFound, .rateLimited(retryAfterSeconds: 7), .serverError])
  func httpFaultsAnswerInTheStylesShape(style: APIStyle, fault: DemoFault) async throws {
    try await DemoStyle.withServer(DemoConfiguration(faults: [DemoFaultRule(fault)])) { server in
      let response = try await TestHTTPClient.request(
        port: server.port, "GET", DemoStyle.listTarget(style),
        headers: DemoStyle.headers(style, key: "demo-key-1"))
      #expect(response.status == Int(fault.name))
      let message = try DemoStyle.errorMessage(style, response)
      #expect(message?.contains("demo fault \(fault.name)") == true)
      if case .rateLimited = fault { #expect(response.headers["retry-after"] == "7") }
      let object = try response.object()
      switch style {
      case .anthropic: #expect(object["type"] as? String == "error")
      case .gemini: #expect((object["error"] as? [String: Any])?["code"] as? Int == Int(fault.name))
      case .azureOpenAI: #expect((object["error"] as? [String: Any])?["code"] is String)
      case .ollama: #expect(object["error"] is String)
      case .openai, .openaiResponse: #expect((object["error"] as? [String: Any])?["type"] is String)
      }
    }
  }

  @Test func malformedJSONIsA200ThatDoesNotParse() async throws {
    try await DemoStyle.withServer(DemoConfiguration(faults: [DemoFaultRule(.malformedJSON)])) {
      server in
      let list = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(list.status == 200)
      #expect(throws: (any Error).self) { try list.json() }
      let (target, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: true)
      let stream = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: DemoStyle.headers(.openai, key: "demo-key-1"),
        body: body)
      #expect(stream.status == 200)
      #expect(throws: (any Error).self) { try stream.sseObjects() }
    }
  }

  @Test func stalledBodySendsTheHeadAndNeverFinishes() async throws {
    try await DemoStyle.withServer(DemoConfiguration(faults: [DemoFaultRule(.stalledBody)])) {
      server in
      await #expect(throws: TestHTTPError.timedOut(statusSeen: 200)) {
        try await TestHTTPClient.request(
          port: server.port, "GET", "/v1/models",
          headers: DemoStyle.headers(.openai, key: "demo-key-1"), timeout: 3)
      }
      // The client went away: the record is closed once the server notices.
      let ended = await Polling.until { server.recordedRequests().first?.end != nil }
      #expect(ended)
    }
  }

  @Test func stopClosesAStalledConnection() async throws {
    let server = try await DemoServer.start(
      configuration: DemoConfiguration(faults: [DemoFaultRule(.stalledBody)]))
    let port = server.port
    let outcome = Task {
      try await TestHTTPClient.request(
        port: port, "GET", "/v1/models", headers: DemoStyle.headers(.openai, key: "demo-key-1"),
        timeout: 30)
    }
    #expect(await Polling.until { server.recordedRequests().count == 1 })
    try await server.stop()
    await #expect(throws: TestHTTPError.closed(statusSeen: 200)) { try await outcome.value }
    #expect(TestHTTPClient.refuses(port: port))
  }

  @Test func droppedConnectionClosesWithoutAResponse() async throws {
    try await DemoStyle.withServer(DemoConfiguration(faults: [DemoFaultRule(.droppedConnection)])) {
      server in
      await #expect(throws: TestHTTPError.closed(statusSeen: nil)) {
        try await TestHTTPClient.request(
          port: server.port, "GET", "/v1/models",
          headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      }
      #expect(server.recordedRequests().first?.status == nil)
    }
  }

  @Test func oversizedBodyIsStreamedInFull() async throws {
    try await DemoStyle.withServer(
      DemoConfiguration(faults: [
        DemoFaultRule(.oversizedBody(bytes: DemoFault.defaultOversizedBytes))
      ])
    ) { server in
      let response = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"),
        timeout: 60, countOnly: true)
      #expect(response.status == 200)
      #expect(response.byteCount >= DemoFault.defaultOversizedBytes - (64 << 10))
      #expect(response.byteCount <= DemoFault.defaultOversizedBytes + (64 << 10))
    }
  }

  @Test func faultRulesMatchStyleModelAndCount() async throws {
    try await DemoStyle.withServer { server in
      server.setFaults([
        DemoFaultRule(.serverError, style: .anthropic, times: 1),
        DemoFaultRule(.rateLimited(retryAfterSeconds: 1), model: "gpt-4o-mini"),
      ])
      let anthropicHeaders = DemoStyle.headers(.anthropic, key: "demo-key-1")
      let first = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: anthropicHeaders)
      let second = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: anthropicHeaders)
      #expect(first.status == 500)
      #expect(second.status == 200)
      let openai = DemoStyle.headers(.openai, key: "demo-key-1")
      let (target, _) = DemoStyle.chat(.openai, model: "", stream: false)
      let limited = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: openai,
        body: #"{"model":"gpt-4o-mini","messages":[]}"#)
      let fine = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: openai,
        body: #"{"model":"gpt-4o","messages":[]}"#)
      #expect(limited.status == 429)
      #expect(fine.status == 200)
      server.setFault(nil)
      #expect(server.faultRules.isEmpty)
    }
  }

  @Test func controlRoutesSetFaultsLatencyAndModels() async throws {
    try await DemoStyle.withServer { server in
      let headers = DemoStyle.headers(.openai, key: "demo-key-1")
      let set = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault",
        body: #"{"fault":"429","retryAfter":3,"times":1}"#)
      #expect(set.status == 200)
      let limited = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(limited.status == 429)
      #expect(limited.headers["retry-after"] == "3")
      let after = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(after.status == 200)

      _ = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault", body: #"{"fault":"500","style":"gemini"}"#)
      let gemini = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models",
        headers: DemoStyle.headers(.gemini, key: "demo-key-1"))
      #expect(gemini.status == 500)
      let cleared = try await TestHTTPClient.request(port: server.port, "DELETE", "/_demo/fault")
      #expect(cleared.status == 200)
      #expect(server.faultRules.isEmpty)

      let models = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/models", body: #"{"ids":["only-model"]}"#)
      #expect(models.status == 200)
      let list = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: headers)
      #expect(try DemoStyle.listedIDs(.openai, list) == ["only-model"])

      let latency = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/latency", body: #"{"ms":150}"#)
      #expect(latency.status == 200)
      let start = ContinuousClock.now
      _ = try await TestHTTPClient.request(port: server.port, "GET", "/v1/models", headers: headers)
      #expect(ContinuousClock.now - start >= .milliseconds(150))

      let unknown = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/fault", body: #"{"fault":"teapot"}"#)
      #expect(unknown.status == 400)
    }
  }

  @Test func faultNamesRoundTrip() {
    let faults: [DemoFault] = [
      .unauthorized, .notFound, .rateLimited(retryAfterSeconds: 1), .serverError, .malformedJSON,
      .stalledBody, .droppedConnection, .oversizedBody(bytes: DemoFault.defaultOversizedBytes),
      .slow(milliseconds: 1_000), .unknownModel,
    ]
    for fault in faults { #expect(DemoFault.named(fault.name) == fault) }
    #expect(DemoFault.named("teapot") == nil)
    #expect(DemoFault.named("off") == nil)
  }
}
