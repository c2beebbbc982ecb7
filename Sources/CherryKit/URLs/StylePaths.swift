/// The endpoint paths of each API style (the second table of DESIGN §1.2), relative
/// to the prefix the URL rules build, and how an exact (`#`) chat URL is turned
/// into the other two.
struct StylePaths {
  /// The version a root URL gets (`v1`, `v1beta`), empty when the style has none.
  let version: String
  /// Segments dropped from the end of the entered path before the paths are added,
  /// so that a typed `/v1`, `/api` (Ollama) or `/openai` (Azure) is not doubled.
  let droppedSegments: [String]
  /// The chat path; `{model}` stands for the model.
  let chat: String
  /// A query item every chat request carries (`alt=sse` for Gemini's stream).
  let chatQuery: String?
  /// The model-list path.
  let models: String
  /// The embeddings path, `nil` when the style has none.
  let embeddings: String?
  /// The style whose request and answer shapes the chat path takes: the style
  /// itself, except Azure's v1 API with api-version `v1` or `preview`, which is the
  /// Responses API.
  let chatFormat: APIStyle

  /// The paths of a style; for Azure, those of its v1 API with no api-version.
  ///
  /// - Parameter style: An API style.
  init(_ style: APIStyle) {
    self.init(style, azureVersion: "")
  }

  /// The paths of a style, with Azure's chosen by its api-version as Cherry Studio's
  /// `formatAzureOpenAIApiHost` and AI SDK do: none, `v1` or `preview` use the v1
  /// API under `/openai/v1/` (`responses` for `v1` and `preview`, `chat/completions`
  /// for none); a dated version uses `/openai/deployments/{model}/`.
  ///
  /// - Parameters:
  ///   - style: An API style.
  ///   - azureVersion: The api-version in effect (the URL's own, else the
  ///     setting), trimmed; empty for none. Ignored by the other styles.
  init(_ style: APIStyle, azureVersion: String) {
    switch style {
    case .openai:
      self.init(
        "v1", chat: "chat/completions", models: "models", embeddings: "embeddings", format: style)
    case .openaiResponse:
      self.init(
        "v1", chat: "responses", models: "models", embeddings: "embeddings", format: style)
    case .anthropic:
      self.init("v1", chat: "messages", models: "models", embeddings: nil, format: style)
    case .gemini:
      self.init(
        "v1beta", chat: "models/{model}:streamGenerateContent", chatQuery: "alt=sse",
        models: "models", embeddings: "models/{model}:embedContent", format: style)
    case .ollama:
      // The app's formatOllamaApiHost: a final /v1, then /api, then /chat, once each.
      self.init(
        "", dropping: ["v1", "api", "chat"], chat: "api/chat", models: "api/tags",
        embeddings: "api/embed", format: style)
    case .azureOpenAI where Self.usesAzureV1API(azureVersion):
      let responses = !azureVersion.isEmpty
      self.init(
        "", dropping: ["v1", "openai"],
        chat: responses ? "openai/v1/responses" : "openai/v1/chat/completions",
        models: "openai/v1/models", embeddings: "openai/v1/embeddings",
        format: responses ? .openaiResponse : style)
    case .azureOpenAI:
      self.init(
        "", dropping: ["v1", "openai"], chat: "openai/deployments/{model}/chat/completions",
        models: "openai/models", embeddings: "openai/deployments/{model}/embeddings",
        format: style)
    }
  }

  /// Whether an Azure api-version selects the v1 API: none, `v1` or `preview` (the
  /// app compares exactly, after trimming).
  ///
  /// - Parameter version: The api-version in effect, trimmed; empty for none.
  /// - Returns: `true` for the v1 API, `false` for the deployments API.
  static func usesAzureV1API(_ version: String) -> Bool {
    version.isEmpty || version == "v1" || version == "preview"
  }

  private init(
    _ version: String, dropping: [String] = [], chat: String, chatQuery: String? = nil,
    models: String, embeddings: String?, format: APIStyle
  ) {
    self.version = version
    self.droppedSegments = dropping
    self.chat = chat
    self.chatQuery = chatQuery
    self.models = models
    self.embeddings = embeddings
    self.chatFormat = format
  }

  /// Whether the style's endpoints normally carry a version segment, so that a
  /// trailing `/` that leaves none deserves a warning.
  var wantsVersion: Bool { !version.isEmpty }

  /// The operation an exact chat URL of this style ends with, as shown in messages.
  var exactOperation: String {
    chat.hasPrefix("openai/") ? String(chat.dropFirst("openai/".count)) : chat
  }

  /// The model-list and embeddings paths derived from an exact chat path, by
  /// replacing the style's operation suffix; `nil` when the path has none.
  ///
  /// - Parameters:
  ///   - path: The exact URL's path, without trailing slashes.
  ///   - style: The style the path belongs to.
  /// - Returns: The two paths (the second `nil` for Anthropic).
  static func derive(fromExact path: Substring, style: APIStyle) -> (
    models: String, embeddings: String?
  )? {
    switch style {
    case .openai, .openaiResponse:
      for operation in ["chat/completions", "responses"] {
        if let base = URLPath.droppingSuffix(operation, from: path) {
          return (base + "/models", base + "/embeddings")
        }
      }
      return nil
    case .anthropic:
      return URLPath.droppingSuffix("messages", from: path).map { ($0 + "/models", nil) }
    case .ollama:
      return URLPath.droppingSuffix("api/chat", from: path).map {
        ($0 + "/api/tags", $0 + "/api/embed")
      }
    case .gemini:
      let last = URLPath.lastSegment(path)
      guard last.hasSuffix(":streamGenerateContent") || last.hasSuffix(":generateContent"),
        last.startIndex > path.startIndex
      else { return nil }
      let list = path[..<path.index(before: last.startIndex)]
      guard URLPath.lastSegment(list) == "models" else { return nil }
      return (String(list), list + "/{model}:embedContent")
    case .azureOpenAI:
      if let deployment = URLPath.droppingSuffix("chat/completions", from: path),
        let root = URLPath.droppingSegment(from: deployment, below: "deployments")
      {
        return (root + "/models", root + "/deployments/{model}/embeddings")
      }
      // The v1 API: /openai/v1/chat/completions or /openai/v1/responses.
      return derive(fromExact: path, style: .openai)
    }
  }
}

extension URLPath {
  /// The path without its last two segments when the first of them is `parent`
  /// (`/openai/deployments/gpt4` without `deployments/gpt4` is `/openai`).
  static func droppingSegment(from path: Substring, below parent: String) -> Substring? {
    let last = lastSegment(path)
    guard !last.isEmpty, last.startIndex > path.startIndex else { return nil }
    let above = path[..<path.index(before: last.startIndex)]
    guard lastSegment(above) == parent[...] else { return nil }
    return URLPath.droppingSuffix(parent, from: above)
  }
}
