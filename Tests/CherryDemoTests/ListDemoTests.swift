import CherryDemo
import CherryKit
import Foundation
import Testing

/// Each style's model list, its paging and its shape.
@Suite struct ListDemoTests {
  @Test(arguments: APIStyle.allCases)
  func listsTheStandardModels(style: APIStyle) async throws {
    try await DemoStyle.withServer { server in
      var ids: [String] = []
      var target = DemoStyle.listTarget(style)
      // Follow the style's paging until the end (Anthropic: 20 a page; Gemini: 50).
      for _ in 0..<10 {
        let response = try await TestHTTPClient.request(
          port: server.port, "GET", target, headers: DemoStyle.headers(style, key: "demo-key-1"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        ids += try DemoStyle.listedIDs(style, response)
        let object = try response.object()
        if style == .anthropic, object["has_more"] as? Bool == true,
          let last = object["last_id"] as? String
        {
          target = DemoStyle.listTarget(style) + "?after_id=\(last)"
        } else if style == .gemini, let token = object["nextPageToken"] as? String {
          target = DemoStyle.listTarget(style) + "?pageToken=\(token)"
        } else {
          break
        }
      }
      #expect(ids == DemoModelCatalog.standard)
    }
  }

  @Test func anthropicPagesWithLimitAfterAndBefore() async throws {
    try await DemoStyle.withServer { server in
      let headers = DemoStyle.headers(.anthropic, key: "demo-key-2")
      let first = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models?limit=5", headers: headers
      ).object()
      #expect((first["data"] as? [[String: Any]])?.count == 5)
      #expect(first["has_more"] as? Bool == true)
      #expect(first["first_id"] as? String == DemoModelCatalog.standard[0])
      #expect(first["last_id"] as? String == DemoModelCatalog.standard[4])
      let data = first["data"] as? [[String: Any]] ?? []
      #expect(data.first?["type"] as? String == "model")
      #expect(data.first?["display_name"] is String)

      let last = DemoModelCatalog.standard[DemoModelCatalog.standard.count - 3]
      let tail = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models?limit=5&after_id=\(last)", headers: headers
      ).object()
      #expect((tail["data"] as? [[String: Any]])?.count == 2)
      #expect(tail["has_more"] as? Bool == false)

      let before = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models?limit=2&before_id=\(DemoModelCatalog.standard[3])",
        headers: headers
      ).object()
      #expect(before["first_id"] as? String == DemoModelCatalog.standard[1])
      #expect(before["has_more"] as? Bool == true)

      let bad = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models?limit=5000", headers: headers)
      #expect(bad.status == 400)
    }
  }

  @Test func geminiListHasPrefixedNamesMethodsAndPageTokens() async throws {
    try await DemoStyle.withServer { server in
      let headers = DemoStyle.headers(.gemini, key: "demo-key-1")
      let page = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models?pageSize=3", headers: headers
      ).object()
      let models = page["models"] as? [[String: Any]] ?? []
      #expect(models.count == 3)
      #expect(models.first?["name"] as? String == "models/gpt-4o")
      #expect(
        models.first?["supportedGenerationMethods"] as? [String] == [
          "generateContent", "countTokens",
        ])
      let token = try #require(page["nextPageToken"] as? String)
      let next = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models?pageSize=3&pageToken=\(token)", headers: headers
      ).object()
      let nextNames = (next["models"] as? [[String: Any]] ?? []).compactMap {
        $0["name"] as? String
      }
      #expect(nextNames.first == "models/o3-mini")

      let embedding = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models?pageSize=1000", headers: headers
      ).object()
      let entry = (embedding["models"] as? [[String: Any]] ?? []).first {
        $0["name"] as? String == "models/gemini-embedding-001"
      }
      #expect(entry?["supportedGenerationMethods"] as? [String] == ["embedContent"])
      #expect(embedding["nextPageToken"] == nil)

      let key = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models?key=demo-key-3")
      #expect(key.status == 200)
      let badToken = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1beta/models?pageToken=zzz", headers: headers)
      #expect(badToken.status == 400)
    }
  }

  @Test func servesTenThousandGeneratedModels() async throws {
    let models = DemoModelCatalog.generated(count: 10_000)
    #expect(Set(models).count == 10_000)
    #expect(models == DemoModelCatalog.generated(count: 10_000))
    try await DemoStyle.withServer(DemoConfiguration(models: models)) { server in
      let openai = try await TestHTTPClient.request(
        port: server.port, "GET", "/v1/models",
        headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(try DemoStyle.listedIDs(.openai, openai) == models)

      var anthropic: [String] = []
      var after = ""
      var pages = 0
      while pages < 20 {
        pages += 1
        let page = try await TestHTTPClient.request(
          port: server.port, "GET", "/v1/models?limit=1000" + after,
          headers: DemoStyle.headers(.anthropic, key: "demo-key-1"))
        anthropic += try DemoStyle.listedIDs(.anthropic, page)
        let object = try page.object()
        guard object["has_more"] as? Bool == true, let last = object["last_id"] as? String else {
          break
        }
        after = "&after_id=\(last)"
      }
      #expect(pages == 10)
      #expect(anthropic == models)
    }
  }

  @Test func listIsServedUnderAnyRootPath() async throws {
    try await DemoStyle.withServer { server in
      for style in APIStyle.allCases {
        let response = try await TestHTTPClient.request(
          port: server.port, "GET", DemoStyle.listTarget(style, prefix: "/gw/\(style.rawValue)"),
          headers: DemoStyle.headers(style, key: "demo-key-1"))
        #expect(response.status == 200, "\(style)")
        #expect(try DemoStyle.listedIDs(style, response).isEmpty == false, "\(style)")
      }
      let unknown = try await TestHTTPClient.request(port: server.port, "GET", "/v1/nothing")
      #expect(unknown.status == 404)
    }
  }

  /// A path and whether the server serves it (every URL form of DESIGN §1.2 is).
  static let paths: [(String, Int)] = [
    ("/models", 200), ("/v1/models", 200), ("/gw/v2/models", 200), ("/api/v3/models", 200),
    ("/v1alpha/models", 200), ("/nowhere/models", 404), ("/gw/models", 404),
    ("/v1/nothing", 404),
  ]

  @Test(arguments: paths)
  func listPathsNeedTheRootOrAVersionSegment(path: String, status: Int) async throws {
    try await DemoStyle.withServer { server in
      let response = try await TestHTTPClient.request(
        port: server.port, "GET", path, headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(response.status == status)
      if status == 404 {
        #expect(try DemoStyle.errorMessage(.openai, response)?.contains(path) == true)
      }
    }
  }

  @Test func chatPathsUnderARootPathReachTheirStyle() async throws {
    try await DemoStyle.withServer { server in
      for style in APIStyle.allCases {
        let (target, body) = DemoStyle.chat(style, model: DemoStyle.chatModel(style), stream: false)
        let response = try await TestHTTPClient.request(
          port: server.port, "POST", "/gw/\(style.rawValue)" + target,
          headers: DemoStyle.headers(style, key: "demo-key-1"), body: body)
        #expect(response.status == 200, "\(style)")
        #expect(server.recordedRequests().last?.style == style)
      }
      let (target, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: false)
      let wrong = try await TestHTTPClient.request(
        port: server.port, "POST", "/nowhere" + target.replacingOccurrences(of: "/v1", with: ""),
        headers: DemoStyle.headers(.openai, key: "demo-key-1"), body: body)
      #expect(wrong.status == 404)
    }
  }
}
