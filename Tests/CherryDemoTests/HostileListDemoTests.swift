import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Huge and degenerate lists, answers that stop midway, and reaching the hostile
/// modes from outside the process (issue 8).
@Suite struct HostileListDemoTests {
  static let headers = DemoStyle.headers(.openai, key: "demo-key-1")

  /// The model-list answer of a style under one hostile list.
  static func list(
    _ list: DemoHostileList, style: APIStyle = .openai, countOnly: Bool = false
  ) async throws -> TestResponse {
    let rule = DemoHostileRule(.list(list))
    return try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      try await DemoStyle.sendList(server, style, timeout: 60, countOnly: countOnly)
    }
  }

  /// The field a style's list is in.
  static func field(_ style: APIStyle) -> String {
    style == .gemini || style == .ollama ? "models" : "data"
  }

  @Test func tenMillionEmptyObjectsAre30MB() async throws {
    let count = 10_000_000
    let response = try await Self.list(.emptyObjects(count: count), countOnly: true)
    #expect(response.status == 200)
    let envelope = #"{"object":"list","data":[]}"#.utf8.count
    #expect(response.byteCount == envelope + 2 + 3 * (count - 1))
  }

  @Test(arguments: APIStyle.allCases)
  func emptyObjectsAreInTheStylesField(style: APIStyle) async throws {
    let response = try await Self.list(.emptyObjects(count: 5), style: style)
    let items = try response.object()[Self.field(style)] as? [[String: Any]]
    #expect(items?.count == 5)
    #expect(items?.allSatisfy(\.isEmpty) == true)
  }

  @Test(arguments: APIStyle.allCases)
  func entriesHaveTheStylesOwnShape(style: APIStyle) async throws {
    let response = try await Self.list(.entries(count: 3), style: style)
    #expect(
      try DemoStyle.listedIDs(style, response) == [
        "hostile-model-0000001", "hostile-model-0000002", "hostile-model-0000003",
      ])
    if style == .anthropic { #expect(try response.object()["has_more"] as? Bool == false) }
  }

  @Test func listsBeyond200000Entries() async throws {
    let response = try await Self.list(.entries(count: 200_001))
    let ids = try DemoStyle.listedIDs(.openai, response)
    #expect(ids.count == 200_001)
    #expect(ids.last == "hostile-model-0200001")
    #expect(Set(ids).count == ids.count)
  }

  @Test(arguments: [#"{}"#, #""text""#, "null", "42", #"{"id":"gpt-4o"}"#])
  func aListThatIsNotAnArray(json: String) async throws {
    let response = try await Self.list(.notArray(json))
    #expect(response.body == #"{"object":"list","data":"# + json + "}")
    #expect(!(try response.object()["data"] is [Any]))
  }

  @Test func deeplyNestedArrays() async throws {
    let small = try await Self.list(.nested(depth: 4))
    #expect(small.body == #"{"object":"list","data":[[[[]]]]}"#)
    let deep = try await Self.list(.nested(depth: 100_000), countOnly: true)
    #expect(deep.byteCount == #"{"object":"list","data":}"#.utf8.count + 200_000)
  }

  @Test func otherRequestsAreAnsweredAsUsual() async throws {
    let rule = DemoHostileRule(.list(.emptyObjects(count: 10)))
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      let chat = try await DemoStyle.sendChat(server, .openai)
      #expect(chat.status == 200)
    }
  }

  // MARK: - Stopping midway

  @Test func aBodyStopsHalfwayThroughItsLength() async throws {
    let rule = DemoHostileRule(.stopMidway, provider: "demo-openai")
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server in
      await #expect(throws: TestHTTPError.closed(statusSeen: 200)) {
        try await TestHTTPClient.request(
          port: server.port, "GET", "/v1/models", headers: Self.headers)
      }
      #expect(await Polling.until { server.recordedRequests().first?.end != nil })
      #expect(server.recordedRequests().first?.status == 200)
      // Another provider is whole.
      let gemini = try await DemoStyle.sendList(server, .gemini)
      #expect(gemini.status == 200)
    }
  }

  @Test(arguments: APIStyle.allCases)
  func aStreamStopsMidway(style: APIStyle) async throws {
    let rule = DemoHostileRule(.stopMidway)
    try await DemoStyle.withServer(DemoConfiguration(hostileRules: [rule])) { server -> Void in
      await #expect(throws: TestHTTPError.closed(statusSeen: 200)) {
        try await DemoStyle.sendChat(server, style)
      }
    }
  }

  // MARK: - From outside the process

  struct Words: Sendable, CustomTestStringConvertible {
    var text: String
    var hostility: DemoHostility?
    var testDescription: String { text }
  }

  static let words: [Words] = [
    Words(
      text: "redirect 307 other-host",
      hostility: .redirect(
        status: 307, to: .otherHost("127.0.0.2", port: nil))),
    Words(
      text: "redirect 301 other-host 127.0.0.3 8080",
      hostility: .redirect(
        status: 301, to: .otherHost("127.0.0.3", port: 8_080))),
    Words(text: "redirect 302 other-port 9", hostility: .redirect(status: 302, to: .otherPort(9))),
    Words(text: "redirect 308 same-origin", hostility: .redirect(status: 308, to: .sameOrigin)),
    Words(text: "redirect 303 https", hostility: .redirect(status: 303, to: .otherScheme)),
    Words(text: "escapes", hostility: .escapes),
    Words(text: "echo-key", hostility: .echoKey(offset: 290)),
    Words(text: "echo-key 10", hostility: .echoKey(offset: 10)),
    Words(text: "list empty-objects", hostility: .list(.emptyObjects(count: 10_000_000))),
    Words(text: "list entries", hostility: .list(.entries(count: 200_001))),
    Words(text: "list entries 7", hostility: .list(.entries(count: 7))),
    Words(text: "list not-array", hostility: .list(.notArray("{}"))),
    Words(text: "list not-array null", hostility: .list(.notArray("null"))),
    Words(text: "list nested 3", hostility: .list(.nested(depth: 3))),
    Words(text: "stop-midway", hostility: .stopMidway),
    Words(text: "redirect 200 same-origin", hostility: nil),
    Words(text: "redirect 302 other-port", hostility: nil),
    Words(text: "list entries many", hostility: nil),
    Words(text: "escapes please", hostility: nil),
    Words(text: "teapot", hostility: nil),
    Words(text: "", hostility: nil),
  ]

  @Test(arguments: words)
  func hostileWordsParse(_ row: Words) {
    #expect(DemoHostility.parse(row.text) == row.hostility)
  }

  @Test func theControlRouteAddsAndClearsRules() async throws {
    try await DemoStyle.withServer { server in
      let set = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/hostile",
        body: #"{"hostile":"redirect 302 other-port 9","path":"/evil"}"#)
      #expect(set.status == 200)
      #expect(
        server.hostileRules == [
          DemoHostileRule(.redirect(status: 302, to: .otherPort(9)), pathPrefix: "/evil")
        ])
      let moved = try await TestHTTPClient.request(
        port: server.port, "GET", "/evil/v1/models", headers: Self.headers)
      #expect(moved.headers["location"] == "http://127.0.0.1:9/v1/models")
      let bad = try await TestHTTPClient.request(
        port: server.port, "POST", "/_demo/hostile", body: #"{"hostile":"teapot"}"#)
      #expect(bad.status == 400)
      #expect(bad.body.contains("stop-midway"))
      let cleared = try await TestHTTPClient.request(port: server.port, "DELETE", "/_demo/hostile")
      #expect(cleared.status == 200)
      #expect(server.hostileRules.isEmpty)
    }
  }
}
