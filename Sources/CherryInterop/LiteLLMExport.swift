import CherryInteropCore
import CherryKit
import Yams

/// `export litellm`: a LiteLLM proxy `config.yaml` (DESIGN §1.7).
///
/// One deployment per added model and key, all of a model's deployments under one
/// `model_name` (`<provider>/<model>`), so LiteLLM's router spreads the requests over
/// every key (at random by default, not in turn). Keys are `os.environ/NAME`; the
/// master key the proxy insists on is `os.environ/LITELLM_MASTER_KEY`. `modelInfo`
/// keeps what `import litellm` needs to give the same providers back.
enum LiteLLMExport {
  /// The variable the proxy's master key is read from.
  static let masterKeyVariable = "LITELLM_MASTER_KEY"

  /// Writes the config.
  ///
  /// - Parameter providers: The prepared providers.
  /// - Returns: The YAML, the variables it reads, and notes on what was left out.
  /// - Throws: ``InteropFailure`` when no provider could be written.
  static func write(_ providers: [Provider]) throws(InteropFailure) -> ExportedText {
    var deployments: [LiteLLMConfig.Deployment] = []
    var variables = References()
    var notes: [String] = []
    for provider in providers {
      guard let base = ConsumerBase.exportableBase(of: provider, notes: &notes) else {
        continue
      }
      var headers: [String: String] = [:]
      for header in provider.headers {
        if ExportPreparation.isReference(header.value) {
          notes.append(
            "\(provider.id): the header \(header.name) holds a secret; add it to extraHeaders by hand"
          )
        } else {
          headers[header.name] = header.value
        }
      }
      if provider.proxy != nil {
        notes.append("\(provider.id): its proxy is not exported (LiteLLM uses HTTPS_PROXY)")
      }
      if provider.needsKey, provider.keys.isEmpty {
        notes.append("\(provider.id) has no keys: its deployments carry none")
      }
      let keys: [String?] = provider.keys.isEmpty ? [nil] : provider.keys
      let routed =
        provider.isNewAPI ? provider.models.filter { ($0.endpointType ?? .openai) != .openai } : []
      if !routed.isEmpty {
        notes.append(
          "\(provider.id): left out \(routed.map(\.id).joined(separator: ", ")): their endpoint type is not OpenAI's"
        )
      }
      for model in provider.models where !routed.contains(model) {
        for (offset, key) in keys.enumerated() {
          var overrides: [String: Bool] = [:]
          for (kind, on) in model.kindOverrides { overrides[kind.rawValue] = on }
          deployments.append(
            LiteLLMConfig.Deployment(
              modelName: provider.id + "/" + model.id,
              litellmParams: LiteLLMConfig.Parameters(
                model: LiteLLMPrefix.prefix(for: provider.style) + model.id, apiBase: base,
                apiKey: key.map { variables.litellm($0) },
                apiVersion: provider.style == .azureOpenAI ? provider.apiVersion : nil,
                extraHeaders: headers.isEmpty ? nil : headers, timeout: provider.timeout),
              modelInfo: LiteLLMConfig.ModelInfo(
                cherryProvider: provider.id, cherryName: provider.name,
                cherryStyle: provider.type.rawValue, cherryURL: provider.url,
                cherryKey: key == nil ? nil : offset + 1, cherryGroup: model.group,
                cherryKinds: overrides.isEmpty ? nil : overrides)))
        }
      }
    }
    guard !deployments.isEmpty else {
      throw InteropFailure(
        "nothing to export: no provider could be written",
        fix: notes + ["add models with +, and check the URL with: url"])
    }
    variables.add(masterKeyVariable)
    let config = LiteLLMConfig(
      modelList: deployments,
      generalSettings: LiteLLMConfig.GeneralSettings(
        masterKey: "os.environ/" + masterKeyVariable))
    let yaml = try YAMLText.encode(config)
    let header = [
      "# LiteLLM proxy config written by cherry (export litellm).",
      "# Start it with: litellm --config <this file>",
      "# It reads: " + variables.names.joined(separator: " "),
    ]
    return ExportedText(
      text: header.joined(separator: "\n") + "\n" + yaml, variables: variables.names,
      notes: notes,
      holdsKey: deployments.contains { deployment in
        deployment.litellmParams.apiKey?.hasPrefix("os.environ/") == false
          || (deployment.litellmParams.extraHeaders ?? [:]).values.contains(
            where: KeyMask.looksLikeKey)
      })
  }
}
