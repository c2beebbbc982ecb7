import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// `check`: models × keys, really concurrent, bounded, with the app's summary.
struct HealthCheckPeerTests {
  @Test("20 models × 3 keys run concurrently")
  func concurrent() async throws {
    let ids = (1...20).map { "gpt-4o-check-\($0)" }
    let configuration = DemoConfiguration(models: ids, latencyMilliseconds: 150)
    try await Peer.withDemo(configuration) { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.models = ids.map(Peer.model)
      let report = await client.check(provider, concurrency: 8, timeout: 10)
      #expect(report.rows.count == 20)
      #expect(report.rows.map(\.model) == ids)
      #expect(report.passedCount == 20, "\(report.rows.compactMap(\.errorSummary))")
      #expect(report.rows.allSatisfy { $0.results.count == 3 })
      let requests = server.recordedRequests()
      #expect(requests.count == 60)
      let overlap = Peer.maxOverlap(requests)
      #expect(overlap > 1)
      #expect(overlap >= 6, "max overlap \(overlap)")
    }
  }

  @Test("the summary counts passing, partly failing and failing models; rerank is skipped")
  func summary() async throws {
    try await Peer.withDemo { _, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.keys = [DemoSession.keys[0], "sk-wrong-key-for-check-12345"]
      provider.models = ["gpt-4o", "no-such-model", "bge-reranker-v2-m3"].map(Peer.model)
      let rows = TextCollector()
      let report = await client.check(provider, concurrency: 4, timeout: 10) {
        rows.append($0.model)
      }
      #expect(report.skipped == ["bge-reranker-v2-m3"])
      #expect(report.rows.map(\.model) == ["gpt-4o", "no-such-model"])
      #expect(report.passedCount == 0)
      #expect(report.someKeysFailingCount == 1)
      #expect(report.failingCount == 1)
      #expect(report.rows[0].latencyMs != nil)
      #expect(report.rows[1].errorSummary?.isEmpty == false)
      #expect(report.summary.contains("0 models passed"))
      #expect(Set(rows.all) == ["gpt-4o", "no-such-model"])
    }
  }
}
