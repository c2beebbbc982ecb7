import CherryKit

/// What a request asks for, independent of its style.
enum DemoOperation: Sendable, Equatable {
  /// The model list.
  case models
  /// A chat (or Responses) request; streamed when the body asks.
  case chat
  /// Gemini's `:streamGenerateContent`, streamed by its path.
  case streamChat
  /// An embeddings request.
  case embeddings
  /// Ollama's `/api/show`: what one model is and can do.
  case show
}

/// The style and operation a request path names.
///
/// Paths are matched on their suffix, so a root with a path (`/gw/anthropic`) or
/// any URL form of DESIGN §1.2 works; where two styles share a suffix
/// (`/models`), the key header tells them apart.
struct DemoRoute: Sendable, Equatable {
  /// The style of the route.
  var style: APIStyle
  /// The operation.
  var operation: DemoOperation
  /// The model named by the path (Gemini's `models/{m}:…`, Azure's deployment), if any.
  var pathModel: String?

  /// The method the route takes.
  var method: String { operation == .models ? "GET" : "POST" }

  /// The extra list a provider keeps beside its model list (OpenRouter's embedding
  /// models), served under any root or version as `/models` is.
  static let embeddingsListSuffix = "/embeddings/models"

  /// Finds the route of a request, or `nil` when no style has this path.
  ///
  /// The OpenAI-shaped operations (`/chat/completions`, `/responses`, `/messages`,
  /// `/embeddings`, `/models`) must come right after the root or after a version
  /// segment (`/v1`, `/gw/v2`, `/v1beta`, or such a segment and `/openai`), as a
  /// real server's would: so every URL
  /// form of DESIGN §1.2 is served, and a wrong URL (`/nowhere/models`) is a 404.
  /// Paths under `/gateway/` are ``DemoGateway``'s alone.
  static func match(_ request: DemoRequest) -> DemoRoute? {
    let path = request.path
    if DemoGateway.owns(path) { return DemoGateway.route(path) }
    if let azure = azureDeployment(path) { return azure }
    if let gemini = geminiMethod(path) { return gemini }
    let ollama: [(String, DemoOperation)] = [
      ("/api/tags", .models), ("/api/chat", .chat), ("/api/embed", .embeddings),
      ("/api/embeddings", .embeddings), ("/api/show", .show),
    ]
    for (suffix, operation) in ollama where path.hasSuffix(suffix) {
      return DemoRoute(style: .ollama, operation: operation)
    }
    if path.hasSuffix("/openai/models"), isAzureList(request) {
      return DemoRoute(style: .azureOpenAI, operation: .models)
    }
    if path.hasSuffix(embeddingsListSuffix),
      isRootOrVersion(path.dropLast(embeddingsListSuffix.count))
    {
      return DemoRoute(style: .openai, operation: .models)
    }
    let versioned: [(String, APIStyle?, DemoOperation)] = [
      ("/responses", .openaiResponse, .chat), ("/messages", .anthropic, .chat),
      ("/chat/completions", .openai, .chat), ("/embeddings", .openai, .embeddings),
      ("/models", nil, .models),
    ]
    for (suffix, style, operation) in versioned where path.hasSuffix(suffix) {
      let prefix = path.dropLast(suffix.count)
      guard isRootOrVersion(prefix) || isVersionedOpenAI(prefix) else { return nil }
      return DemoRoute(style: style ?? listStyle(request), operation: operation)
    }
    return nil
  }

