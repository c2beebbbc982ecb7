import CherryInteropCore
import CherryKit
import Foundation

/// Cherry Studio's providers (its `llm` slice, `Provider` and `Model` types) mapped
/// to cherry's fields (notes/cherry-studio-behaviour.md §1, §8).
///
/// The app's JSON is read field by field, leniently: a field of the wrong type is
/// reported as not imported rather than refusing the whole backup.
enum CherryStudioProviders {
  /// The app's provider types cherry speaks, by the style it speaks them with.
  static func style(forAppType type: String) -> (style: APIStyle?, note: String?) {
    switch type {
    case "openai": return (.openai, nil)
    case "openai-response": return (.openaiResponse, nil)
    case "anthropic": return (.anthropic, nil)
    case "gemini": return (.gemini, nil)
    case "azure-openai": return (.azureOpenAI, nil)
    case "ollama": return (.ollama, nil)
    case "new-api": return (.openai, nil)
    case "gateway", "mistral":
      return (.openai, "type \(type) (imported as the openai style)")
    default: return (nil, nil)
    }
  }

  /// Why cherry cannot set up a provider of this app type, or `nil` when it can.
  static func unsupportedReason(forAppType type: String) -> String? {
    switch type {
    case "vertexai", "vertex-anthropic": return "Vertex AI needs Google Cloud credentials"
    case "aws-bedrock": return "AWS Bedrock needs AWS credentials and request signing"
    default: return style(forAppType: type).style == nil ? "unknown provider type \(type)" : nil
    }
  }

  /// The providers of the app's `llm` slice that the user set up: custom ones, and
  /// built-in ones with a key or switched on (the app lists every built-in provider,
  /// with seeded models, whether used or not).
  ///
  /// - Parameter objects: The slice's `providers` array, as decoded JSON.
  /// - Returns: The providers, and how many untouched built-in ones were left out.
  static func map(_ objects: [Any]) -> (providers: [ImportedProvider], leftOut: Int) {
    var providers: [ImportedProvider] = []
    var leftOut = 0
    for case let object as [String: Any] in objects {
      guard let id = object["id"] as? String, !id.isEmpty else { continue }
      let apiKey = object["apiKey"] as? String ?? ""
      let enabled = object["enabled"] as? Bool
      let isSystem = object["isSystem"] as? Bool ?? false
      if isSystem, apiKey.trimmingCharacters(in: .whitespaces).isEmpty, enabled != true {
        leftOut += 1
        continue
      }
      providers.append(provider(id: id, object))
    }
    return (providers, leftOut)
  }

  /// One app provider in cherry's terms.
  static func provider(id: String, _ object: [String: Any]) -> ImportedProvider {
    var provider = ImportedProvider(id: id)
    provider.name = object["name"] as? String
    let type = object["type"] as? String ?? "openai"
    if let reason = unsupportedReason(forAppType: type) {
      provider.unsupportedReason = reason
      return provider
    }
    let (style, note) = style(forAppType: type)
    provider.style = style
    if let note { provider.notMapped.append(note) }
    if type == "new-api" { provider.newAPI = true }
    provider.anthropicURL = object["anthropicApiHost"] as? String
    provider.notes = object["notes"] as? String
    provider.enabled = object["enabled"] as? Bool
    provider.url = object["apiHost"] as? String
    provider.apiVersion = object["apiVersion"] as? String
    if let apiKey = object["apiKey"] as? String,
      !apiKey.trimmingCharacters(in: .whitespaces).isEmpty
    {
      do {
        provider.keys = try APIKeyList.parse(apiKey).keys
      } catch {
        provider.notMapped.append("its keys (\(error.description))")
      }
    }
    if let headers = object["extra_headers"] as? [String: Any] {
      provider.headers = headers.keys.sorted().compactMap { name in
        (headers[name] as? String).map { HeaderEntry(name: name, value: $0) }
      }
    }
    if let models = object["models"] as? [Any] {
      let mapped = self.models(models)
      provider.models = mapped.models
      provider.notMapped += mapped.notMapped
    }
    for (field, phrase) in Self.unmappedFields where object[field] != nil {
      provider.notMapped.append(phrase)
    }
    return provider
  }

  /// Provider fields cherry has no place for yet, with how the preview names them.
  static let unmappedFields: [(String, String)] = [
    ("rateLimit", "rateLimit"),
    ("apiOptions", "apiOptions (compatibility switches)"),
    ("serviceTier", "serviceTier"),
    ("verbosity", "verbosity"),
    ("anthropicCacheControl", "anthropicCacheControl"),
  ]

  /// The app's capability names, as cherry's kinds.
  static let kinds: [String: ModelKind] = [
    "text": .chat, "vision": .vision, "embedding": .embedding, "reasoning": .reasoning,
    "function_calling": .tools, "web_search": .webSearch, "rerank": .rerank,
  ]

  private static func models(_ objects: [Any]) -> (models: [ImportedModel], notMapped: [String]) {
    var models: [ImportedModel] = []
    var unreadPrices = 0
    for case let object as [String: Any] in objects {
      guard let id = object["id"] as? String, !id.isEmpty else { continue }
      var model = ImportedModel(id: id, group: object["group"] as? String)
      for case let capability as [String: Any] in object["capabilities"] as? [Any] ?? [] {
        guard let type = capability["type"] as? String, let kind = kinds[type],
          let selected = capability["isUserSelected"] as? Bool
        else { continue }
        model.kindOverrides[kind] = selected
      }
      model.name = object["name"] as? String
      if let pricing = object["pricing"] as? [String: Any] {
        if let input = (pricing["input_per_million_tokens"] as? NSNumber)?.doubleValue,
          let output = (pricing["output_per_million_tokens"] as? NSNumber)?.doubleValue,
          let price = ModelPrice(
            input: input, output: output,
            currency: (pricing["currencySymbol"] as? String).flatMap { $0.isEmpty ? nil : $0 })
        {
          model.price = price
        } else {
          unreadPrices += 1
        }
      }
      model.endpointType = (object["endpoint_type"] as? String).flatMap(
        ModelEndpointType.init(listingName:))
      models.append(model)
    }
    let notMapped =
      unreadPrices > 0 ? ["the prices of \(plural(unreadPrices, "model")) (not numbers)"] : []
    return (models, notMapped)
  }

  private static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
