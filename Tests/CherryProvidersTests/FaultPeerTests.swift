import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// Every fault of the demo server gives its own clear message (issue 4 "Tests").
struct FaultPeerTests {
  /// A fault, the operation that meets it, and the kind of error expected.
  struct Case: Sendable, CustomTestStringConvertible {
    var fault: DemoFault
    var listing: Bool
    var kind: ProviderError.Kind
    var testDescription: String { "\(fault.name) on \(listing ? "list" : "test")" }
  }

  static let cases: [Case] = [
    Case(fault: .unauthorized, listing: true, kind: .auth),
    Case(fault: .unauthorized, listing: false, kind: .auth),
    Case(fault: .notFound, listing: true, kind: .notFound),
    Case(fault: .notFound, listing: false, kind: .notFound),
    Case(fault: .rateLimited(retryAfterSeconds: 7), listing: true, kind: .rateLimit),
    Case(fault: .rateLimited(retryAfterSeconds: 7), listing: false, kind: .rateLimit),
    Case(fault: .serverError, listing: true, kind: .server),
    Case(fault: .serverError, listing: false, kind: .server),
    Case(fault: .malformedJSON, listing: true, kind: .malformed),
    Case(fault: .malformedJSON, listing: false, kind: .malformed),
    Case(fault: .stalledBody, listing: true, kind: .timeout),
    Case(fault: .stalledBody, listing: false, kind: .timeout),
    Case(fault: .droppedConnection, listing: true, kind: .connection),
    Case(fault: .droppedConnection, listing: false, kind: .connection),
    Case(fault: .oversizedBody(bytes: 4 << 20), listing: true, kind: .tooLarge),
  ]

  @Test("each fault gives its clear message", arguments: cases)
  func fault(_ testCase: Case) async throws {
    let configuration = DemoConfiguration(faults: [DemoFaultRule(testCase.fault)])
    let client = ClientConfiguration(maxResponseBytes: 1 << 20)
    try await Peer.withDemo(configuration, client: client) { _, session, client in
      var provider = Peer.provider(.openai, in: session)
      // A short limit only where the fault is a stall: the others answer at once,
      // and a busy machine must not turn them into timeouts.
      let stalls = testCase.fault == .stalledBody
      let limit: Double = stalls ? 1 : 30
      provider.timeout = limit  // the list's idle limit
      let outcome: ProviderError?
      if testCase.listing {
        do {
          _ = try await client.listModels(provider, keyIndex: 0)
          outcome = nil
        } catch let caught as ProviderError {
          outcome = caught
        }
      } else {
        outcome = await client.test(
          provider, model: Peer.model("gpt-4o"), keyIndex: 0, timeout: limit
        )
        .error
      }
      let failure = try #require(outcome)
      #expect(failure.kind == testCase.kind, "\(failure.message)")
      #expect(failure.message.contains("127.0.0.1"))
      #expect(!failure.message.contains(DemoSession.keys[0]))
      #expect(failure.message.split(separator: "\n").count == 2)
      if case .rateLimited = testCase.fault {
        #expect(failure.hint.contains("7"))
      }
      if [.auth, .notFound, .rateLimit, .server].contains(testCase.kind) {
        #expect(failure.providerMessage?.contains("demo fault") == true)
      }
    }
  }

  @Test("an unknown model is named, with the seed's advice", arguments: APIStyle.allCases)
  func unknownModel(style: APIStyle) async throws {
    try await Peer.withDemo { _, session, client in
      let provider = Peer.provider(style, in: session)
      let result = await client.test(
        provider, model: Peer.model("no-such-model"), keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .unknownModel, "\(failure.message)")
      #expect(failure.hint.contains("no-such-model"))
      #expect(failure.hint.contains("manage"))
      #expect(failure.hint.contains("- no-such-model"))
      #expect(failure.hint.contains("test <"))
    }
  }

  @Test("a wrong key is reported in every style's error shape", arguments: APIStyle.allCases)
  func wrongKey(style: APIStyle) async throws {
    try await Peer.withDemo(DemoConfiguration(ollamaNeedsKey: true)) { _, session, client in
      var provider = Peer.provider(style, in: session)
      provider.keys = ["sk-not-a-demo-key-abcdef123456"]
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 5)
      let failure = try #require(result.error)
      #expect(failure.kind == .auth, "\(failure.message)")
      #expect(failure.maskedKey == KeyMask.mask("sk-not-a-demo-key-abcdef123456"))
      #expect(!failure.message.contains("sk-not-a-demo-key-abcdef123456"))
    }
  }
}
