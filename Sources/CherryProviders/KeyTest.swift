public import CherryKit

/// What a connection test checked (DESIGN §1.4).
public enum TestTarget: Equatable, Sendable {
  /// The key against the model-list endpoint: no chat model is added, so this is a key
  /// check, not a model check.
  case modelList
  /// A one-message streamed chat with this model, closed at the first chunk.
  case chat(model: String)
  /// One embeddings call with this embedding model.
  case embeddings(model: String)
}

/// The result of testing one key (one line of `test`'s output).
public struct KeyTestResult: Equatable, Sendable {
  /// The key's 1-based number, or `nil` for a key-less provider.
  public var keyNumber: Int?
  /// The key masked (`env:NAME` as is), or `nil` for none.
  public var maskedKey: String?
  /// What was checked.
  public var target: TestTarget
  /// Whether the check passed.
  public var ok: Bool
  /// Milliseconds from sending to the first chunk of the answer (or the full answer).
  public var latencyMs: Int
  /// The failure, when it failed.
  public var error: ProviderError?

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - keyNumber: The 1-based key number, or `nil`.
  ///   - maskedKey: The masked key, or `nil`.
  ///   - target: What was checked.
  ///   - ok: Whether it passed.
  ///   - latencyMs: The latency in milliseconds.
  ///   - error: The failure, or `nil`.
  public init(
    keyNumber: Int?, maskedKey: String?, target: TestTarget, ok: Bool, latencyMs: Int,
    error: ProviderError? = nil
  ) {
    self.keyNumber = keyNumber
    self.maskedKey = maskedKey
    self.target = target
    self.ok = ok
    self.latencyMs = latencyMs
    self.error = error
  }

  /// The model tested, or `nil` for a key check.
  public var model: String? {
    switch target {
    case .modelList: nil
    case .chat(let model), .embeddings(let model): model
    }
  }
}

extension ProviderClient {
  /// Tests one key (DESIGN §1.4).
  ///
  /// It sends a streamed one-message chat closed at the first chunk, one embeddings call
  /// for an embedding model, or — with no model — a key check against the model list.
  /// It never advances the rotation.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model to test, or `nil` for a key check.
  ///   - keyIndex: The 0-based key to use, or `nil` (the first key, or none for a
  ///     key-less provider).
  ///   - timeout: The total limit in seconds (DESIGN §1.4:
  ///     ``RequestDefaults/testTimeout`` by default).
  /// - Returns: The result; failures are in it, never thrown.
  public func test(
    _ provider: Provider, model: ProviderModel?, keyIndex: Int?,
    timeout: Double = RequestDefaults.testTimeout
  ) async -> KeyTestResult {
    let key = RequestBuilder.keyChoice(provider, keyIndex: keyIndex)
    let target: TestTarget
    if let model {
      target =
        provider.kinds(of: model).contains(.embedding)
        ? .embeddings(model: model.id) : .chat(model: model.id)
    } else {
      target = .modelList
    }
    let timeouts = testTimeouts(timeout)
    let start = ContinuousClock.now
    var result = KeyTestResult(
      keyNumber: key?.number, maskedKey: key?.masked, target: target, ok: false, latencyMs: 0)
    do {
      switch target {
      case .modelList:
        _ = try await fetchModelList(provider, key: key, timeouts: timeouts, allPages: false)
      case .chat(let model):
        _ = try await streamChat(
          provider, model: model, key: key,
          prompt: ChatPrompt(system: "test", user: "hi", maxTokens: 16), timeouts: timeouts,
          firstContentOnly: true, onText: nil)
      case .embeddings(let model):
        try await embed(provider, model: model, key: key, timeouts: timeouts)
      }
      result.ok = true
    } catch {
      result.error = error
    }
    result.latencyMs = (ContinuousClock.now - start).wholeMilliseconds
    return result
  }

  /// Tests every key concurrently, each on its own, at most `concurrency` at a time
  /// (DESIGN §1.4); a key-less provider gets one check with no key.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model to test, or `nil` for a key check.
  ///   - timeout: The total limit of each test, in seconds.
  ///   - concurrency: The most tests in flight; ``RequestDefaults/concurrency`` by
  ///     default.
  /// - Returns: One result per key, in key order.
  public func testAllKeys(
    _ provider: Provider, model: ProviderModel?, timeout: Double = RequestDefaults.testTimeout,
    concurrency: Int = RequestDefaults.concurrency
  ) async -> [KeyTestResult] {
    guard !provider.keys.isEmpty else {
      return [await test(provider, model: model, keyIndex: nil, timeout: timeout)]
    }
    var results = [KeyTestResult?](repeating: nil, count: provider.keys.count)
    await BoundedConcurrency.run(provider.keys.count, concurrency: concurrency) { index in
      await self.test(provider, model: model, keyIndex: index, timeout: timeout)
    } onResult: { index, result in
      results[index] = result
    }
    return results.compactMap { $0 }
  }

  /// Sends one embeddings call and checks the answer is JSON without an error.
  func embed(_ provider: Provider, model: String, key: KeyChoice?, timeouts: Timeouts)
    async throws(ProviderError)
  {
    let endpoints = try EndpointLookup.resolve(
      provider, model: model, method: "POST", secrets: secrets(provider))
    let adapter = StyleAdapters.adapter(for: provider.style)
    let url = endpoints.embeddings ?? endpoints.chat
    let context = context(
      provider, method: "POST", url: url, key: key, model: model, operation: .embeddings,
      rule: endpoints.ruleExplanation)
    let body: [UInt8]?
    do {
      body = try adapter.embeddingsBody(model: model)
    } catch {
      throw context.error(.configuration, detail: "cannot encode the request", fix: "report this")
    }
    guard let body, endpoints.embeddings != nil else {
      throw context.error(
        .configuration, detail: "no embeddings endpoint for the \(provider.style.rawValue) style",
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

extension Duration {
  /// The duration in whole milliseconds.
  var wholeMilliseconds: Int {
    let parts = components
    return Int(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
  }
}
