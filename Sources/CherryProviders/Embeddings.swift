import CherryKit

extension ProviderClient {
  /// Sends one embeddings call (the test of an embedding model, DESIGN §1.4) and checks
  /// the answer is JSON without an error.
  ///
  /// The model's route decides the URL, the key header and the body, as for chat.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  ///   - key: The key, or `nil`.
  ///   - timeouts: The limits.
  /// - Throws: ``ProviderError``; of kind `configuration` when the route has no
  ///   embeddings endpoint (Anthropic).
  func embed(_ provider: Provider, model: String, key: KeyChoice?, timeouts: Timeouts)
    async throws(ProviderError)
  {
    let route = try EndpointLookup.route(
      provider, model: model, method: "POST", secrets: secrets(provider))
    let endpoints = route.endpoints
    let adapter = route.embeddingsAdapter
    let url = endpoints.embeddings ?? endpoints.chat
    let context = context(
      provider, method: "POST", url: url, key: key, model: model, operation: .embeddings,
      rule: endpoints.ruleExplanation, style: route.style)
    let body: [UInt8]?
    do {
      body = try adapter.embeddingsBody(model: model)
    } catch {
      throw context.error(.configuration, detail: "cannot encode the request", fix: "report this")
    }
    guard let body, endpoints.embeddings != nil else {
      throw context.error(
        .configuration, detail: "no embeddings endpoint for the \(route.style.rawValue) style",
        fix:
          "test a chat model instead (`test <model>`), or mark this one `model \(model) kinds -embedding`"
      )
    }
    let request = try RequestBuilder.make(
      provider: provider, context: context, key: key, body: body, streaming: false,
      environment: configuration.environment)
    let limit = configuration.maxResponseBytes
    try await transport.perform(request, providerProxy: provider.proxy, timeouts: timeouts) {
      response, context in
      let bytes = try await ResponseLimit.collect(response, limit: limit)
      // Checked without building the answer in memory: it may be large.
      let root = try JSONDocument(bytes, what: "an embeddings answer").root
      if let error = root.member("error"), !error.isNull {
        let value = JSONValue.parse(error.slice.prefix(ResponseLimit.errorBodyBytes)) ?? .null
        throw ProviderErrorClassifier.classifyStreamError(
          ProviderMessage.extract(json: .object(["error": value])), context: context)
      }
    }
  }
}
