import CherryKit
import Testing

/// Refused URLs, the pasted-endpoint fixes, overrides, model filling and `explain url`.
struct EndpointResolverErrorTests {
  // MARK: - Bad input

  /// A refused URL and its error.
  struct Refused: CustomTestStringConvertible, Sendable {
    let url: String
    let error: URLRuleError
    var testDescription: String { url.debugDescription }
  }

  static let refused: [Refused] = [
    Refused(url: "", error: .empty),
    Refused(url: "  \t ", error: .empty),
    Refused(url: "ftp://api.example.com", error: .unsupportedScheme("ftp")),
    Refused(url: "file:///etc/passwd", error: .unsupportedScheme("file")),
    Refused(url: "ws://localhost:8080", error: .unsupportedScheme("ws")),
    Refused(url: "mailto:me@example.com", error: .unsupportedScheme("mailto")),
    Refused(
      url: "api.example.com",
      error: .malformed(
        "api.example.com has no scheme: write https://api.example.com (or http:// for a local server)"
      )),
    Refused(
      url: "localhost:11434",
      error: .malformed(
        "localhost:11434 has no scheme: write https://localhost:11434 (or http:// for a local server)"
      )),
    Refused(url: "https://", error: .malformed("https:// has no host name")),
    Refused(url: "https:///v1", error: .malformed("https:///v1 has no host name")),
    Refused(url: "https://:8080", error: .malformed("https://:8080 has no host name")),
    Refused(
      url: "https://host:port/v1",
      error: .malformed("https://host:port/v1 has a port that is not a number")),
    Refused(
      url: "https://api.example.com/a b",
      error: .malformed("https://api.example.com/a b has a space inside it")),
    Refused(
      url: "https://api.exa\u{0}mple.com",
      error: .malformed("https://api.exa\u{0}mple.com holds a control character")),
    Refused(
      url: "https://a.example.com/x#y",
      error: .malformed(
        "https://a.example.com/x#y: a \"#\" may only end the URL (it means: use it exactly)")),
    Refused(url: "://x", error: .malformed("://x does not start with a scheme such as https://")),
  ]

