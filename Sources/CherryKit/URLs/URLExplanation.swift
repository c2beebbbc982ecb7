extension EndpointResolver {
  /// Walks through the URL rules step by step, for `explain url` (DESIGN §1.2):
  /// each rule that was tried, whether it applied and why, then the endpoints.
  ///
  /// Written for a teacher showing the rules: it says which rules come from the
  /// seed (Cherry Studio's documentation) and which from Cherry Studio's code.
  /// Secrets in the URL (a key in its query) are masked.
  ///
  /// - Parameters:
  ///   - url: The URL as entered.
  ///   - style: The provider's API style.
  ///   - apiVersion: The Azure `api-version`, when set.
  ///   - modelsURL: An explicit model-list URL, when set.
  ///   - takesNoVersion: Whether the provider never takes a version.
  /// - Returns: The lines to print, in order; a refused URL ends with the error.
  public static func explain(
    url: String, style: APIStyle, apiVersion: String? = nil, modelsURL: String? = nil,
    takesNoVersion: Bool = false
  ) -> [String] {
    var lines = ["entered: \(url.isEmpty ? "(nothing)" : url)   (style \(style.rawValue))"]
    let entered = trimmed(url)
    lines.append(
      entered == url
        ? "step 1: spaces around the URL are trimmed: there are none"
        : "step 1: spaces around the URL are trimmed: \(entered)")
    var refusal: [String] = []
    do throws(URLRuleError) {
      guard !entered.isEmpty else { throw .empty }
      let parts = try URLParts(entered[...])
      lines.append(
        "step 2: the scheme is http or https (nothing else is accepted): yes; "
          + "requests connect to \(parts.connectTarget)")
      try ruleSteps(
        parts, entered: entered, style: style, takesNoVersion: takesNoVersion, into: &lines)
      let resolved = try resolve(
        url: entered, style: style, modelsURL: modelsURL, apiVersion: apiVersion, model: nil,
        takesNoVersion: takesNoVersion)
      if let query = parts.query {
        lines.append("the query string ?\(query) is kept at the end of every endpoint")
      }
      lines += endpointLines(resolved, style: style, explicitModels: modelsURL)
    } catch {
      // The error's own text masks what it quotes; masking it again would mask the
      // masked keys a second time.
      let message = error.description.split(separator: "\n").map(String.init)
      refusal = ["refused: " + (message.first ?? "")] + message.dropFirst().map { "  " + $0 }
    }
    return lines.map { KeyMask.maskLine($0) } + refusal
  }

  // MARK: - Private

  /// Appends the lines of steps 3 to 7; throws, after its step's line, when the
  /// URL is a pasted endpoint.
  private static func ruleSteps(
    _ parts: URLParts, entered: String, style: APIStyle, takesNoVersion: Bool,
    into lines: inout [String]
  ) throws(URLRuleError) {
    let paths = StylePaths(style)
    if parts.exact {
      lines.append(
        "step 3: does it end with \"#\"? yes: the URL without the \"#\" is the chat "
          + "endpoint exactly, nothing is added (Cherry Studio's settings page: \"#\" uses the address as is); "
          + "the model list and embeddings replace its /\(paths.exactOperation)")
      return
    }
    lines.append("step 3: does it end with \"#\"? no")
    if let (_, suffix) = pastedOperation(in: parts.path) {
      lines.append(
        "step 4: does it end in an operation path (/chat/completions, /models, "
          + ":generateContent, …)? yes, \(suffix): that is a full endpoint, not a root")
      try refusePastedEndpoint(
        parts, entered: entered, style: style, takesNoVersion: takesNoVersion)
    }
    lines.append(
      "step 4: does it end in an operation path (/chat/completions, /models, "
        + ":generateContent, …)? no")
    let path = URLPath.trimmingSlashes(parts.path)
    let trailing = parts.path.hasSuffix("/")
    if !paths.wantsVersion {
      lines.append(
        "step 5: the \(style.rawValue) style takes no version segment, so the \"/\" and "
          + "version rules do not apply; a final "
          + paths.droppedSegments.map { "/" + $0 }.joined(separator: " or ")
          + " is dropped so that it is not doubled, then its paths are added")
      return
    }
    if takesNoVersion {
      lines.append(
        "step 5: does this provider take a version? no: Cherry Studio never adds one to "
          + "its URL, so only /\(paths.chat) is added, with or without a final \"/\"")
      return
    }
    lines.append("step 5: does this provider take a version? yes, /\(paths.version)")
    guard !trailing else {
      lines.append(
        "step 6: does it end with \"/\"? yes: no version is added, whatever the path "
          + "(Cherry Studio's settings page: \"a URL ending in / adds chat/completions\")")
      return
    }
    lines.append("step 6: does it end with \"/\"? no")
    if let segment = URLPath.versionSegment(in: path) {
      lines.append(
        "step 7: does the path have a version segment (v<digits>, optionally alpha or "
          + "beta: v1, v3, v1beta), anywhere in it? yes, /\(segment): no version is added "
          + "(Cherry Studio's newer rule, beyond its settings page)")
      return
    }
    lines.append(
      "step 7: does the path have a version segment (v<digits>, optionally alpha or "
        + "beta), anywhere in it? no (Cherry Studio's newer rule, beyond its settings page)")
    lines.append(
      "step 8: so it is a root: the \(style.rawValue) style's version /\(paths.version) "
        + "is added, then /\(paths.chat) (Cherry Studio's settings page: enter only the root, cherry adds the rest)"
    )
  }

  private static func endpointLines(
    _ resolved: ResolvedEndpoints, style: APIStyle, explicitModels: String?
  ) -> [String] {
    var lines = ["rule: \(resolved.ruleExplanation)", "chat:       \(resolved.chat)"]
    if let models = resolved.models {
      let source = (explicitModels.map(trimmed) ?? "").isEmpty ? "" : "   (set by models-url)"
      lines.append("models:     \(models)\(source)")
    } else {
      lines.append("models:     none: \(resolved.modelsProblem ?? "not derivable")")
    }
    if let embeddings = resolved.embeddings {
      lines.append("embeddings: \(embeddings)")
    } else {
      lines.append(
        StylePaths(style).embeddings == nil
          ? "embeddings: none (the \(style.rawValue) style has no embeddings endpoint)"
          : "embeddings: none (not derivable from this URL)")
    }
    if resolved.chat.contains("{model}") {
      lines.append("{model} is replaced by the model's id in each request")
    }
    lines += resolved.warnings.map { "note: " + $0 }
    return lines
  }

}

