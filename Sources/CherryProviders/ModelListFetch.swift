import CherryKit

extension ProviderClient {
  /// The most pages followed, so a provider that pages forever cannot hang `manage`.
  static let maxPages = 1000

  /// Fetches the model list: the first page only (the key check) or every page, all with
  /// the same key (DESIGN §1.3), at most ``RequestDefaults/maxListedModels`` entries in
  /// all (DESIGN §2.4).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - key: The key, or `nil`.
  ///   - timeouts: The limits of each page's request.
  ///   - allPages: Whether to follow the style's paging.
  ///   - firstURL: The URL of the first page, when it is not the style's own (a
  ///     provider's extra list, ``ExtraModelLists``), or `nil`.
  /// - Returns: The models, deduplicated by id (first wins).
  /// - Throws: ``ProviderError``.
  func fetchModelList(
    _ provider: Provider, key: KeyChoice?, timeouts: Timeouts, allPages: Bool,
    firstURL: String? = nil
  ) async throws(ProviderError) -> [ListedModel] {
    let endpoints = try EndpointLookup.resolve(
      provider, model: nil, method: "GET", secrets: secrets(provider))
    guard let modelsURL = endpoints.models else {
      var context = context(
        provider, method: "GET", url: endpoints.entered, key: key, model: nil, operation: .list,
        rule: endpoints.ruleExplanation)
      context.maskedKey = key?.masked
      throw context.error(
        .configuration, detail: "no model-list URL can be derived from this URL",
        fix: endpoints.modelsProblem ?? "set one with `models-url <url>`")
    }
    let adapter = StyleAdapters.adapter(for: provider.style)
    let limit = configuration.maxResponseBytes
    var url = firstURL ?? adapter.firstListURL(modelsURL)
    var fetched: Set<String> = []
    var seenIDs: Set<String> = []
    var models: [ListedModel] = []
    while true {
      fetched.insert(url)
      let context = context(
        provider, method: "GET", url: url, key: key, model: nil, operation: .list,
        rule: endpoints.ruleExplanation)
      let request = try RequestBuilder.make(
        provider: provider, context: context, key: key, body: nil, streaming: false,
        environment: configuration.environment)
      let page = try await transport.perform(
        request, providerProxy: provider.proxy, timeouts: timeouts
      ) { [remaining = RequestDefaults.maxListedModels - models.count] response, _ in
        let bytes = try await ResponseLimit.collect(response, limit: limit)
        return try adapter.parseListPage(bytes, modelsURL: modelsURL, maxEntries: remaining)
      }
      for model in page.models where !model.id.isEmpty && seenIDs.insert(model.id).inserted {
        models.append(model)
      }
      // A cursor that repeats would loop forever (Cherry Studio stops there too).
      guard allPages, let next = page.nextURL, !fetched.contains(next),
        fetched.count < Self.maxPages
      else { break }
      url = next
    }
    return models
  }
}
