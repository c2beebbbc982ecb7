import CherryKit
import Testing

@testable import CherryProviders

/// The pure rules behind the provider-specific listings (issue 9): where the extra
/// lists and `/api/show` are, and how a New API entry's endpoint types and Ollama's
/// capabilities read.
struct ListingRulesTests {
  /// A provider, its model-list URL, and the extra lists' URLs.
  struct Extras: CustomTestStringConvertible, Sendable {
    let name: String
    let id: String
    let builtIn: Bool
    let modelsURL: String
    let urls: [String]
    var testDescription: String { name }
  }

  static let extras: [Extras] = [
    Extras(
      name: "OpenRouter", id: "openrouter", builtIn: true,
      modelsURL: "https://openrouter.ai/api/v1/models",
      urls: ["https://openrouter.ai/api/v1/embeddings/models"]),
    Extras(
      name: "OpenRouter, query kept", id: "openrouter", builtIn: true,
      modelsURL: "https://proxy.example/or/v1/models?team=a",
      urls: ["https://proxy.example/or/v1/embeddings/models?team=a"]),
    Extras(
      name: "OpenRouter with a models-url of another shape", id: "openrouter", builtIn: true,
      modelsURL: "https://proxy.example/catalog", urls: []),
    Extras(
      name: "PPIO", id: "ppio", builtIn: true,
      modelsURL: "https://api.ppinfra.com/v3/openai/models",
      urls: [
        "https://api.ppinfra.com/v3/openai/models?model_type=embedding",
        "https://api.ppinfra.com/v3/openai/models?model_type=reranker",
      ]),
    Extras(
      name: "PPIO, query kept", id: "ppio", builtIn: true,
      modelsURL: "https://p.example/models?x=1",
      urls: [
        "https://p.example/models?x=1&model_type=embedding",
        "https://p.example/models?x=1&model_type=reranker",
      ]),
    Extras(
      name: "a custom provider named like one", id: "openrouter", builtIn: false,
      modelsURL: "https://openrouter.ai/api/v1/models", urls: []),
    Extras(
      name: "any other built-in", id: "deepseek", builtIn: true,
      modelsURL: "https://api.deepseek.com/v1/models", urls: []),
  ]

  @Test(arguments: extras)
  func extraLists(_ row: Extras) {
    let provider = Provider(id: row.id, name: row.id, style: .openai, isBuiltIn: row.builtIn)
    #expect(
      ExtraModelLists.extras(for: provider, modelsURL: row.modelsURL).map(\.url) == row.urls)
  }

  @Test func mergedKeepsTheMainListFirstAndEachIDOnce() {
    let main = [ListedModel(id: "a"), ListedModel(id: "b")]
    let extra = [
      [ListedModel(id: "b", displayName: "B again"), ListedModel(id: "c")],
      [
        ListedModel(id: "c"), ListedModel(id: "d"),
      ],
    ]
    let merged = ExtraModelLists.merged(main, extra)
    #expect(merged.map(\.id) == ["a", "b", "c", "d"])
    #expect(merged[1].displayName == nil)
  }

  @Test(arguments: [
    (
      "http://localhost:11434/api/tags", "http://localhost:11434/api/chat",
      "http://localhost:11434/api/show"
    ),
    ("http://h/x/api/tags?k=1", "http://h/x/api/chat?k=1", "http://h/x/api/show?k=1"),
    ("http://h/list", "http://h/ollama/api/chat", "http://h/ollama/api/show"),
  ])
  func showURL(models: String, chat: String, show: String) {
    let endpoints = ResolvedEndpoints(
      entered: "", rule: .noVersion, chat: chat, models: models, modelsProblem: nil,
      embeddings: nil, warnings: [], ruleExplanation: "", chatFormat: .ollama)
    #expect(OllamaCapabilityProbe.showURL(endpoints) == show)
  }

  @Test func noShowURLWithoutAnOllamaPath() {
    let endpoints = ResolvedEndpoints(
      entered: "", rule: .noVersion, chat: "http://h/chat#", models: "http://h/list",
      modelsProblem: nil, embeddings: nil, warnings: [], ruleExplanation: "", chatFormat: .ollama)
    #expect(OllamaCapabilityProbe.showURL(endpoints) == nil)
  }

  /// One New API entry and the endpoint types read from it.
  @Test(
    arguments: [
      (#"{"id":"m"}"#, nil),
      (#"{"id":"m","supported_endpoint_types":["anthropic","openai"]}"#, [.anthropic, .openai]),
      (
        #"{"id":"m","endpoint_type":"gemini","supported_endpoint_types":["openai","gemini"]}"#,
        [
          .gemini, .openai,
        ]
      ),
      (#"{"id":"m","supported_endpoint_types":["jina-rerank"]}"#, nil),
      (#"{"id":"m","supported_endpoint_types":[" Image-Generation ",7,null]}"#, [.imageGeneration]),
      (#"{"id":"m","supported_endpoint_types":"openai"}"#, nil),
      (
        #"{"id":"m","supported_endpoint_types":null,"endpoint_type":"openai-response"}"#,
        [
          .openaiResponse
        ]
      ),
    ] as [(String, [ModelEndpointType]?)])
  func endpointTypes(entry: String, types: [ModelEndpointType]?) throws {
    let page = try OpenAIStyle.parseList(Array(#"{"data":[\#(entry)]}"#.utf8), maxEntries: 10)
    #expect(page.models.first?.endpointTypes == types)
  }

  @Test func endpointTypeNamesAreCapped() throws {
    let names = Array(repeating: #""openai""#, count: 10_000).joined(separator: ",")
    let body = #"{"data":[{"id":"m","supported_endpoint_types":[\#(names),"gemini"]}]}"#
    let page = try OpenAIStyle.parseList(Array(body.utf8), maxEntries: 10)
    #expect(page.models.first?.endpointTypes == [.openai])
  }

  @Test(
    arguments: [
      (
        #"["completion","vision","tools","thinking","embedding"]"#,
        [.chat, .vision, .tools, .reasoning, .embedding]
      ),
      (#"["completion","insert"]"#, [.chat]),
      (#"["insert"]"#, nil),
      (#"[]"#, nil),
      (#""vision""#, nil),
    ] as [(String, Set<ModelKind>?)])
  func ollamaCapabilities(array: String, kinds: Set<ModelKind>?) throws {
    let root = try JSONDocument(Array(#"{"capabilities":\#(array)}"#.utf8), what: "test").root
    #expect(try OllamaStyle.kinds(capabilities: root.member("capabilities")) == kinds)
  }
}
