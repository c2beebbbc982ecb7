import CherryInteropCore
import CherryKit

/// `export llm`: `extra-openai-models.yaml` for Simon Willison's `llm` command
/// line, which speaks the OpenAI chat API to any base URL (DESIGN §1.7).
///
/// `llm` keeps keys in its own store, so the file names a key (`api_key_name`) and
/// the notes give the `llm keys set` commands to run.
enum LLMExport {
  /// One entry of the file.
  struct Model: Codable {
    var modelID: String
    var modelName: String
    var apiBase: String
    var apiKeyName: String?
    var headers: [String: String]?
    var canStream: Bool?
    var vision: Bool?
    var supportsTools: Bool?

    private enum CodingKeys: String, CodingKey {
      case modelID = "model_id"
      case modelName = "model_name"
      case apiBase = "api_base"
      case apiKeyName = "api_key_name"
      case headers
      case canStream = "can_stream"
      case vision
      case supportsTools = "supports_tools"
    }
  }

  /// Writes the file.
  ///
  /// - Parameter providers: The prepared providers.
  /// - Returns: The YAML, the variables the key commands read, and the commands.
  /// - Throws: ``InteropFailure`` when no provider speaks the OpenAI style.
  static func write(_ providers: [Provider]) throws(InteropFailure) -> ExportedText {
    var entries: [Model] = []
    var variables = References()
    var notes: [String] = []
    var commands: [String] = []
    for provider in providers {
      guard provider.style == .openai || provider.style == .openaiResponse else {
        notes.append(
          "left out \(provider.id): llm speaks the OpenAI chat API, and it speaks \(provider.style.rawValue) (an llm plugin covers it)"
        )
        continue
      }
      guard let base = ConsumerBase.exportableBase(of: provider, notes: &notes) else {
        continue
      }
      var headers: [String: String] = [:]
      for header in provider.headers where !ExportPreparation.isReference(header.value) {
        headers[header.name] = header.value
      }
      if headers.count < provider.headers.count {
        notes.append("\(provider.id): headers holding secrets are left out (llm cannot read them)")
      }
      if let key = provider.keys.first {
        // A literal key is not repeated here: `llm keys set` asks for it.
        commands.append(
          "llm keys set \(provider.id)"
            + (variables.variable(key).map { " --value \"$\($0)\"" } ?? "  (then paste key #1)"))
        if provider.keys.count > 1 {
          notes.append("\(provider.id): llm uses one key (key #1); it does not rotate keys")
        }
      }
      for model in provider.models {
        let kinds = provider.kinds(of: model)
        entries.append(
          Model(
            modelID: provider.id + "/" + model.id, modelName: model.id, apiBase: base,
            apiKeyName: provider.keys.isEmpty ? nil : provider.id,
            headers: headers.isEmpty ? nil : headers, canStream: nil,
            vision: kinds.contains(.vision) ? true : nil,
            supportsTools: kinds.contains(.tools) ? true : nil))
      }
    }
    guard !entries.isEmpty else {
      throw InteropFailure(
        "nothing to export for llm: no provider of the OpenAI style has models",
        fix: notes.isEmpty ? ["add models with +"] : notes)
    }
    let header = [
      "# extra-openai-models.yaml for llm, written by cherry (export llm).",
      "# Put it in the folder that `llm logs path` shows (or $LLM_USER_PATH), then set the keys.",
    ]
    let text = header.joined(separator: "\n") + "\n" + (try YAMLText.encode(entries))
    return ExportedText(
      text: text, variables: variables.names,
      notes: (commands.isEmpty ? [] : ["set the keys llm reads with:"] + commands.map { "  " + $0 })
        + notes, holdsKey: false)
  }
}
