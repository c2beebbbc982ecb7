import CherryInteropCore
import CherryKit
import Foundation

/// `import litellm <config.yaml>`: a LiteLLM proxy's `model_list` read back into
/// providers (DESIGN §1.7).
///
/// A config cherry wrote gives the same providers back (their ids, names, styles
/// and URLs are in `modelInfo`). Another config is read by LiteLLM's meaning: the
/// prefix says the style, `apiBase` the URL (written so that cherry's URL rules reach
/// the endpoint LiteLLM would), `os.environ/NAME` keys become `env:NAME`, and the
/// deployments of one style and base are one provider.
enum LiteLLMImport {
  /// The largest config cherry reads.
  static let limit: UInt64 = 16 << 20

  /// Reads a config file.
  ///
  /// - Parameter path: The file.
  /// - Returns: The providers.
  /// - Throws: ``InteropFailure`` for a missing, huge or malformed file.
  static func read(_ path: String) throws(InteropFailure) -> ImportedSource {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InteropFailure(
        "cannot read \(path)", fix: ["give the LiteLLM proxy's config.yaml (litellm --config)"])
    }
    guard UInt64(data.count) <= limit else {
      throw InteropFailure("\(path) is larger than a LiteLLM config can be (16 MiB)")
    }
    let config = try YAMLText.decode(
      LiteLLMConfig.self, from: String(decoding: data, as: UTF8.self), source: path)
    return providers(config, source: path)
  }

  /// The providers of a config.
  static func providers(_ config: LiteLLMConfig, source: String) -> ImportedSource {
    var order: [String] = []
    var byID: [String: ImportedProvider] = [:]
    var keyNumbers: [String: [(Int, String)]] = [:]
    var notes: [String] = []
    for (index, deployment) in config.modelList.enumerated() {
      let params = deployment.litellmParams
      guard let parsed = LiteLLMPrefix.parse(params.model) else {
        notes.append(
          "left out model_list[\(index)] (\(deployment.modelName)): cherry cannot speak LiteLLM's \(params.model.split(separator: "/").first.map(String.init) ?? params.model) provider"
        )
        continue
      }
      let info = deployment.modelInfo
      let type = info?.cherryStyle.flatMap(ProviderType.init(rawValue:))
      let style = type?.style ?? parsed.style
      guard let id = info?.cherryProvider ?? derivedID(parsed, apiBase: params.apiBase) else {
        notes.append(
          "left out model_list[\(index)] (\(deployment.modelName)): \(params.model) needs an api_base"
        )
        continue
      }
      var provider = byID[id] ?? ImportedProvider(id: id)
      if byID[id] == nil { order.append(id) }
      provider.name = provider.name ?? info?.cherryName
      provider.style = provider.style ?? style
      if type == .newAPI { provider.newAPI = true }
      if provider.url == nil {
        provider.url = info?.cherryURL ?? params.apiBase.map { url(forBase: $0, style: style) }
      }
      provider.apiVersion = provider.apiVersion ?? params.apiVersion
      if let key = params.apiKey {
        let stored =
          key.hasPrefix("os.environ/") ? "env:" + key.dropFirst("os.environ/".count) : key
        keyNumbers[id, default: []].append((info?.cherryKey ?? Int.max, stored))
      }
      var models = provider.models ?? []
      if !models.contains(where: { $0.id == parsed.model }) {
        var kinds: [ModelKind: Bool] = [:]
        for (name, on) in info?.cherryKinds ?? [:] {
          if let kind = ModelKind(rawValue: name) { kinds[kind] = on }
        }
        models.append(
          ImportedModel(id: parsed.model, group: info?.cherryGroup, kindOverrides: kinds))
      }
      provider.models = models
      var headers = provider.headers ?? []
      for name in (params.extraHeaders ?? [:]).keys.sorted()
      where !headers.contains(where: { $0.name == name }) {
        headers.append(HeaderEntry(name: name, value: params.extraHeaders?[name] ?? ""))
      }
      provider.headers = headers.isEmpty ? nil : headers
      byID[id] = provider
    }
    var providers: [ImportedProvider] = []
    for id in order {
      guard var provider = byID[id] else { continue }
      // Keys in their cherry order (stable for the same number), each once.
      let sorted = (keyNumbers[id] ?? []).enumerated().sorted {
        ($0.element.0, $0.offset) < ($1.element.0, $1.offset)
      }
      var keys: [String] = []
      for (_, (_, key)) in sorted where !keys.contains(key) { keys.append(key) }
      provider.keys = keys.isEmpty ? nil : keys
      providers.append(provider)
    }
    if config.modelList.isEmpty { notes.append("its model_list is empty") }
    return ImportedSource(
      description: "LiteLLM config \(source)", providers: providers, notes: notes)
  }

  /// The provider a deployment of another config belongs to: the built-in one its
  /// prefix or base names, else one named after the base's host.
  private static func derivedID(
    _ parsed: (style: APIStyle, builtIn: String?, model: String), apiBase: String?
  ) -> String? {
    if let builtIn = parsed.builtIn { return builtIn }
    guard let apiBase else {
      switch parsed.style {
      case .openai, .openaiResponse: return "openai"
      case .anthropic: return "anthropic"
      case .gemini: return "gemini"
      case .ollama: return "ollama"
      case .azureOpenAI: return nil
      }
    }
    let base = trimmingSlashes(apiBase)
    for entry in ProviderCatalogue.supported {
      guard let provider = entry.makeProvider(), provider.style == parsed.style,
        let known = try? ConsumerBase.base(of: provider)
      else { continue }
      if trimmingSlashes(known) == base { return entry.id }
    }
    guard let host = URLComponents(string: apiBase)?.host, !host.isEmpty else { return nil }
    let port = URLComponents(string: apiBase)?.port.map { "-\($0)" } ?? ""
    return host.lowercased() + port
  }

  /// A URL that cherry's rules turn into the endpoint LiteLLM calls for `base`:
  /// the base itself when they agree, else with a trailing `/` (no version
  /// added), else the exact endpoint with `#`.
  static func url(forBase base: String, style: APIStyle) -> String {
    let target = trimmingSlashes(base)
    for candidate in [base, target + "/"] {
      var provider = Provider(id: "litellm", name: "litellm", style: style, url: candidate)
      provider.apiVersion = nil
      if let found = try? ConsumerBase.base(of: provider), found == target { return candidate }
    }
    return target + ConsumerBase.operation(for: style)[0] + "#"
  }

  private static func trimmingSlashes(_ text: String) -> String {
    var text = Substring(text)
    while text.hasSuffix("/") { text = text.dropLast() }
    return String(text)
  }
}