  @Test(arguments: refused)
  func refusesBadURL(_ row: Refused) {
    #expect(throws: row.error) { try EndpointResolver.validate(row.url) }
    for style in APIStyle.allCases {
      #expect(throws: row.error) {
        try EndpointResolver.resolve(
          url: row.url, style: style, modelsURL: nil, apiVersion: nil, model: nil)
      }
    }
  }

  // MARK: - Pasted endpoints

  /// A full endpoint pasted without `#`, its style, and the fixes: the root, and the
  /// `#` form only when it makes a working chat endpoint.
  struct Pasted: CustomTestStringConvertible, Sendable {
    let url: String
    let style: APIStyle?
    let suffix: String
    let rootFix: String
    var exact = true
    var noVersion = false
    var testDescription: String { "\(style?.rawValue ?? "any") \(url)" }
  }

  static let pasted: [Pasted] = [
    Pasted(
      url: "https://xxx.xxx.com/v1/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://xxx.xxx.com"),
    Pasted(
      url: "https://xxx.xxx.com/v1/chat/completions", style: nil,
      suffix: "/chat/completions", rootFix: "https://xxx.xxx.com/v1"),
    Pasted(
      url: "https://api.example.com/v1/chat/completions/", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.example.com"),
    Pasted(
      url: "https://api.example.com/v1/models", style: .openai,
      suffix: "/models", rootFix: "https://api.example.com", exact: false),
    Pasted(
      url: "https://api.example.com/v1/embeddings", style: .openai,
      suffix: "/embeddings", rootFix: "https://api.example.com", exact: false),
    Pasted(
      url: "https://api.openai.com/v1/responses", style: .openaiResponse,
      suffix: "/responses", rootFix: "https://api.openai.com"),
    Pasted(
      url: "https://api.anthropic.com/v1/messages", style: .anthropic,
      suffix: "/messages", rootFix: "https://api.anthropic.com"),
    Pasted(
      url: "https://open.bigmodel.cn/api/paas/v4/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://open.bigmodel.cn/api/paas/v4"),
    Pasted(
      url: "https://api.perplexity.ai/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.perplexity.ai/"),
    Pasted(
      url: "https://api.perplexity.ai/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.perplexity.ai", noVersion: true),
    // A version anywhere in the path: the root keeps it, and no "/" is needed.
    Pasted(
      url: "https://generativelanguage.googleapis.com/v1beta/openai/chat/completions",
      style: .openai, suffix: "/chat/completions",
      rootFix: "https://generativelanguage.googleapis.com/v1beta/openai"),
    Pasted(
      url: "https://api.ppinfra.com/v3/openai/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.ppinfra.com/v3/openai"),
    // Another style's operation: "#" would send this style's body there.
    Pasted(
      url: "https://api.example.com/v1/messages", style: .openai, suffix: "/messages",
      rootFix: "https://api.example.com", exact: false),
    Pasted(
      url: "https://api.example.com/v1/models", style: nil, suffix: "/models",
      rootFix: "https://api.example.com/v1", exact: false),
    Pasted(
      url: "https://api.example.com/v2/v1/chat/completions", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.example.com/v2/v1"),
    Pasted(
      url: "https://api.example.com/v1/chat/completions?tenant=a", style: .openai,
      suffix: "/chat/completions", rootFix: "https://api.example.com?tenant=a"),
    Pasted(
      url: "http://localhost:11434/api/chat", style: .ollama,
      suffix: "/api/chat", rootFix: "http://localhost:11434"),
    Pasted(
      url: "http://localhost:11434/api/tags", style: .ollama,
      suffix: "/api/tags", rootFix: "http://localhost:11434", exact: false),
    Pasted(
      url: "http://localhost:11434/v1/chat/completions", style: .ollama,
      suffix: "/chat/completions", rootFix: "http://localhost:11434", exact: false),
    Pasted(
      url: "https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:generateContent",
      style: .gemini, suffix: "/models/gemini-pro:generateContent",
      rootFix: "https://generativelanguage.googleapis.com"),
    Pasted(
      url: "https://gw.example.com/v1beta/models/g:streamGenerateContent?alt=sse",
      style: .gemini, suffix: "/models/g:streamGenerateContent", rootFix: "https://gw.example.com"),
    Pasted(
      url: "https://gw.example.com/v1beta/models", style: .gemini,
      suffix: "/models", rootFix: "https://gw.example.com", exact: false),
    Pasted(
      url:
        "https://res.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-10-21",
      style: .azureOpenAI, suffix: "/deployments/gpt4/chat/completions",
      rootFix: "https://res.openai.azure.com?api-version=2024-10-21"),
  ]

  @Test(arguments: pasted)
  func refusesPastedEndpointWithWorkingFixes(_ row: Pasted) throws {
    let expected = URLRuleError.pastedEndpoint(
      entered: row.url, suffix: row.suffix, rootFix: row.rootFix,
      exactFix: row.exact ? row.url + "#" : "")
    #expect(throws: expected) {
      try EndpointResolver.validate(row.url, style: row.style, takesNoVersion: row.noVersion)
    }
    guard let style = row.style else { return }
    #expect(throws: expected) {
      try EndpointResolver.resolve(
        url: row.url, style: style, modelsURL: nil, apiVersion: nil, model: nil,
        takesNoVersion: row.noVersion)
    }
    // The fixes are accepted, and the root fix reaches the pasted operation's prefix.
    let viaRoot = try EndpointResolver.resolve(
      url: row.rootFix, style: style, modelsURL: nil, apiVersion: nil, model: nil,
      takesNoVersion: row.noVersion)
    if row.exact {
      let exact = try EndpointResolver.resolve(
        url: row.url + "#", style: style, modelsURL: nil, apiVersion: nil, model: nil)
      #expect(exact.chat == row.url)
    }
    if row.suffix == "/chat/completions" && style == .openai {
      #expect(viaRoot.chat == row.url.replacing("/chat/completions/", with: "/chat/completions"))
    }
    if row.suffix == "/models" {
      #expect(viaRoot.models == row.url)
      #expect(try EndpointResolver.validateModelsURL(row.url) == row.url)
      #expect(expected.fix.contains("models-url \(row.url)"))
      #expect(!expected.fix.contains("#"))
    }
  }

  @Test func aModelsURLIsAnyHTTPURL() throws {
    #expect(
      try EndpointResolver.validateModelsURL(" https://models.github.ai/catalog/models# ")
        == "https://models.github.ai/catalog/models")
    #expect(throws: URLRuleError.empty) { try EndpointResolver.validateModelsURL(" # ") }
    #expect(throws: URLRuleError.unsupportedScheme("ftp")) {
      try EndpointResolver.validateModelsURL("ftp://x.example.com/models")
    }
  }

  @Test func pastedEndpointMessageGivesBothFixes() {
    let error = URLRuleError.pastedEndpoint(
      entered: "https://x.example.com/v1/chat/completions", suffix: "/chat/completions",
      rootFix: "https://x.example.com", exactFix: "https://x.example.com/v1/chat/completions#")
    #expect(error.description.contains("url https://x.example.com\n"))
    #expect(error.description.hasSuffix("url https://x.example.com/v1/chat/completions#"))
  }

  @Test func messagesMaskKeysInTheURL() {
    let key = "AIzaSyD-1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTu"
    let error = URLRuleError.pastedEndpoint(
      entered: "https://g.example.com/v1beta/models/g:generateContent?key=\(key)",
      suffix: "/models/g:generateContent", rootFix: "https://g.example.com?key=\(key)",
      exactFix: "https://g.example.com/v1beta/models/g:generateContent?key=\(key)#")
    #expect(!error.description.contains(key))
    // The "#" of the exact fix is not swallowed by the mask.
    #expect(error.description.hasSuffix("key=AIzaSyD-****NoPqRsTu#"))
    #expect(
      !URLRuleError.malformed("https://x.example.com/?key=\(key) y").description.contains(key))
  }

  // MARK: - Overrides and models

  @Test func explicitModelsURLWins() throws {
    let exact = try EndpointResolver.resolve(
      url: "https://gw.example.com/custom#", style: .openai,
      modelsURL: " https://gw.example.com/list# ", apiVersion: nil, model: nil)
    #expect(exact.models == "https://gw.example.com/list")
    #expect(exact.modelsProblem == nil)
    let root = try EndpointResolver.resolve(
      url: "https://models.github.ai/inference/", style: .openai,
      modelsURL: "https://models.github.ai/catalog/models", apiVersion: nil, model: nil)
    #expect(root.models == "https://models.github.ai/catalog/models")
    let blank = try EndpointResolver.resolve(
      url: "https://api.example.com", style: .openai, modelsURL: "  ", apiVersion: nil, model: nil)
    #expect(blank.models == "https://api.example.com/v1/models")
  }

  @Test func exactURLWithoutOperationSaysModelsURLIsNeeded() throws {
    let resolved = try EndpointResolver.resolve(
      url: "https://api.example.com/custom#", style: .openai, modelsURL: nil, apiVersion: nil,
      model: nil)
    #expect(resolved.models == nil)
    #expect(resolved.modelsProblem?.contains("models-url <url>") == true)
    #expect(resolved.embeddings == nil)
  }

  @Test func modelIsFilledIn() throws {
    let gemini = try EndpointResolver.resolve(
      url: "https://generativelanguage.googleapis.com", style: .gemini, modelsURL: nil,
      apiVersion: nil, model: "models/gemini-2.0-flash")
    #expect(
      gemini.chat
        == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse"
    )
    #expect(
      gemini.embeddings
        == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:embedContent")
    var azure = Provider(
      id: "az", name: "Azure", style: .azureOpenAI, url: "https://r.openai.azure.com/")
    azure.apiVersion = "2024-10-21"
    let resolved = try EndpointResolver.resolve(azure, model: "gpt4o")
    #expect(
      resolved.chat
        == "https://r.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21"
    )
    let openai = try EndpointResolver.resolve(
      url: "https://gw.example.com/{model}/chat/completions#", style: .openai, modelsURL: nil,
      apiVersion: nil, model: "m1")
    #expect(openai.chat == "https://gw.example.com/m1/chat/completions")
  }

  @Test func providerSettingsAreUsed() throws {
    let provider = Provider(
      id: "github", name: "GitHub Models", style: .openai,
      url: "https://models.github.ai/inference/",
      modelsURL: "https://models.github.ai/catalog/models")
    let resolved = try EndpointResolver.resolve(provider, model: nil)
    #expect(resolved.chat == "https://models.github.ai/inference/chat/completions")
    #expect(resolved.models == "https://models.github.ai/catalog/models")
    let empty = Provider(id: "gpustack", name: "GPUStack", style: .openai)
    #expect(throws: URLRuleError.empty) { try EndpointResolver.resolve(empty, model: nil) }
  }

  @Test func ruleExplanationsNameTheRule() throws {
    func explanation(_ url: String, _ style: APIStyle = .openai) throws -> String {
      try EndpointResolver.resolve(
        url: url, style: style, modelsURL: nil, apiVersion: nil, model: nil
      )
      .ruleExplanation
    }
    #expect(try explanation("https://a.example.com").contains("/v1 is added"))
    #expect(try explanation("https://a.example.com/v3").contains("beyond its settings page"))
    #expect(try explanation("https://a.example.com/v1beta/openai").contains("/v1beta"))
    #expect(try explanation("https://a.example.com/v3/").contains("ends with \"/\""))
    #expect(try explanation("https://a.example.com/x/chat/completions#").contains("exactly"))
    #expect(
      try explanation("http://localhost:11434/v1", .ollama).contains("/v1 at the end was dropped"))
  }

  // MARK: - explain url

  @Test func explainWalksThroughTheRules() {
    let lines = EndpointResolver.explain(url: "https://api.example.com/v3", style: .openai)
    let text = lines.joined(separator: "\n")
    #expect(text.contains("step 3: does it end with \"#\"? no"))
    #expect(text.contains("step 6: does it end with \"/\"? no"))
    #expect(text.contains("anywhere in it? yes, /v3"))
    #expect(text.contains("Cherry Studio's newer rule, beyond its settings page"))
    #expect(text.contains("chat:       https://api.example.com/v3/chat/completions"))
    #expect(text.contains("models:     https://api.example.com/v3/models"))
  }

  @Test func explainCoversEveryForm() {
    let root = EndpointResolver.explain(url: "https://xxx.xxx.com", style: .anthropic).joined(
      separator: "\n")
    #expect(root.contains("step 8: so it is a root"))
    #expect(root.contains("https://xxx.xxx.com/v1/messages"))
    #expect(root.contains("embeddings: none (the anthropic style has no embeddings endpoint)"))
    let slash = EndpointResolver.explain(url: "https://api.example.com/", style: .openai).joined(
      separator: "\n")
    #expect(slash.contains("step 6: does it end with \"/\"? yes"))
    #expect(slash.contains("note: "))
    let exact = EndpointResolver.explain(url: "https://g.example.com/x#", style: .openai).joined(
      separator: "\n")
    #expect(exact.contains("step 3: does it end with \"#\"? yes"))
    #expect(exact.contains("models:     none:"))
    let ollama = EndpointResolver.explain(url: "http://localhost:11434/v1", style: .ollama).joined(
      separator: "\n")
    #expect(ollama.contains("takes no version segment"))
    #expect(ollama.contains("http://localhost:11434/api/chat"))
  }

  @Test func explainShowsRefusalsAndMasksKeys() {
    let pasted = EndpointResolver.explain(
      url: "https://api.example.com/v1/chat/completions", style: .openai)
    #expect(pasted.contains { $0.hasPrefix("refused: ") })
    #expect(
      pasted.contains {
        $0.hasPrefix("step 4: ") && $0.hasSuffix("that is a full endpoint, not a root")
      })
    #expect(pasted.contains("  enter the root: url https://api.example.com"))
    let scheme = EndpointResolver.explain(url: "ftp://x.example.com", style: .openai)
    #expect(scheme.contains { $0.contains("only http and https") })
    let key = "AIzaSyD-1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTu"
    let masked = EndpointResolver.explain(url: "https://g.example.com?key=\(key)", style: .gemini)
    #expect(!masked.joined().contains(key))
    #expect(masked.joined(separator: "\n").contains("query string"))
  }
}
