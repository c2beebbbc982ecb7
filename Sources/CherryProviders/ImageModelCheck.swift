import CherryKit

extension ProviderClient {
  /// Whether a model only generates images, so that a chat test cannot reach it: a
  /// `new-api` model routed to `image-generation`, or kinds with `image` and no `chat`
  /// (`dall-e-3`, `flux…`).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model.
  ///   - kinds: Its effective kinds.
  /// - Returns: `true` for an image-only model.
  static func generatesImagesOnly(
    _ provider: Provider, _ model: ProviderModel, kinds: Set<ModelKind>
  ) -> Bool {
    if kinds.contains(.image) && !kinds.contains(.chat) { return true }
    guard provider.isNewAPI else { return false }
    // A refused URL fails later, with its message, on the chat path.
    return (try? EndpointResolver.route(provider, model: model.id))?.endpointType
      == .imageGeneration
  }

  /// The note of a test that checked an image model against the model list.
  static func imageNote(_ model: String) -> String {
    "\(model) generates images: no image was made (it costs money and time); "
      + "the key was checked against the model list, which lists the model"
  }

  /// Checks a key against the model list and that the list has `model` (the test of an
  /// image-generation model).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  ///   - key: The key, or `nil`.
  ///   - timeouts: The limits of each page's request.
  /// - Throws: ``ProviderError``: the listing's failure, or `unknownModel` when the
  ///   list does not have the model.
  func checkListed(_ provider: Provider, model: String, key: KeyChoice?, timeouts: Timeouts)
    async throws(ProviderError)
  {
    let listed = try await fetchModelList(provider, key: key, timeouts: timeouts, allPages: true)
    guard !listed.contains(where: { $0.id == model }) else { return }
    let endpoints = try EndpointLookup.resolve(
      provider, model: nil, method: "GET", secrets: secrets(provider))
    let context = context(
      provider, method: "GET", url: endpoints.models ?? endpoints.entered, key: key,
      model: model, operation: .list, rule: endpoints.ruleExplanation)
    throw context.error(
      .unknownModel,
      detail: "the model list has no \(model) (\(listed.count) models listed)",
      fix: "check the model list with `manage`, test another model with `test <model>`, "
        + "or remove this one with `- \(model)`")
  }
}
