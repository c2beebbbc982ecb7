extension EndpointResolver {
  /// The endpoints of a URL without `#`: the root, trailing-`/` and version-segment
  /// rules.
  static func builtEndpoints(
    _ parts: URLParts, entered: String, style: APIStyle, apiVersion: String?
  ) -> ResolvedEndpoints {
    let paths = StylePaths(style)
    let trailingSlash = parts.path.hasSuffix("/")
    var path = URLPath.trimmingSlashes(parts.path)
    var warnings: [String] = []
    var dropped: [String] = []
    for segment in paths.droppedSegments {
      if let shorter = URLPath.droppingSegment(segment, from: path) {
        dropped.append("/" + path[path.index(after: shorter.endIndex)...])
        path = shorter
      }
    }
    let rule: URLRule
    var prefix = parts.origin + path
    if trailingSlash {
      rule = .trailingSlash
      if paths.wantsVersion && !URLPath.hasVersionSegment(path) {
        warnings.append(
          "the URL ends with \"/\", so no version was added, and its path has none "
            + "(such as /\(paths.version)): if the provider expects one, enter the URL "
            + "without the final \"/\"")
      }
    } else if paths.wantsVersion, URLPath.isVersionSegment(URLPath.lastSegment(path)) {
      rule = .versionSegment(String(URLPath.lastSegment(path)))
    } else {
      rule = .root(version: paths.version)
      if paths.wantsVersion { prefix += "/" + paths.version }
    }

    var fixed: String? = nil
    if style == .azureOpenAI {
      fixed = azureVersionItem(query: parts.query, apiVersion: apiVersion, warnings: &warnings)
    }
    let chatFixed = [paths.chatQuery, fixed].compactMap { $0 }
    return ResolvedEndpoints(
      entered: entered, rule: rule,
      chat: joined(prefix + "/" + paths.chat, fixed: chatFixed, user: parts.query),
      models: joined(
        prefix + "/" + paths.models, fixed: fixed.map { [$0] } ?? [], user: parts.query),
      modelsProblem: nil,
      embeddings: paths.embeddings.map {
        joined(prefix + "/" + $0, fixed: fixed.map { [$0] } ?? [], user: parts.query)
      },
      warnings: warnings,
      ruleExplanation: explanation(of: rule, style: style, paths: paths, dropped: dropped))
  }

  /// The endpoints of a URL that ends with `#`.
  static func exactEndpoints(_ parts: URLParts, entered: String, style: APIStyle)
    -> ResolvedEndpoints
  {
    let paths = StylePaths(style)
    let chat = String(entered.dropLast())
    var warnings: [String] = []
    var models: String? = nil
    var embeddings: String? = nil
    var problem: String? = nil
    let path = URLPath.trimmingSlashes(parts.path)
    // The model list takes no streaming flag, whatever the chat URL needed.
    let query = style == .gemini ? removingItem("alt=sse", from: parts.query) : parts.query
    if let derived = StylePaths.derive(fromExact: path, style: style) {
      models = joined(parts.origin + derived.models, fixed: [], user: query)
      embeddings = derived.embeddings.map { joined(parts.origin + $0, fixed: [], user: query) }
    } else {
      problem =
        "the URL ends with \"#\" and has no /\(paths.exactOperation) to replace with "
        + "/\(paths.models): set models-url <url> to list models"
      warnings.append(
        "the chat endpoint is exactly \(chat); it does not end in /\(paths.exactOperation), "
          + "which the \(style.rawValue) style uses: if the provider expects it, "
          + "put it before the \"#\"")
    }
    if style == .azureOpenAI, !hasItem("api-version", in: parts.query) {
      warnings.append("the URL has no api-version=… query item, which Azure requires")
    }
    return ResolvedEndpoints(
      entered: entered, rule: .exact, chat: chat, models: models, modelsProblem: problem,
      embeddings: embeddings, warnings: warnings,
      ruleExplanation: "ends with \"#\": the URL is the chat endpoint exactly, nothing is "
        + "added (the seed's rule); the model list replaces its operation path")
  }

  // MARK: - Queries

  /// The Azure `api-version` item to add, unless the URL's own query has one.
  private static func azureVersionItem(
    query: Substring?, apiVersion: String?, warnings: inout [String]
  ) -> String? {
    let version = apiVersion.map(trimmed) ?? ""
    if hasItem("api-version", in: query) {
      if !version.isEmpty {
        warnings.append(
          "the URL has its own api-version query item; the api-version setting "
            + "(\(version)) is not used")
      }
      return nil
    }
    guard !version.isEmpty else {
      warnings.append(
        "azure-openai needs an api-version: set one with api-version <v> "
          + "(for example 2024-10-21)")
      return nil
    }
    return "api-version=" + version
  }

  /// `url` with the fixed query items first and the user's query kept at the end;
  /// a fixed item whose name the user's query already has is left out.
  static func joined(_ url: String, fixed: [String], user: Substring?) -> String {
    var items: [Substring] = []
    for item in fixed {
      let name = item.prefix { $0 != "=" }
      if !hasItem(String(name), in: user) { items.append(item[...]) }
    }
    if let user { items.append(user) }
    return items.isEmpty ? url : url + "?" + items.joined(separator: "&")
  }

  static func hasItem(_ name: String, in query: Substring?) -> Bool {
    guard let query else { return false }
    return query.split(separator: "&").contains { $0.prefix { $0 != "=" } == name[...] }
  }

  static func removingItem(_ item: String, from query: Substring?) -> Substring? {
    guard let query else { return nil }
    let kept = query.split(separator: "&").filter { $0 != item[...] }
    return kept.isEmpty ? nil : kept.joined(separator: "&")[...]
  }

  // MARK: - Explanation

  /// One line saying which rule applied and why.
  static func explanation(
    of rule: URLRule, style: APIStyle, paths: StylePaths, dropped: [String]
  ) -> String {
    let then = "then /\(paths.chat) is added"
    let droppedNote =
      dropped.isEmpty
      ? ""
      : "; the \(dropped.joined(separator: " and ")) at the end was dropped so "
        + "that it is not doubled"
    switch rule {
    case .root(let version) where version.isEmpty:
      return "root URL: the \(style.rawValue) style takes no version; \(then)\(droppedNote)"
    case .root(let version):
      return "root URL: the \(style.rawValue) style's version /\(version) is added, \(then)"
    case .trailingSlash:
      return "ends with \"/\": no version is added, the path is kept as written "
        + "(the seed's rule); \(then)\(droppedNote)"
    case .versionSegment(let segment):
      return "the path ends in the version segment /\(segment): no version is added "
        + "(cherry's own rule, not in the seed); \(then)"
    case .exact:
      return "ends with \"#\": the URL is the chat endpoint exactly (the seed's rule)"
    }
  }
}
