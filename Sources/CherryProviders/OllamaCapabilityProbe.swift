import CherryKit

/// Asks Ollama what each listed model can do (`POST /api/show`, issue 9), as Cherry
/// Studio's listing does: its `capabilities` (vision, tools, thinking, embedding) become
/// the model's declared kinds (``ListedModel/providerKinds``).
///
/// The probes run a few at a time, with the listing's key, each bounded by the test's
/// limit; a model whose probe fails keeps the kinds its name gives. Only the first
/// ``maxProbes`` models are probed, so a huge (or hostile) list cannot turn one
/// `manage` into thousands of requests.
enum OllamaCapabilityProbe {
  /// The most probes in flight: Ollama runs on one machine, often the user's own.
  static let concurrency = 4
  /// The most models probed in one listing.
  static let maxProbes = 500
  /// The largest `/api/show` answer read (it holds the model's template and license).
  static let maxAnswerBytes = 4 << 20

  /// The request body.
  struct Body: Encodable {
    var model: String
  }

  /// The `/api/show` URL beside a model-list URL (`…/api/tags`) or chat URL
  /// (`…/api/chat`), query kept; `nil` when neither ends that way.
  ///
  /// - Parameter endpoints: The provider's endpoints.
  /// - Returns: The URL, or `nil`.
  static func showURL(_ endpoints: ResolvedEndpoints) -> String? {
    for (url, operation) in [(endpoints.models, "api/tags"), (endpoints.chat, "api/chat")] {
      guard let url else { continue }
      let query = url.firstIndex(of: "?")
      let path = query.map { url[..<$0] } ?? url[...]
      guard path.hasSuffix("/" + operation) else { continue }
      return path.dropLast(operation.count) + "api/show" + (query.map { url[$0...] } ?? "")
    }
    return nil
  }
}

extension ProviderClient {
  /// The listed models with the capabilities Ollama's `/api/show` gives for each.
  ///
  /// - Parameters:
  ///   - provider: An Ollama-style provider.
  ///   - models: The listed models.
  ///   - key: The listing's key, or `nil`.
  ///   - onNote: Told how many probes failed (their models keep the name-based kinds)
  ///     and whether the list was too long to probe every model.
  /// - Returns: The models, each with the kinds its probe declared.
  /// - Throws: ``ProviderError`` of kind `cancelled` when the listing was cancelled.
  func probingOllamaCapabilities(
    _ provider: Provider, models: [ListedModel], key: KeyChoice?,
    onNote: (@Sendable (String) -> Void)?
  ) async throws(ProviderError) -> [ListedModel] {
    guard !models.isEmpty,
      let endpoints = try? EndpointResolver.resolve(provider, model: nil),
      let url = OllamaCapabilityProbe.showURL(endpoints)
    else { return models }
    let probed = min(models.count, OllamaCapabilityProbe.maxProbes)
    let timeouts = testTimeouts(provider.timeout ?? RequestDefaults.testTimeout)
    var results = [Result<Set<ModelKind>?, ProviderError>?](repeating: nil, count: probed)
    await BoundedConcurrency.run(probed, concurrency: OllamaCapabilityProbe.concurrency) {
      index -> Result<Set<ModelKind>?, ProviderError> in
      do throws(ProviderError) {
        return .success(
          try await self.showCapabilities(
            provider, model: models[index].id, url: url, key: key, timeouts: timeouts))
      } catch {
        return .failure(error)
      }
    } onResult: { index, result in
      results[index] = result
    }
    var out = models
    var failures: [ProviderError] = []
    for (index, result) in results.enumerated() {
      switch result {
      case .success(let kinds?): out[index].providerKinds = kinds
      case .failure(let error): failures.append(error)
      case .success(nil), nil: break
      }
    }
    if let cancelled = failures.first(where: { $0.kind == .cancelled }) { throw cancelled }
    if let first = failures.first {
      onNote?(
        "Ollama did not say what \(failures.count) of \(probed) models can do "
          + "(\(first.summary)): their kinds come from their names")
    }
    if models.count > probed {
      onNote?(
        "only the first \(probed) of \(models.count) models were asked what they can do: "
          + "the kinds of the others come from their names")
    }
    return out
  }

  /// One probe: the kinds `/api/show` declares for a model, or `nil` when its answer
  /// has no `capabilities` (an older Ollama).
  private func showCapabilities(
    _ provider: Provider, model: String, url: String, key: KeyChoice?, timeouts: Timeouts
  ) async throws(ProviderError) -> Set<ModelKind>? {
    let context = context(
      provider, method: "POST", url: url, key: key, model: model, operation: .list,
      rule: "Ollama's /api/show, beside its model list")
    let body: [UInt8]
    do {
      body = try StyleAdapters.encode(OllamaCapabilityProbe.Body(model: model))
    } catch {
      throw context.error(.configuration, detail: "cannot encode the request", fix: "report this")
    }
    let request = try RequestBuilder.make(
      provider: provider, context: context, key: key, body: body, streaming: false,
      environment: configuration.environment)
    let limit = min(configuration.maxResponseBytes, OllamaCapabilityProbe.maxAnswerBytes)
    return try await transport.perform(
      request, providerProxy: provider.proxy, timeouts: timeouts
    ) { response, _ in
      let bytes = try await ResponseLimit.collect(response, limit: limit)
      let root = try JSONDocument(bytes, what: "an Ollama /api/show answer").root
      return try OllamaStyle.kinds(capabilities: root.member("capabilities"))
    }
  }
}
