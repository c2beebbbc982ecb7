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
  /// What the shell should say about how this key was tested, when it is not what
  /// ``target`` alone says (an image-generation model checked against the model
  /// list instead of generating an image), or `nil`.
  public var note: String?

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - keyNumber: The 1-based key number, or `nil`.
  ///   - maskedKey: The masked key, or `nil`.
  ///   - target: What was checked.
  ///   - ok: Whether it passed.
  ///   - latencyMs: The latency in milliseconds.
  ///   - error: The failure, or `nil`.
  ///   - note: How the key was tested, when ``target`` does not say it all, or `nil`.
  public init(
    keyNumber: Int?, maskedKey: String?, target: TestTarget, ok: Bool, latencyMs: Int,
    error: ProviderError? = nil, note: String? = nil
  ) {
    self.keyNumber = keyNumber
    self.maskedKey = maskedKey
    self.target = target
    self.ok = ok
    self.latencyMs = latencyMs
    self.error = error
    self.note = note
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
  /// The model's route (``EndpointResolver/route(_:model:)``) decides the URL, the key
  /// header and the request's shape. A model that only generates images (a `new-api`
  /// model of endpoint type `image-generation`, or one whose kinds are image without
  /// chat) is never asked for an image, which costs money and takes longer than a
  /// test should: the key is checked against the model list, which must list the
  /// model, and the result's ``KeyTestResult/note`` says so.
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
    var imageModel: String?
    if let model {
      let kinds = provider.kinds(of: model)
      if kinds.contains(.embedding) {
        target = .embeddings(model: model.id)
      } else if Self.generatesImagesOnly(provider, model, kinds: kinds) {
        target = .modelList
        imageModel = model.id
      } else {
        target = .chat(model: model.id)
      }
    } else {
      target = .modelList
    }
    let timeouts = testTimeouts(timeout)
    let start = ContinuousClock.now
    var result = KeyTestResult(
      keyNumber: key?.number, maskedKey: key?.masked, target: target, ok: false, latencyMs: 0,
      note: imageModel.map(Self.imageNote))
    do {
      switch target {
      case .modelList:
        if let imageModel {
          try await checkListed(provider, model: imageModel, key: key, timeouts: timeouts)
        } else {
          _ = try await fetchModelList(provider, key: key, timeouts: timeouts, allPages: false)
        }
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
}

extension Duration {
  /// The duration in whole milliseconds.
  var wholeMilliseconds: Int {
    let parts = components
    return Int(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
  }
}
