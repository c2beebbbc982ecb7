extension EndpointResolver {
  /// The endpoints of a URL without `#`: the no-version, root, trailing-`/` and
  /// version-segment rules.
  static func builtEndpoints(
    _ parts: URLParts, entered: String, style: APIStyle, apiVersion: String?,
    takesNoVersion: Bool
  ) -> ResolvedEndpoints {
    var warnings: [String] = []
    let azure = style == .azureOpenAI ? azureVersion(parts.query, apiVersion, &warnings) : nil
    let paths = StylePaths(style, azureVersion: azure?.version ?? "")
    let trailingSlash = parts.path.hasSuffix("/")
    var path = URLPath.trimmingSlashes(parts.path)
    var dropped: [String] = []
    for segment in paths.droppedSegments {
      if let shorter = URLPath.droppingSegment(segment, from: path) {
        dropped.append("/" + path[path.index(after: shorter.endIndex)...])
        path = shorter
      }
    }
    let rule: URLRule
    var prefix = parts.origin + path
    if takesNoVersion && paths.wantsVersion {
      rule = .noVersion
    } else if trailingSlash {
      rule = .trailingSlash
      if paths.wantsVersion && !URLPath.hasVersionSegment(path) {
        warnings.append(
          "the URL ends with \"/\", so no version was added, and its path has none "
            + "(such as /\(paths.version)): if the provider expects one, enter the URL "
            + "without the final \"/\"")
      }
    } else if paths.wantsVersion, let segment = URLPath.versionSegment(in: path) {
      rule = .versionSegment(String(segment))
    } else {
      rule = .root(version: paths.version)
      if paths.wantsVersion { prefix += "/" + paths.version }
    }

    let fixed = azure?.item.map { [$0] } ?? []
    let chatFixed = (paths.chatQuery.map { [$0] } ?? []) + fixed
    return ResolvedEndpoints(
      entered: entered, rule: rule,
      chat: joined(prefix + "/" + paths.chat, fixed: chatFixed, user: parts.query),
      models: joined(prefix + "/" + paths.models, fixed: fixed, user: parts.query),
      modelsProblem: nil,
      embeddings: paths.embeddings.map {
        joined(prefix + "/" + $0, fixed: fixed, user: parts.query)
      },
      warnings: warnings,
      ruleExplanation: explanation(of: rule, style: style, paths: paths, dropped: dropped)
        + (azure.map { "; " + $0.explanation } ?? ""),
      chatFormat: paths.chatFormat)
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
    var format = paths.chatFormat
    if style == .azureOpenAI {
      if URLPath.droppingSuffix("responses", from: path) != nil { format = .openaiResponse }
      // Only the deployments API requires the item; the v1 API takes it optionally.
      if !hasItem("api-version", in: parts.query), path.contains("/deployments/") {
        warnings.append("the URL has no api-version=… query item, which Azure requires")
      }
    }
    return ResolvedEndpoints(
      entered: entered, rule: .exact, chat: chat, models: models, modelsProblem: problem,
      embeddings: embeddings, warnings: warnings,
      ruleExplanation: "ends with \"#\": the URL is the chat endpoint exactly, nothing is "
        + "added (Cherry Studio's settings page's rule); the model list replaces its operation path",
      chatFormat: format)
  }

  // MARK: - Queries

  /// The api-version Azure requests use, the query item that carries it (`nil`
  /// when the URL's own query has one) and a line on the mode it selects.
  private static func azureVersion(
    _ query: Substring?, _ apiVersion: String?, _ warnings: inout [String]
  ) -> (version: String, item: String?, explanation: String) {
    let setting = apiVersion.map(trimmed) ?? ""
    var version = setting
    var item: String? = nil
    if let own = itemValue("api-version", in: query) {
      version = own
      if !setting.isEmpty, setting != own {
        warnings.append(
          "the URL has its own api-version query item; the api-version setting "
            + "(\(setting)) is not used")
      }
    } else {
      item = "api-version=" + (version.isEmpty ? "v1" : version)
    }
    let explanation: String
    if !StylePaths.usesAzureV1API(version) {
      explanation =
        "api-version \(version) is dated: the deployments API "
        + "(/openai/deployments/{model}/…)"
    } else if version.isEmpty {
      explanation =
        "no api-version: the v1 API with api-version=v1 (/openai/v1/chat/completions), "
        + "as Cherry Studio does"
    } else {
      explanation = "api-version \(version): the v1 Responses API (/openai/v1/responses)"
    }
    return (version, item, explanation)
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
    itemValue(name, in: query) != nil
  }

  /// The value of the first query item called `name` (empty for `name` alone).
  static func itemValue(_ name: String, in query: Substring?) -> String? {
    guard let query else { return nil }
    for item in query.split(separator: "&") where item.prefix(while: { $0 != "=" }) == name[...] {
      return String(item.dropFirst(name.count).drop { $0 == "=" })
    }
    return nil
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
        + "(Cherry Studio's settings page's rule); \(then)\(droppedNote)"
    case .versionSegment(let segment):
      return "the path has the version segment /\(segment): no version is added "
        + "(Cherry Studio's newer rule, beyond its settings page); \(then)"
    case .noVersion:
      return "this provider never takes a version (as in Cherry Studio): nothing is "
        + "added but /\(paths.chat)"
    case .exact:
      return
        "ends with \"#\": the URL is the chat endpoint exactly (Cherry Studio's settings page's rule)"
    }
  }
}
