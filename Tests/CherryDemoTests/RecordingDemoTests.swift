import CherryDemo
import CherryKit
import Foundation
import Testing

/// What the server records: path with query, style, model, key, times; over HTTP too.
@Suite struct RecordingDemoTests {
  @Test func recordsEveryRequestWithItsDetails() async throws {
    try await DemoStyle.withServer { server in
      _ = try await TestHTTPClient.request(
        port: server.port, "GET", "/gw/anthropic/v1/models?limit=3",
        headers: DemoStyle.headers(.anthropic, key: "demo-key-2").merging(["x-trace": "on"]) { $1 })
      _ = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        headers: DemoStyle.headers(.gemini, key: "demo-key-3"), body: #"{"contents":[]}"#)
      _ = try await TestHTTPClient.request(
        port: server.port, "POST", "/v1/chat/completions",
        headers: DemoStyle.headers(.openai, key: "not-a-demo-key"),
        body: #"{"model":"gpt-4o","messages":[]}"#)
      _ = try await TestHTTPClient.request(
        port: server.port, "POST",
        "/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21",
        headers: DemoStyle.headers(.azureOpenAI, key: "demo-key-1"), body: #"{"messages":[]}"#)
      _ = try await TestHTTPClient.request(port: server.port, "GET", "/_demo/requests")

      let records = server.recordedRequests()
      #expect(records.count == 4)  // control routes are not recorded
      #expect(records.map(\.id) == [1, 2, 3, 4])
      #expect(records[0].method == "GET")
      #expect(records[0].target == "/gw/anthropic/v1/models?limit=3")
      #expect(records[0].path == "/gw/anthropic/v1/models")
      #expect(records[0].style == .anthropic)
      #expect(records[0].model == nil)
      #expect(records[0].key == "demo-key-2")
      #expect(records[0].keyNumber == 2)
      #expect(records[0].header("X-Trace") == "on")
      #expect(records[0].status == 200)
      #expect(records[1].style == .gemini)
      #expect(records[1].model == "gemini-2.5-flash")
      #expect(records[1].keyNumber == 3)
      #expect(records[2].key == "not-a-demo-key")
      #expect(records[2].keyNumber == nil)
      #expect(records[2].status == 401)
      #expect(records[2].body.contains("gpt-4o"))
      #expect(records[3].style == .azureOpenAI)
      #expect(records[3].model == "gpt-4o-mini")
      for record in records {
        let end = try #require(record.end)
        #expect(record.start <= end)
      }
      #expect(records[0].start <= records[1].start)
      server.clearRecordedRequests()
      #expect(server.recordedRequests().isEmpty)
    }
  }

  @Test func requestsRouteMasksKeys() async throws {
    try await DemoStyle.withServer { server in
      _ = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      let response = try await TestHTTPClient.request(port: server.port, "GET", "/_demo/requests")
      #expect(!response.body.contains("demo-key-1"))
      let records = try #require(try response.json() as? [[String: Any]])
      #expect(records.count == 1)
      #expect(records[0]["key"] as? String == "de****-1")
      #expect(records[0]["keyNumber"] as? Int == 1)
      #expect(records[0]["style"] as? String == "openai")
      #expect(records[0]["target"] as? String == "/v1/models")
      #expect(records[0]["endMs"] is Double)
      let cleared = try await TestHTTPClient.request(port: server.port, "DELETE", "/_demo/requests")
      #expect(cleared.status == 200)
      #expect(server.recordedRequests().isEmpty)
    }
  }

  @Test func latencyDelaysTheAnswerAndEachChunk() async throws {
    try await DemoStyle.withServer(DemoConfiguration(latencyMilliseconds: 60)) { server in
      let (target, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: true)
      let start = ContinuousClock.now
      _ = try await TestHTTPClient.request(
        port: server.port, "POST", target, headers: DemoStyle.headers(.openai, key: "demo-key-1"),
        body: body)
      // 60 ms before answering, then 60 ms between each of the 7 events.
      #expect(ContinuousClock.now - start >= .milliseconds(60 * 7))
    }
  }
}
