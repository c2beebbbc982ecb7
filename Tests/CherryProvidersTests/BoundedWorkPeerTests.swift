import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// Work bounded whatever the input (issue 8): thousands of keys never start at once, and
/// a model list is capped at ``RequestDefaults/maxListedModels`` entries, counted before
/// anything is decoded.
struct BoundedWorkPeerTests {
  @Test("testing 3,000 keys keeps at most the bound in flight, and every key gets its answer")
  func manyKeys() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.keys = (1...3000).map { "sk-many-keys-\($0)-abcdefghijklmnop" }
      let results = await client.testAllKeys(provider, model: nil, timeout: 60, concurrency: 8)
      #expect(results.count == 3000)
      #expect(results.map(\.keyNumber) == (1...3000).map { $0 })
      // The demo server refuses these keys: each answer is a 401, never a lost connection.
      #expect(
        results.allSatisfy { $0.error?.kind == .auth },
        "\(results.compactMap(\.error?.summary).prefix(3))")
      let requests = server.recordedRequests()
      #expect(requests.count == 3000)
      #expect(Peer.maxOverlap(requests) <= 8)
    }
  }

  /// A `{"data":[…]}` body with `count` entries of the given text.
  static func list(_ count: Int, entry: (Int) -> String) -> [UInt8] {
    var body = Array(#"{"object":"list","data":["#.utf8)
    body.reserveCapacity(count * 16)
    for index in 0..<count {
      if index > 0 { body.append(UInt8(ascii: ",")) }
      body += entry(index).utf8
    }
    body += Array("]}".utf8)
    return body
  }

  /// Lists models from a loopback server that serves `body`.
  static func listModels(_ body: [UInt8]) async throws -> Result<[ListedModel], ProviderError> {
    let server = try LoopbackHTTPServer { _ in
      .reply(status: 200, headers: [("content-type", "application/json")], body: body)
    }
    defer { server.stop() }
    return try await Peer.withClient { client in
      var provider = Provider(id: "l", name: "L", style: .openai, url: server.url)
      provider.keys = ["sk-list-cap-test-0123456789"]
      do throws(ProviderError) {
        return .success(try await client.listModels(provider, keyIndex: 0))
      } catch {
        return .failure(error)
      }
    }
  }

  @Test("ten million empty entries (31 MB) are refused by count, not decoded")
  func degenerateList() async throws {
    let body = Self.list(10_000_000) { _ in "{}" }
    #expect(body.count < RequestDefaults.maxResponseBytes)
    let result = try await Self.listModels(body)
    guard case .failure(let error) = result else {
      Issue.record("the list must be refused")
      return
    }
    #expect(error.kind == .tooLarge, "\(error.message)")
    #expect(error.what.contains("more than 200000 models"))
  }

  @Test("a list of exactly the cap is kept; one more entry is refused")
  func capBoundary() async throws {
    let cap = RequestDefaults.maxListedModels
    let full = try await Self.listModels(Self.list(cap) { #"{"id":"m\#($0)"}"# })
    #expect((try? full.get().count) == cap)
    let over = try await Self.listModels(Self.list(cap + 1) { #"{"id":"m\#($0)"}"# })
    guard case .failure(let error) = over else {
      Issue.record("one entry over the cap must be refused")
      return
    }
    #expect(error.kind == .tooLarge)
  }
}