  /// Whether a path prefix is the root (empty) or ends in a version segment:
  /// `v` and digits, optionally `alpha` or `beta` and more digits (`v1`, `v1beta`).
  static func isRootOrVersion(_ prefix: Substring) -> Bool {
    guard !prefix.isEmpty else { return true }
    let segment = prefix.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard segment.first == "v" else { return false }
    var rest = segment.dropFirst()
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    rest = rest.dropFirst(digits.count)
    for word in ["alpha", "beta"] where rest.hasPrefix(word) { rest = rest.dropFirst(word.count) }
    return rest.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// Whether a path prefix is an OpenAI-compatible root under a version
  /// (`/v3/openai`, PPIO's; `/v1beta/openai`, Google's), as such servers serve it.
  static func isVersionedOpenAI(_ prefix: Substring) -> Bool {
    guard prefix.hasSuffix("/openai") else { return false }
    let above = prefix.dropLast("/openai".count)
    return !above.isEmpty && isRootOrVersion(above)
  }

  /// Whether an `…/openai/models` request is Azure's (its key header or
  /// `api-version`, or no Bearer key), not an OpenAI root that ends in `/openai`.
  private static func isAzureList(_ request: DemoRequest) -> Bool {
    request.header("api-key") != nil || request.query["api-version"] != nil
      || request.bearerToken == nil
  }

  /// The style of a `…/models` list request, told apart by path and key headers.
  private static func listStyle(_ request: DemoRequest) -> APIStyle {
    if request.path.hasSuffix("/v1beta/models") || request.header("x-goog-api-key") != nil
      || request.query["key"] != nil
    {
      return .gemini
    }
    if request.header("x-api-key") != nil || request.header("anthropic-version") != nil {
      return .anthropic
    }
    return .openai
  }

  /// Azure's `…/openai/deployments/{d}/chat/completions` and `…/embeddings`.
  private static func azureDeployment(_ path: String) -> DemoRoute? {
    let operations: [(String, DemoOperation)] = [
      ("/chat/completions", .chat), ("/embeddings", .embeddings),
    ]
    for (suffix, operation) in operations where path.hasSuffix(suffix) {
      let head = path.dropLast(suffix.count)
      guard let marker = find("/openai/deployments/", in: head, last: true) else { continue }
      let name = String(head[marker.upperBound...])
      guard !name.isEmpty, !name.contains("/") else { continue }
      return DemoRoute(
        style: .azureOpenAI, operation: operation,
        pathModel: DemoRequest.percentDecoded(name))
    }
    return nil
  }

  /// Gemini's `…/models/{m}:generateContent`, `:streamGenerateContent`, `:embedContent`.
  private static func geminiMethod(_ path: String) -> DemoRoute? {
    guard let colon = path.lastIndex(of: ":") else { return nil }
    let method = path[path.index(after: colon)...]
    let operation: DemoOperation
    switch method {
    case "generateContent": operation = .chat
    case "streamGenerateContent": operation = .streamChat
    case "embedContent": operation = .embeddings
    default: return nil
    }
    let head = path[..<colon]
    // The first `/models/` right after a version segment (`/v1beta/models/…`).
    var marker: Range<String.Index>?
    var rest = head
    while let found = find("/models/", in: rest, last: false) {
      if isRootOrVersion(head[..<found.lowerBound]) {
        marker = found
        break
      }
      rest = head[found.upperBound...]
    }
    guard let marker else { return nil }
    var model = DemoRequest.percentDecoded(String(head[marker.upperBound...]))
    // A client that kept the listed name (`models/x`) as the id sends it twice.
    if model.hasPrefix("models/") { model.removeFirst("models/".count) }
    guard !model.isEmpty else { return nil }
    return DemoRoute(style: .gemini, operation: operation, pathModel: model)
  }

  /// The key a request carries in the header of a style (Gemini also `?key=`).
  static func key(for style: APIStyle?, in request: DemoRequest) -> String? {
    switch style {
    case .openai, .openaiResponse, .ollama: return request.bearerToken
    case .anthropic: return request.header("x-api-key")
    case .gemini: return request.header("x-goog-api-key") ?? request.query["key"]
    case .azureOpenAI: return request.header("api-key")
    case nil:
      return request.bearerToken ?? request.header("x-api-key")
        ?? request.header("x-goog-api-key") ?? request.header("api-key")
    }
  }

  /// The first or last range of `needle` in `text` (plain byte-wise search, no Foundation).
  private static func find(
    _ needle: String, in text: Substring, last: Bool
  ) -> Range<String.Index>? {
    let pattern = Array(needle.utf8)
    let bytes = text.utf8
    guard bytes.count >= pattern.count else { return nil }
    var found: Range<String.Index>?
    var start = bytes.startIndex
    while let end = bytes.index(start, offsetBy: pattern.count, limitedBy: bytes.endIndex) {
      if bytes[start..<end].elementsEqual(pattern) {
        found = start..<end
        if !last { return found }
      }
      start = bytes.index(after: start)
    }
    return found
  }
}
