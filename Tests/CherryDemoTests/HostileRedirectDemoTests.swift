import CherryDemo
import CherryKit
import Foundation
import Testing

/// Hostile redirects (issue 8): to another loopback host, another port, the same
/// origin, or https; by path prefix or by provider; the other origin is real.
@Suite struct HostileRedirectDemoTests {
  static let headers = DemoStyle.headers(.openai, key: "demo-key-1")

  @Test(arguments: [301, 302, 303, 307, 308])
  func aRedirectByPathKeepsThePathAndQuery(status: Int) async throws {
    let rule = DemoHostileRule(
      .redirect(status: status, to: .otherHost("127.0.0.2", port: nil)), pathPrefix: "/evil")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let moved = try await TestHTTPClient.request(
        port: server.port, "GET", "/evil/v1/models?limit=5", headers: Self.headers)
      #expect(moved.status == status)
      #expect(moved.headers["location"] == "http://127.0.0.2:\(server.port)/v1/models?limit=5")
      // Outside the prefix (and under a longer name) nothing changes.
      for path in ["/v1/models", "/evilness/v1/models"] {
        let plain = try await TestHTTPClient.request(
          port: server.port, "GET", path, headers: Self.headers)
        #expect(plain.status == 200, "\(path)")
      }
      #expect(server.recordedRequests().first?.status == status)
    }
  }

  struct Target: Sendable, CustomTestStringConvertible {
    var target: DemoRedirectTarget
    var location: @Sendable (Int) -> String
    var testDescription: String { "\(target)" }
  }

  static let targets: [Target] = [
    Target(target: .otherHost("127.0.0.3", port: 8_080)) { _ in
      "http://127.0.0.3:8080/v1/models"
    },
    Target(target: .otherPort(9)) { _ in "http://127.0.0.1:9/v1/models" },
    Target(target: .sameOrigin) { "http://127.0.0.1:\($0)/v1/models" },
    Target(target: .otherScheme) { "https://127.0.0.1:\($0)/v1/models" },
  ]

  @Test(arguments: targets)
  func eachTargetHasItsLocation(_ row: Target) async throws {
    let rule = DemoHostileRule(.redirect(status: 302, to: row.target), pathPrefix: "/evil")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let moved = try await TestHTTPClient.request(
        port: server.port, "GET", "/evil/v1/models", headers: Self.headers)
      #expect(moved.status == 302)
      #expect(moved.headers["location"] == row.location(server.port))
    }
  }

  @Test func aSameOriginRedirectWithoutAPrefixLoops() async throws {
    let rule = DemoHostileRule(.redirect(status: 307, to: .sameOrigin), provider: "demo-openai")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let moved = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: Self.headers)
      #expect(moved.headers["location"] == server.url + "/v1/models")
    }
  }

  @Test func aRedirectByProviderLeavesTheOthersAlone() async throws {
    let rule = DemoHostileRule(
      .redirect(status: 308, to: .otherHost("127.0.0.2", port: nil)), provider: "demo-anthropic")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let anthropic = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.anthropic, key: "demo-key-1"))
      #expect(anthropic.status == 308)
      let openai = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models", headers: Self.headers)
      #expect(openai.status == 200)
    }
  }

  @Test func theOtherOriginIsARealServerOn127002() async throws {
    let rule = DemoHostileRule(
      .redirect(status: 307, to: .otherHost("127.0.0.2", port: nil)), pathPrefix: "/evil")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      // The same port on another loopback host: a different origin, and a server
      // that records whatever a client that follows the redirect would send it.
      let other = try await DemoServer.start(
        configuration: DemoConfiguration(port: server.port, host: "127.0.0.2"))
      do {
        #expect(other.url == "http://127.0.0.2:\(server.port)")
        let moved = try await TestHTTPClient.request(
          port: server.port, "GET", "/evil/v1/models", headers: Self.headers)
        let location = try #require(moved.headers["location"])
        #expect(location.hasPrefix(other.url))
        let followed = try await TestHTTPClient.request(
          port: other.port, host: "127.0.0.2", "GET", String(location.dropFirst(other.url.count)),
          headers: Self.headers)
        #expect(followed.status == 200)
        #expect(other.recordedRequests().map(\.key) == ["demo-key-1"])
        #expect(server.recordedRequests().count == 1)
      } catch {
        try await other.stop()
        throw error
      }
      try await other.stop()
    }
  }

  @Test(arguments: ["0.0.0.0", "10.0.0.1", "localhost", "127.0.0", "127.0.0.256", "::1"])
  func onlyLoopbackAddressesAreServed(host: String) async {
    await #expect(throws: DemoServerError.notLoopback(host)) {
      try await DemoServer.start(configuration: DemoConfiguration(host: host))
    }
  }
}
