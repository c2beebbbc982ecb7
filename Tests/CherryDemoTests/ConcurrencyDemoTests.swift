import CherryDemo
import CherryKit
import Foundation
import Testing

/// Many connections at once, keep-alive, and a clean stop.
@Suite struct ConcurrencyDemoTests {
  @Test func concurrentRequestsOverlap() async throws {
    try await DemoStyle.withServer(DemoConfiguration(latencyMilliseconds: 300)) { server in
      let port = server.port
      let count = 32
      let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
        for index in 0..<count {
          group.addTask {
            let style = APIStyle.allCases[index % APIStyle.allCases.count]
            let key = DemoSession.keys[index % DemoSession.keys.count]
            return try await TestHTTPClient.request(
              port: port, "GET", DemoStyle.listTarget(style),
              headers: DemoStyle.headers(style, key: key),
              timeout: 30
            ).status
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(statuses.count == count)
      #expect(statuses.allSatisfy { $0 == 200 })
      let records = server.recordedRequests()
      #expect(records.count == count)
      // Every request waited 300 ms on the server: run one after another they
      // could not overlap; run concurrently, they do (a straggler or two may
      // arrive late on a 2-core machine, so not all of them need to).
      let overlapping = records.filter { record in
        records.contains { $0.id != record.id && $0.overlaps(record) }
      }
      #expect(overlapping.count >= count - 4)
      let most = records.map { record in records.filter { $0.overlaps(record) }.count }.max() ?? 0
      #expect(most >= 8)
    }
  }

  @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
    try await DemoStyle.withServer { server in
      let port = server.port
      let statuses = try await TestHTTPClient.onThread {
        let client = try TestHTTPClient(port: port)
        var statuses: [Int] = []
        for style in APIStyle.allCases {
          let (target, body) = DemoStyle.chat(
            style, model: DemoStyle.chatModel(style), stream: true)
          statuses.append(
            try client.exchange(
              "POST", target, headers: DemoStyle.headers(style, key: "demo-key-1"), body: body
            ).status)
          statuses.append(
            try client.exchange(
              "GET", DemoStyle.listTarget(style),
              headers: DemoStyle.headers(style, key: "demo-key-1")
            ).status)
        }
        statuses.append(try client.exchange("GET", "/v1/models").status)
        return statuses
      }
      #expect(statuses == Array(repeating: 200, count: 12) + [401])
    }
  }

  @Test func stopRefusesNewConnections() async throws {
    let server = try await DemoServer.start()
    let port = server.port
    #expect(port > 0)
    let response = try await TestHTTPClient.request(port: port, "GET", "/_demo/health")
    #expect(response.status == 200)
    try await server.stop()
    #expect(TestHTTPClient.refuses(port: port))
  }

  @Test func aFixedPortIsUsed() async throws {
    // A port below the kernel's ephemeral range (32768 and up), so that no client
    // socket or port-0 server of a test running alongside can take it meanwhile;
    // one taken by some other program is skipped.
    for requested in (20_000..<30_000).shuffled().prefix(50) {
      guard
        let server = try? await DemoServer.start(configuration: DemoConfiguration(port: requested))
      else { continue }
      #expect(server.port == requested)
      #expect(server.url == "http://127.0.0.1:\(requested)")
      try await server.stop()
      return
    }
    Issue.record("no port between 20000 and 30000 could be bound")
  }
}
