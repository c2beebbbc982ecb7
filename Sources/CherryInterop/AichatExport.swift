import CherryInteropCore
import CherryKit

/// `export aichat`: the `clients:` section of aichat's `config.yaml` (DESIGN §1.7).
///
/// aichat reads a client's key from `apiKey`, or else from the variable
/// `<NAME>_API_KEY` (the client's name in capitals), so without `--with-keys` the
/// file holds no key and the notes say which variables to set.
enum AichatExport {
  /// The section.
  struct Section: Codable {
    var clients: [Client]
  }

  /// One client.
  struct Client: Codable {
    var type: String
    var name: String
    var apiBase: String
    var apiKey: String?
    var models: [Model]

    private enum CodingKeys: String, CodingKey {
      case type
      case name
      case apiBase = "api_base"
      case apiKey = "api_key"
      case models
    }
  }

  /// One model of a client.
  struct Model: Codable {
    var name: String
    var type: String?
    var supportsVision: Bool?
    var supportsFunctionCalling: Bool?

    private enum CodingKeys: String, CodingKey {
      case name
      case type
      case supportsVision = "supports_vision"
      case supportsFunctionCalling = "supports_function_calling"
    }
  }

  /// Writes the section.
  ///
  /// - Parameter providers: The prepared providers.
  /// - Returns: The YAML, and the variables aichat will read.
  /// - Throws: ``InteropFailure`` when no provider could be written.
  static func write(_ providers: [Provider]) throws(InteropFailure) -> ExportedText {
    var clients: [Client] = []
    var variables = References()
    var notes: [String] = []
    for provider in providers {
      guard let base = ConsumerBase.exportableBase(of: provider, notes: &notes) else {
        continue
      }
      let (type, apiBase) = client(provider.style, base: base)
      // aichat puts the name in capitals before `_API_KEY`: keep it a variable name.
      let name = String(
        provider.id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
      var client = Client(
        type: type, name: name, apiBase: apiBase, apiKey: nil,
        models: provider.models.map { model in
          let kinds = provider.kinds(of: model)
          return Model(
            name: model.id,
            type: kinds.contains(.embedding)
              ? "embedding" : kinds.contains(.rerank) ? "reranker" : nil,
            supportsVision: kinds.contains(.vision) ? true : nil,
            supportsFunctionCalling: kinds.contains(.tools) ? true : nil)
        })
      if let key = provider.keys.first {
        let expected = name.uppercased() + "_API_KEY"
        if let variable = variables.variable(key) {
          if variable != expected {
            notes.append(
              "aichat reads \(expected) for \(name): export \(expected)=\"$\(variable)\"")
          }
        } else {
          client.apiKey = key
        }
        if provider.keys.count > 1 {
          notes.append("\(provider.id): aichat uses one key (key #1); it does not rotate keys")
        }
      }
      clients.append(client)
    }
    guard !clients.isEmpty else {
      throw InteropFailure(
        "nothing to export for aichat", fix: notes.isEmpty ? ["add models with +"] : notes)
    }
    let header =
      "# The clients: section of aichat's config.yaml, written by cherry (export aichat).\n"
    return ExportedText(
      text: header + (try YAMLText.encode(Section(clients: clients))), variables: variables.names,
      notes: notes, holdsKey: clients.contains { $0.apiKey != nil })
  }

  /// aichat's client type and base for a style: its `claude` client appends
  /// `/messages` to a base that ends in `/v1`; Ollama is reached through its
  /// OpenAI-compatible `/v1`.
  private static func client(_ style: APIStyle, base: String) -> (String, String) {
    switch style {
    case .openai, .openaiResponse: return ("openai-compatible", base)
    case .anthropic: return ("claude", base + "/v1")
    case .gemini: return ("gemini", base)
    case .ollama: return ("openai-compatible", base + "/v1")
    case .azureOpenAI: return ("azure-openai", base)
    }
  }
}
