extension EndpointResolver {
  /// The operation paths that end a full endpoint rather than a root (DESIGN §1.2),
  /// each compared at a segment boundary.
  static let operationPaths = [
    "chat/completions", "responses", "messages", "models", "embeddings",
    "api/chat", "api/tags", "api/embed", "api/generate",
  ]

  /// Gemini's operations, which end the last segment after a `:`.
  static let colonOperations = [":generateContent", ":streamGenerateContent", ":embedContent"]

  /// The operations that answer a chat, per style.
  ///
  /// A URL ending in one may be used exactly, with `#`. Model lists and embeddings
  /// may not (the chat request would go to them), nor Ollama's `api/generate`,
  /// which takes another body.
  static let chatOperations: [APIStyle: [String]] = [
    .openai: ["chat/completions"], .openaiResponse: ["responses"], .anthropic: ["messages"],
    .gemini: [":generateContent", ":streamGenerateContent"], .ollama: ["api/chat"],
    .azureOpenAI: ["chat/completions", "responses"],
  ]

  /// The operation a pasted endpoint ends with, and the path before it; `nil`
  /// for a URL that is not a full endpoint.
  ///
  /// - Parameter path: The URL's path.
  /// - Returns: The path left when the operation (with Gemini's `models/<id>` or
  ///   Azure's `deployments/<name>` before it) is taken off, and what was taken off.
  static func pastedOperation(in path: Substring) -> (remainder: Substring, suffix: String)? {
    let path = URLPath.trimmingSlashes(path)
    let last = URLPath.lastSegment(path)
    if colonOperations.contains(where: { last.hasSuffix($0) }), last.startIndex > path.startIndex {
      var remainder = path[..<path.index(before: last.startIndex)]
      remainder = URLPath.droppingSuffix("models", from: remainder) ?? remainder
      return (remainder, String(path[remainder.endIndex...]))
    }
    for operation in operationPaths {
      guard var remainder = URLPath.droppingSuffix(operation, from: path) else { continue }
      remainder = URLPath.droppingSegment(from: remainder, below: "deployments") ?? remainder
      return (remainder, String(path[remainder.endIndex...]))
    }
    return nil
  }

  /// Whether a pasted suffix is a model list (`/models`, `/api/tags`): the URL the
  /// `models-url` setting takes, never a chat endpoint.
  ///
  /// - Parameter suffix: What ``pastedOperation(in:)`` took off.
  /// - Returns: `true` for a model-list suffix.
  static func isModelListSuffix(_ suffix: String) -> Bool {
    suffix.hasSuffix("/models") || suffix.hasSuffix("/api/tags")
  }

  /// Throws ``URLRuleError/pastedEndpoint(entered:suffix:rootFix:exactFix:)`` when
  /// the URL, which has no `#`, ends in an operation path.
  ///
  /// The `#` form is offered only when it makes a working chat endpoint: the suffix
  /// is a chat operation, and the style's own when the style is known. Otherwise
  /// `exactFix` is empty; for a model list the message suggests `models-url`.
  static func refusePastedEndpoint(
    _ parts: URLParts, entered: String, style: APIStyle?, takesNoVersion: Bool
  ) throws(URLRuleError) {
    guard let (remainder, suffix) = pastedOperation(in: parts.path) else { return }
    let operations = style.map { chatOperations[$0] ?? [] } ?? chatOperations.values.flatMap { $0 }
    let chat = operations.contains { suffix.hasSuffix($0) && !isModelListSuffix(suffix) }
    throw .pastedEndpoint(
      entered: entered, suffix: suffix,
      rootFix: rootFix(parts, remainder: remainder, style: style, takesNoVersion: takesNoVersion),
      exactFix: chat ? entered + "#" : "")
  }

  /// The URL that resolves to the same endpoint as the pasted one.
  ///
  /// The style's own version is taken off (the root rule adds it back). Any other
  /// path keeps its version segment when it has one (no version is then added),
  /// else it gets a trailing `/`, so that no version is added that the pasted URL
  /// did not have. A provider that never takes a version gets the path as it is.
  static func rootFix(
    _ parts: URLParts, remainder: Substring, style: APIStyle?, takesNoVersion: Bool
  ) -> String {
    var path = remainder
    // Gemini's streaming flag belongs to the chat call; the resolver adds it back.
    let query = removingItem("alt=sse", from: parts.query).map { "?" + $0 } ?? ""
    if let style {
      let paths = StylePaths(style)
      if !paths.droppedSegments.isEmpty {
        for segment in paths.droppedSegments {
          path = URLPath.droppingSegment(segment, from: path) ?? path
        }
        return parts.origin + path + query
      }
      if takesNoVersion { return parts.origin + path + query }
      // Exactly the style's version, case included: the root rule adds it in
      // lower case, and `/V1` must stay `/V1`.
      if URLPath.lastSegment(path) == paths.version[...],
        let shorter = URLPath.droppingSegment(paths.version, from: path),
        !URLPath.hasVersionSegment(shorter)
      {
        return parts.origin + shorter + query
      }
    }
    let keepsVersion = takesNoVersion || URLPath.hasVersionSegment(path)
    return parts.origin + path + (keepsVersion ? "" : "/") + query
  }
}
