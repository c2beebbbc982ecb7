import CherryKit
import CherryProviders
import Testing

/// Answers that are not the stream cherry asked for (issue 9): a plain JSON reply is
/// read where the style has one, anything else fails as malformed — `ask` never
/// succeeds with nothing.
struct ChatReplyPeerTests {
  /// A style and a plain JSON reply of its shape.
  struct Plain: CustomTestStringConvertible, Sendable {
    let style: APIStyle
    let body: String
    var testDescription: String { style.rawValue }
  }

  static let plain: [Plain] = [
    Plain(
      style: .openai,
      body:
        #"{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"plain answer"},"finish_reason":"stop"}]}"#
    ),
    Plain(
      style: .azureOpenAI,
      body: #"{"choices":[{"message":{"role":"assistant","content":"plain answer"}}]}"#),
    Plain(
      style: .openaiResponse,
      body:
        #"{"object":"response","output":[{"type":"message","content":[{"type":"output_text","text":"plain "},{"type":"output_text","text":"answer"}]}]}"#
    ),
    Plain(
      style: .anthropic,
      body:
        #"{"type":"message","role":"assistant","content":[{"type":"text","text":"plain answer"}],"stop_reason":"end_turn"}"#
    ),
    Plain(
      style: .gemini,
      body:
        #"[{"candidates":[{"content":{"parts":[{"text":"plain "}]}}]},{"candidates":[{"content":{"parts":[{"text":"answer"}]}}]}]"#
    ),
    Plain(
      style: .ollama,
      body: #"{"model":"m","message":{"role":"assistant","content":"plain answer"},"done":true}"#),
  ]

  /// A provider of a style at a loopback server's URL, the chat endpoint exactly.
  static func provider(_ style: APIStyle, _ server: LoopbackHTTPServer) -> Provider {
    var provider = Provider(id: "p", name: "P", style: style, url: server.url + "/chat#")
    provider.keys = ["sk-plain-reply-key-0123456789"]
    provider.apiVersion = style == .azureOpenAI ? "2024-10-21" : nil
    return provider
  }

  /// Asks, returning the text and the error.
  static func ask(_ provider: Provider) async throws -> (String, ProviderError?) {
    try await Peer.withClient { client in
      let collector = TextCollector()
      do throws(ProviderError) {
        try await client.ask(provider, model: "m", keyIndex: 0, prompt: "hi") {
          collector.append($0)
        }
        return (collector.all.joined(), nil)
      } catch {
        return (collector.all.joined(), error)
      }
    }
  }

  @Test("a plain JSON reply to a stream request is the answer", arguments: plain)
  func plainReply(_ row: Plain) async throws {
    let server = try LoopbackHTTPServer { _ in .json(row.body) }
    defer { server.stop() }
    let (text, error) = try await Self.ask(Self.provider(row.style, server))
    #expect(error == nil, "\(error?.message ?? "")")
    #expect(text == "plain answer")
    try await Peer.withClient { client in
      let result = await client.test(
        Self.provider(row.style, server), model: Peer.model("m"), keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
    }
  }

  /// A `new-api` model's endpoint type, and the plain reply its endpoint gives.
  struct Routed: CustomTestStringConvertible, Sendable {
    let type: ModelEndpointType
    let pathPart: String
    var testDescription: String { type.rawValue }
  }

  static let routed: [Routed] = [
    Routed(type: .openai, pathPart: "/v1/chat/completions"),
    Routed(type: .openaiResponse, pathPart: "/v1/responses"),
    Routed(type: .anthropic, pathPart: "/v1/messages"),
    Routed(type: .gemini, pathPart: ":streamGenerateContent"),
  ]

  @Test(
    "a gateway answering a stream request with plain JSON passes test and ask on every route",
    arguments: routed)
  func plainReplyOnRoute(_ row: Routed) async throws {
    let body = try #require(Self.plain.first { $0.style == row.type.style }).body
    let server = try LoopbackHTTPServer { request in
      request.target.contains(row.pathPart)
        ? .json(body) : .json(#"{"error":{"message":"wrong route"}}"#, status: 404)
    }
    defer { server.stop() }
    var provider = Provider(id: "gw", name: "GW", style: .openai, url: server.url)
    provider.type = .newAPI
    provider.keys = ["sk-plain-reply-key-0123456789"]
    var model = ProviderModel(id: "m", group: "")
    model.endpointType = row.type
    provider.models = [model]
    let (text, error) = try await Self.ask(provider)
    #expect(error == nil, "\(error?.message ?? "")")
    #expect(text == "plain answer")
    try await Peer.withClient { client in
      let result = await client.test(provider, model: model, keyIndex: 0, timeout: 10)
      #expect(result.ok, "\(result.error?.message ?? "")")
      let report = await client.check(provider, concurrency: 2, timeout: 10)
      #expect(report.rows.map(\.passed) == [true])
    }
  }

  /// A reply cherry must refuse, and words of the error.
  struct Unreadable: CustomTestStringConvertible, Sendable {
    let name: String
    let style: APIStyle
    let contentType: String
    let body: String
    let says: String
    var testDescription: String { name }
  }

  static let unreadable: [Unreadable] = [
    Unreadable(
      name: "JSON of another shape", style: .openai, contentType: "application/json",
      body: #"{"result":"plain answer"}"#, says: "not a openai answer"),
    Unreadable(
      name: "an OpenAI reply to an Anthropic request", style: .anthropic,
      contentType: "application/json",
      body: #"{"choices":[{"message":{"content":"x"}}]}"#, says: "not a anthropic answer"),
    Unreadable(
      name: "NDJSON of another shape", style: .ollama, contentType: "application/x-ndjson",
      body: "{\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n{\"choices\":[]}\n",
      says: "no event of the ollama style"),
    Unreadable(
      name: "SSE events of another style", style: .anthropic, contentType: "text/event-stream",
      body: "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choices\":[]}\n\n",
      says: "no event of the anthropic style"),
    Unreadable(
      name: "text that is not JSON", style: .gemini, contentType: "text/plain",
      body: "hello there", says: "neither a gemini stream nor a JSON reply"),
    Unreadable(
      name: "an empty body", style: .openai, contentType: "application/json", body: "",
      says: "empty"),
    Unreadable(
      name: "a stream with no content", style: .openai, contentType: "text/event-stream",
      body: "data: [DONE]\n\n", says: "without an answer"),
  ]

  @Test("anything else is a malformed answer, never an empty success", arguments: unreadable)
  func unreadableReply(_ row: Unreadable) async throws {
    let server = try LoopbackHTTPServer { _ in
      .reply(status: 200, headers: [("content-type", row.contentType)], body: Array(row.body.utf8))
    }
    defer { server.stop() }
    let (text, error) = try await Self.ask(Self.provider(row.style, server))
    let failure = try #require(error, "ask must fail, it printed \(text.debugDescription)")
    #expect(failure.kind == .malformed, "\(failure.message)")
    #expect(failure.what.contains(row.says), "\(failure.what)")
  }

  @Test("a JSON error inside a 200 answer is the provider's error")
  func errorInPlainReply() async throws {
    let server = try LoopbackHTTPServer { _ in
      .json(#"{"error":{"message":"model is overloaded, rate limit reached","type":"rate_limit"}}"#)
    }
    defer { server.stop() }
    let (_, error) = try await Self.ask(Self.provider(.openai, server))
    let failure = try #require(error)
    #expect(failure.kind == .rateLimit, "\(failure.message)")
    #expect(failure.providerMessage?.contains("overloaded") == true)
  }

  @Test("a connection closed mid-stream says so, not \"not an HTTP answer\"")
  func closedMidStream() async throws {
    let head =
      "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n"
    let chunk = "data: {\"choices\":[{\"delta\":{\"content\":\"par\"}}]}\n\n"
    let partial = head + String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n40\r\ndata: {"
    let server = try LoopbackHTTPServer { _ in .raw(Array(partial.utf8)) }
    defer { server.stop() }
    let (text, error) = try await Self.ask(Self.provider(.openai, server))
    #expect(text == "par")
    let failure = try #require(error)
    #expect(failure.kind == .connection, "\(failure.message)")
    #expect(failure.what.contains("in the middle of the answer"), "\(failure.what)")
    #expect(!failure.message.contains("not an HTTP answer"))
  }

  @Test("a list cut mid-body says so")
  func closedMidBody() async throws {
    let partial =
      "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"data\":["
    let server = try LoopbackHTTPServer { _ in .raw(Array(partial.utf8)) }
    defer { server.stop() }
    try await Peer.withClient { client in
      do throws(ProviderError) {
        var provider = Self.provider(.openai, server)
        provider.url = server.url
        _ = try await client.listModels(provider, keyIndex: 0)
        Issue.record("a cut body must fail")
      } catch {
        #expect(error.kind == .connection, "\(error.message)")
        #expect(error.what.contains("in the middle of the answer"), "\(error.what)")
      }
    }
  }

  @Test("bytes that are not HTTP still say so")
  func notHTTP() async throws {
    let server = try LoopbackHTTPServer { _ in .raw(Array("SSH-2.0-OpenSSH_9.2\r\n\r\n".utf8)) }
    defer { server.stop() }
    try await Peer.withClient { client in
      let result = await client.test(
        Self.provider(.openai, server), model: Peer.model("m"), keyIndex: 0, timeout: 10)
      let failure = try #require(result.error)
      #expect(failure.what.contains("not an HTTP answer"), "\(failure.message)")
    }
  }
}
