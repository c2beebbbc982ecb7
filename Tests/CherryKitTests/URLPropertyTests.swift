import CherryKit
import PropertyBased
import Testing

/// Properties of the URL rules over generated URLs of every form and style.
struct URLPropertyTests {
  static let hosts = [
    "https://api.example.com", "http://localhost:11434", "https://gw.example.com:8443",
  ]
  /// Path segments, versions among them, and a few that look like versions but are not.
  static let segments = [
    "v1", "v2", "v3", "v1beta", "V1", "v2alpha", "api", "openai", "paas", "inference", "v1x",
    "v1.5", "x", "compatible-mode", "anthropic",
  ]
  static let endings = ["", "/", "#", "/#"]
  static let queries = ["", "?a=1", "?tenant=x&b=2"]

  static let host = Gen<String?>.element(of: hosts).map { $0 ?? "https://h" }
  static let path = Gen<String?>.element(of: segments).map { $0 ?? "x" }.array(of: 0...4)
  static let ending = Gen<String?>.element(of: endings).map { $0 ?? "" }
  static let query = Gen<String?>.element(of: queries).map { $0 ?? "" }
  static let style = Gen<APIStyle>.case

  /// The URL text: host, path, query, then the ending's `#` (a `/` goes before `?`).
  static func url(_ host: String, _ path: [String], _ ending: String, _ query: String) -> String {
    let slash = ending.hasPrefix("/") ? "/" : ""
    let hash = ending.hasSuffix("#") ? "#" : ""
    return host + path.map { "/" + $0 }.joined() + slash + query + hash
  }

  /// The path of a URL: between the authority and the query (or the final `#`).
  static func pathOf(_ url: String) -> Substring {
    let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? url[...]
    let path = afterScheme.drop { $0 != "/" }
    return path.prefix { $0 != "?" && $0 != "#" }
  }

  static func endpoints(_ resolved: ResolvedEndpoints) -> [String] {
    [resolved.chat] + [resolved.models, resolved.embeddings].compactMap { $0 }
  }

  /// Two equal version segments in a row (`/v1/v1`, `/v1beta/v1beta`).
  static func hasDoubledVersion(_ path: Substring) -> Bool {
    let parts = path.split(separator: "/").map { $0.lowercased() }
    return zip(parts, parts.dropFirst()).contains { pair in
      pair.0 == pair.1 && pair.0.hasPrefix("v") && pair.0.dropFirst().first?.isNumber == true
    }
  }

  @Test func neverDoublesAVersionNorAddsADoubleSlash() async throws {
    await propertyCheck(
      count: 400, input: Self.host, Self.path, Self.ending, Self.query, Self.style
    ) {
      host, path, ending, query, style in
      let url = Self.url(host, path, ending, query)
      let resolved = try EndpointResolver.resolve(
        url: url, style: style, modelsURL: nil, apiVersion: "2024-10-21", model: nil)
      let typed = Self.pathOf(url)
      for endpoint in Self.endpoints(resolved) {
        let built = Self.pathOf(endpoint)
        if !Self.hasDoubledVersion(typed) {
          #expect(!Self.hasDoubledVersion(built), "\(url) → \(endpoint)")
        }
        if !typed.contains("//") {
          #expect(!built.contains("//"), "\(url) → \(endpoint)")
        }
        #expect(!built.contains("#"))
      }
    }
  }

  @Test func keepsTheQueryAtTheEnd() async throws {
    await propertyCheck(
      count: 300, input: Self.host, Self.path, Self.ending, Self.query, Self.style
    ) {
      host, path, ending, query, style in
      guard !query.isEmpty else { return }
      let url = Self.url(host, path, ending, query)
      let resolved = try EndpointResolver.resolve(
        url: url, style: style, modelsURL: nil, apiVersion: "2024-10-21", model: nil)
      for endpoint in Self.endpoints(resolved) {
        #expect(endpoint.hasSuffix(String(query.dropFirst())), "\(url) → \(endpoint)")
      }
    }
  }

  @Test func theRuleFollowsTheForm() async throws {
    await propertyCheck(count: 300, input: Self.host, Self.path, Self.ending, Self.style) {
      host, path, ending, style in
      let url = Self.url(host, path, ending, "")
      let resolved = try EndpointResolver.resolve(
        url: url, style: style, modelsURL: nil, apiVersion: "2024-10-21", model: nil)
      switch ending {
      case "#", "/#":
        #expect(resolved.rule == .exact)
        #expect(resolved.chat == String(url.dropLast()))
      case "/":
        #expect(resolved.rule == .trailingSlash)
      default:
        if case .trailingSlash = resolved.rule { Issue.record("\(url): trailing slash rule") }
        if case .exact = resolved.rule { Issue.record("\(url): exact rule") }
      }
      #expect(try EndpointResolver.validate(url) == url)
    }
  }

  /// The styles whose root rule adds a version (the others have no version to test).
  static let versionedStyle = Gen<APIStyle?>.element(of: [
    APIStyle.openai, .openaiResponse, .anthropic, .gemini,
  ]).map { $0 ?? .openai }

  /// The chat path of a style, relative to its version prefix.
  static func chatPath(_ style: APIStyle) -> String {
    switch style {
    case .openai: return "/chat/completions"
    case .openaiResponse: return "/responses"
    case .anthropic: return "/messages"
    case .gemini: return "/models/{model}:streamGenerateContent?alt=sse"
    case .ollama: return "/api/chat"
    case .azureOpenAI: return "/openai/deployments/{model}/chat/completions"
    }
  }

  @Test func aPastedEndpointsRootFixReachesTheSameEndpoint() async throws {
    await propertyCheck(count: 300, input: Self.host, Self.path, Self.versionedStyle) {
      host, path, style in
      let pasted = host + path.map { "/" + $0 }.joined() + Self.chatPath(style)
      do throws(URLRuleError) {
        _ = try EndpointResolver.validate(pasted, style: style)
        Issue.record("\(pasted) was accepted")
      } catch {
        guard case .pastedEndpoint(_, _, let rootFix, let exactFix) = error else {
          Issue.record("\(pasted): \(error)")
          return
        }
        let viaRoot = try EndpointResolver.resolve(
          url: rootFix, style: style, modelsURL: nil, apiVersion: nil, model: nil)
        #expect(viaRoot.chat == pasted, "root fix \(rootFix)")
        let viaExact = try EndpointResolver.resolve(
          url: exactFix, style: style, modelsURL: nil, apiVersion: nil, model: nil)
        #expect(viaExact.chat == pasted)
        #expect(viaExact.models == viaRoot.models, "\(pasted)")
      }
    }
  }

  @Test func badSchemesAreAlwaysRefused() async {
    let schemes = Gen<String?>.element(of: ["ftp", "file", "ws", "wss", "gopher", "git+ssh"])
      .map { $0 ?? "ftp" }
    await propertyCheck(input: schemes, Self.path, Self.style) { scheme, path, style in
      let url = scheme + "://h.example.com" + path.map { "/" + $0 }.joined()
      #expect(throws: URLRuleError.unsupportedScheme(scheme)) {
        try EndpointResolver.resolve(
          url: url, style: style, modelsURL: nil, apiVersion: nil, model: nil)
      }
    }
  }
}