extension EndpointResolver {
  /// Walks through the URL rules for a provider (``explain(url:style:apiVersion:modelsURL:takesNoVersion:)``
  /// with its settings), then shows its Anthropic-compatible URL when it has one.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - url: An address to explain instead of the provider's own, or `nil`.
  /// - Returns: The lines to print, in order.
  public static func explain(_ provider: Provider, url: String? = nil) -> [String] {
    var lines = explain(
      url: url ?? provider.url, style: provider.style, apiVersion: provider.apiVersion,
      modelsURL: provider.modelsURL, takesNoVersion: provider.takesNoVersion)
    guard url == nil, let anthropic = provider.effectiveAnthropicURL else { return lines }
    let origin = provider.anthropicURL == nil ? "default" : "set by anthropic-url"
    lines.append(
      KeyMask.maskLine(
        "anthropic-url: \(anthropic)   (\(origin); the anthropic style's rules apply)"))
    do throws(URLRuleError) {
      let resolved = try resolve(
        url: anthropic, style: .anthropic, modelsURL: nil, apiVersion: nil, model: nil)
      lines.append(
        KeyMask.maskLine("  messages:   \(resolved.chat)   (\(resolved.ruleExplanation))"))
    } catch {
      // The error's text is masked already; masking it twice would mask masked keys.
      lines.append("  refused: " + error.what)
    }
    return lines
  }
}
