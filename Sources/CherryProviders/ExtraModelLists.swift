import CherryKit

/// The model lists some built-in providers keep beside their main one, which `manage`
/// merges in as Cherry Studio's fetchers do (issue 9): OpenRouter lists its embedding
/// models at `…/embeddings/models`, PPIO its embedding and reranker models at
/// `…/models?model_type=embedding` and `…?model_type=reranker`.
///
/// They are derived from the provider's model-list URL, so a provider pointed at
/// another host (a proxy, the demo server) lists from there. An extra list that fails
/// leaves the main list as it is (the app ignores it too), with a note.
enum ExtraModelLists {
  /// One extra list: its URL and what it holds, for the note when it fails.
  struct Extra: Equatable, Sendable {
    /// The list's URL.
    var url: String
    /// What the list holds, such as "OpenRouter's embedding models".
    var what: String
  }

  /// The extra lists of a provider.
  ///
  /// - Parameters:
  ///   - provider: The provider; only the built-in `openrouter` and `ppio` have any.
  ///   - modelsURL: Its resolved model-list URL.
  /// - Returns: The extra lists, in the order they are merged; empty for most providers.
  static func extras(for provider: Provider, modelsURL: String) -> [Extra] {
    guard provider.catalogueEntry != nil else { return [] }
    switch provider.id {
    case "openrouter":
      guard let url = openRouterEmbeddingsURL(modelsURL) else { return [] }
      return [Extra(url: url, what: "OpenRouter's embedding models")]
    case "ppio":
      return [
        Extra(
          url: StyleAdapters.appendingQuery(modelsURL, name: "model_type", value: "embedding"),
          what: "PPIO's embedding models"),
        Extra(
          url: StyleAdapters.appendingQuery(modelsURL, name: "model_type", value: "reranker"),
          what: "PPIO's reranker models"),
      ]
    default:
      return []
    }
  }

  /// `…/models` (query kept) as `…/embeddings/models`, or `nil` when the model-list URL
  /// does not end in `/models` (a `models-url` of another shape).
  static func openRouterEmbeddingsURL(_ modelsURL: String) -> String? {
    let query = modelsURL.firstIndex(of: "?")
    let path = query.map { modelsURL[..<$0] } ?? modelsURL[...]
    guard path.hasSuffix("/models") else { return nil }
    let rest = query.map { modelsURL[$0...] } ?? ""
    return path.dropLast("models".count) + "embeddings/models" + rest
  }

  /// The main list with the extra lists' models after it, each id once (first wins).
  ///
  /// - Parameters:
  ///   - main: The main list.
  ///   - extras: The extra lists' models, in order.
  /// - Returns: The merged list.
  static func merged(_ main: [ListedModel], _ extras: [[ListedModel]]) -> [ListedModel] {
    var seen = Set(main.map(\.id))
    var models = main
    for list in extras {
      for model in list where seen.insert(model.id).inserted { models.append(model) }
    }
    return models
  }
}

extension ProviderClient {
  /// Fetches a provider's extra lists (``ExtraModelLists``) concurrently with the
  /// listing's key, and merges them after the main list.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - main: The main list, already fetched.
  ///   - key: The listing's key.
  ///   - timeouts: The listing's limits.
  ///   - onNote: Told about each extra list that failed.
  /// - Returns: The merged list.
  /// - Throws: ``ProviderError`` of kind `cancelled` when the listing was cancelled.
  func withExtraLists(
    _ provider: Provider, main: [ListedModel], key: KeyChoice?, timeouts: Timeouts,
    onNote: (@Sendable (String) -> Void)?
  ) async throws(ProviderError) -> [ListedModel] {
    guard let modelsURL = try? EndpointResolver.resolve(provider, model: nil).models else {
      return main
    }
    let extras = ExtraModelLists.extras(for: provider, modelsURL: modelsURL)
    guard !extras.isEmpty else { return main }
    var lists = [[ListedModel]](repeating: [], count: extras.count)
    var failures: [(index: Int, error: ProviderError)] = []
    await BoundedConcurrency.run(extras.count, concurrency: extras.count) {
      index -> Result<[ListedModel], ProviderError> in
      do throws(ProviderError) {
        return .success(
          try await self.fetchModelList(
            provider, key: key, timeouts: timeouts, allPages: true, firstURL: extras[index].url))
      } catch {
        return .failure(error)
      }
    } onResult: { index, result in
      switch result {
      case .success(let models): lists[index] = models
      case .failure(let error): failures.append((index, error))
      }
    }
    if let cancelled = failures.first(where: { $0.error.kind == .cancelled }) {
      throw cancelled.error
    }
    for failure in failures.sorted(by: { $0.index < $1.index }) {
      onNote?("\(extras[failure.index].what) are not listed: \(failure.error.summary)")
    }
    return ExtraModelLists.merged(main, lists)
  }
}
