import CherryKit

extension ProviderClient {
  /// Sends a streamed chat request and reads its events as they arrive.
  ///
  /// The model's route (``EndpointLookup/route(_:model:method:secrets:)``) decides the
  /// URL, the key header and the body: a `new-api` model of endpoint type `anthropic`
  /// is a Messages request at the Anthropic-compatible URL, `gemini` a
  /// `streamGenerateContent`, `openai-response` a Responses request. An
  /// `image-generation` model takes no chat and is refused before anything is sent.
  /// A model marked `stream off` (``ProviderModel/supportsStreaming``) is asked for one
  /// JSON reply instead, read as the style's plain answer.
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
    let route = try EndpointLookup.route(
      provider, model: model, method: "POST", secrets: secrets(provider))
    let adapter = route.chatAdapter
    var prompt = prompt
    prompt.stream = provider.model(model)?.supportsStreaming ?? true
    let context = context(
      provider, method: "POST", url: adapter.chatURL(route.endpoints.chat, stream: prompt.stream),
      key: key, model: model, operation: .chat, rule: route.endpoints.ruleExplanation,
      style: route.style)
    if route.endpointType == .imageGeneration {
      throw context.error(
        .configuration, detail: "\(model) is an image-generation model: it takes no chat",
        fix:
          "ask a chat model (`ask --model <id> …`), or, if it chats, set its endpoint type: "
          + "`model \(model) endpoint openai`")
    }
    let body: [UInt8]
    do {
      body = try adapter.chatBody(model: model, prompt: prompt)
    } catch {
      throw context.error(.configuration, detail: "cannot encode the request", fix: "report this")
    }
    let request = try RequestBuilder.make(
      provider: provider, context: context, key: key, body: body, streaming: prompt.stream,
      environment: configuration.environment)
    let limit = configuration.maxResponseBytes
    return try await transport.perform(
      request, providerProxy: provider.proxy, timeouts: timeouts
    ) { response, context in
      var reader = ChatStreamReader(
        adapter: adapter, style: route.endpoints.chatFormat, maxLineBytes: limit)
      // Never an empty success: `ask` would print nothing (issue 9).
      func finished(_ steps: [StreamStep]) throws -> Bool {
        for step in steps {
          guard try Self.apply(step, firstContentOnly, onText, context) else { continue }
          guard reader.sawContent else {
            throw MalformedResponseError(reason: "the stream ended without an answer")
          }
          return true
        }
        return false
      }
      for try await chunk in response.body {
        if try finished(try reader.feed(chunk.readableBytesView)) { return true }
      }
      if try finished(try reader.finish()) { return true }
      guard reader.sawContent else {
        throw MalformedResponseError(reason: "the stream ended without an answer")
      }
      return true
    }
  }

  /// Applies one stream step; returns whether reading should stop.
  private static func apply(
    _ step: StreamStep, _ firstContentOnly: Bool, _ onText: (@Sendable (String) -> Void)?,
    _ context: RequestContext
  ) throws -> Bool {
    switch step {
    case .content(let text):
      if !text.isEmpty { onText?(text) }
      return firstContentOnly
    case .ignore:
      return false
    case .failure(let message):
      throw ProviderErrorClassifier.classifyStreamError(message, context: context)
    case .end:
      return !firstContentOnly
    }
  }
}

/// Turns a chat stream's bytes into steps, whatever its framing (issue 9).
///
/// A body that turns out to be one plain JSON document — a gateway that ignores
/// `stream: true`, a server that answers one message — is read as the style's
/// non-streamed answer when the stream ends. A body in which nothing is this style's
/// (no event it knows, no reply it can read) is malformed, never an empty answer.
struct ChatStreamReader {
  /// The most bytes kept in case the body is a plain JSON reply rather than a stream.
  static let plainReplyBytes = 4 << 20

  let adapter: any StyleAdapter
  let style: APIStyle
  private var sse: SSEReader
  private var ndjson: NDJSONReader
  /// The start of the body, kept until the first event in case it is plain JSON.
  private var head: [UInt8] = []
  private var headOverflowed = false
  private var sawEvent = false
  /// Whether an event this style knows arrived (anything but `.ignore`).
  private var sawKnownEvent = false
  /// The first event's data, for the message when no event is known.
  private var firstEvent: String?
  /// Whether any chunk of the answer has been seen.
  private(set) var sawContent = false

  init(adapter: any StyleAdapter, style: APIStyle, maxLineBytes: Int) {
    self.adapter = adapter
    self.style = style
    sse = SSEReader(maxLineBytes: maxLineBytes)
    ndjson = NDJSONReader(maxLineBytes: maxLineBytes)
  }

  /// The steps completed by a chunk of the body.
  mutating func feed(_ bytes: some Collection<UInt8>) throws -> [StreamStep] {
    if !sawEvent && !headOverflowed {
      if head.count + bytes.count <= Self.plainReplyBytes {
        head.append(contentsOf: bytes)
      } else {
        headOverflowed = true
        head = []
      }
    }
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
  ///
  /// - Throws: ``MalformedResponseError`` when nothing in the body is this style's.
  mutating func finish() throws -> [StreamStep] {
    var steps: [StreamStep] = []
    switch adapter.framing {
    case .sse:
      if let event = sse.finish() { steps.append(try step(name: event.name, data: event.data)) }
    case .ndjson:
      if let line = ndjson.finish() { steps.append(try step(name: nil, data: line)) }
    }
    if sawEvent {
      guard sawKnownEvent else {
        throw MalformedResponseError(
          reason: "no event of the \(style.rawValue) style in the stream", excerpt: firstEvent)
      }
      return steps
    }
    return try plainReply()
  }

  /// Reads a body without events as a plain JSON reply.
  private mutating func plainReply() throws -> [StreamStep] {
    if headOverflowed {
      throw MalformedResponseError(
        reason: "the answer is neither a \(style.rawValue) stream nor a JSON reply (over"
          + " \(Self.plainReplyBytes >> 20) MiB without an event)")
    }
    guard head.contains(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
      throw MalformedResponseError(reason: "the answer is empty")
    }
    let root: JSONCursor
    do {
      root = try JSONDocument(head, what: "a \(style.rawValue) stream or JSON reply").root
    } catch is MalformedResponseError {
      throw MalformedResponseError(
        reason: "the answer is neither a \(style.rawValue) stream nor a JSON reply",
        excerpt: MalformedResponseError.excerpt(of: head))
    }
    if let error = root.member("error"), !error.isNull {
      let value = JSONValue.parse(error.slice) ?? .null
      return [.failure(ProviderMessage.extract(json: .object(["error": value])))]
    }
    guard let text = try adapter.plainReply(root) else {
      throw MalformedResponseError(
        reason: "a JSON reply that is not a \(style.rawValue) answer",
        excerpt: MalformedResponseError.excerpt(of: head))
    }
    sawContent = true
    return [.content(text), .end]
  }

  private mutating func step(name: String?, data: String) throws -> StreamStep {
    if !sawEvent {
      sawEvent = true
      head = []
      firstEvent = String(data.prefix(MalformedResponseError.excerptBytes))
    }
    let step = try adapter.interpret(name: name, data: data)
    switch step {
    case .content:
      sawContent = true
      sawKnownEvent = true
    case .ignore:
      break
    case .failure, .end:
      sawKnownEvent = true
    }
    return step
  }
}
