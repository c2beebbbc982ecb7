import CherryKit

extension ProviderClient {
  /// Sends a streamed chat request and reads its events as they arrive.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - model: The model id.
  ///   - key: The key, or `nil`.
  ///   - prompt: The words to send.
  ///   - timeouts: The limits.
  ///   - firstContentOnly: Whether to stop (and close the stream) at the first chunk of
  ///     the answer, as the test does.
  ///   - onText: Called with each non-empty piece of the answer.
  /// - Returns: Whether any chunk of the answer arrived.
  /// - Throws: ``ProviderError``, also for an error event inside the stream.
  func streamChat(
    _ provider: Provider, model: String, key: KeyChoice?, prompt: ChatPrompt, timeouts: Timeouts,
    firstContentOnly: Bool, onText: (@Sendable (String) -> Void)?
  ) async throws(ProviderError) -> Bool {
    let endpoints = try EndpointLookup.resolve(provider, model: model, method: "POST")
    let adapter = StyleAdapters.adapter(for: provider.style)
    let context = context(
      provider, method: "POST", url: endpoints.chat, key: key, model: model, operation: .chat,
      rule: endpoints.ruleExplanation)
    let body: [UInt8]
    do {
      body = try adapter.chatBody(model: model, prompt: prompt)
    } catch {
      throw context.error(.configuration, detail: "cannot encode the request", hint: "report this")
    }
    let request = try RequestBuilder.make(
      provider: provider, context: context, key: key, body: body, streaming: true,
      environment: configuration.environment)
    let limit = configuration.maxResponseBytes
    return try await transport.perform(
      request, providerProxy: provider.proxy, timeouts: timeouts
    ) { response, context in
      var reader = ChatStreamReader(adapter: adapter, maxLineBytes: limit)
      for try await chunk in response.body {
        for step in try reader.feed(chunk.readableBytesView) {
          if let done = try Self.apply(step, firstContentOnly, onText, context) { return done }
        }
      }
      for step in try reader.finish() {
        if let done = try Self.apply(step, firstContentOnly, onText, context) { return done }
      }
      if !reader.sawContent && firstContentOnly {
        throw MalformedResponseError(reason: "the stream ended without an answer")
      }
      return reader.sawContent
    }
  }

  /// Applies one stream step; returns the result when reading should stop.
  private static func apply(
    _ step: StreamStep, _ firstContentOnly: Bool, _ onText: (@Sendable (String) -> Void)?,
    _ context: RequestContext
  ) throws -> Bool? {
    switch step {
    case .content(let text):
      if !text.isEmpty { onText?(text) }
      return firstContentOnly ? true : nil
    case .ignore:
      return nil
    case .failure(let message):
      throw ProviderErrorClassifier.classifyStreamError(message, context: context)
    case .end:
      return firstContentOnly ? nil : true
    }
  }
}

/// Turns a chat stream's bytes into steps, whatever its framing; a body that turns out
/// to be one plain JSON document (some gateways answer a stream request that way) is
/// read as one event when the stream ends.
struct ChatStreamReader {
  let adapter: any StyleAdapter
  private var sse: SSEReader
  private var ndjson: NDJSONReader
  /// The start of the body, kept in case it is plain JSON rather than a stream.
  private var head: [UInt8] = []
  private var sawEvent = false
  /// Whether any chunk of the answer has been seen.
  private(set) var sawContent = false

  init(adapter: any StyleAdapter, maxLineBytes: Int) {
    self.adapter = adapter
    sse = SSEReader(maxLineBytes: maxLineBytes)
    ndjson = NDJSONReader(maxLineBytes: maxLineBytes)
  }

  /// The steps completed by a chunk of the body.
  mutating func feed(_ bytes: some Collection<UInt8>) throws -> [StreamStep] {
    if !sawEvent && head.count < ResponseLimit.errorBodyBytes { head.append(contentsOf: bytes) }
    var steps: [StreamStep] = []
    switch adapter.framing {
    case .sse:
      for event in try sse.feed(bytes) {
        steps.append(try step(name: event.name, data: event.data))
      }
    case .ndjson:
      for line in try ndjson.feed(bytes) { steps.append(try step(name: nil, data: line)) }
    }
    return steps
  }

  /// The steps left when the body ends.
  mutating func finish() throws -> [StreamStep] {
    switch adapter.framing {
    case .sse:
      if let event = sse.finish() { return [try step(name: event.name, data: event.data)] }
    case .ndjson:
      if let line = ndjson.finish() { return [try step(name: nil, data: line)] }
    }
    guard !sawEvent, let json = JSONValue.parse(head) else { return [] }
    if json["error"] != nil { return [.failure(ProviderMessage.extract(json: json))] }
    return []
  }

  private mutating func step(name: String?, data: String) throws -> StreamStep {
    sawEvent = true
    head = []
    let step = try adapter.interpret(name: name, data: data)
    if case .content = step { sawContent = true }
    return step
  }
}
