import CherryKit
import NIOCore
import NIOHTTP1

/// What the connection does after an answer.
enum DemoOutcome: Sendable {
  /// Wait for the next request on the same connection.
  case keepAlive
  /// Close the connection.
  case close
  /// Keep the connection open, body unfinished, until the client leaves.
  case stalled(recordID: Int)
}

extension DemoServer {
  /// Answers one request: control routes at once; others recorded, delayed,
  /// possibly faulted, then routed to their style.
  func handle(_ head: HTTPRequestHead, body: [UInt8], on channel: any Channel) async throws
    -> DemoOutcome
  {
    let request = DemoRequest(
      method: head.method.rawValue, target: head.uri,
      headers: head.headers.map { HeaderEntry(name: $0.name, value: $0.value) }, body: body)
    let keepAlive = head.isKeepAlive
    if request.path == "/_demo" || request.path.hasPrefix("/_demo/") {
      return try await write(control(request), on: channel, keepAlive: keepAlive, latency: 0)
    }
    let route = DemoRoute.match(request)
    let fields = request.method == "POST" ? DemoJSON.fields(body) : nil
    let model = route?.pathModel ?? fields?.model
    let key = DemoRoute.key(for: route?.style, in: request)
    let (recordID, snapshot) = state.withLock { state in
      let id = state.begin(request, style: route?.style, model: model, key: key, at: .now)
      return (id, state.settings)
    }
    let response: DemoResponse
    do {
      if snapshot.latencyMilliseconds > 0 {
        try await Task.sleep(for: .milliseconds(snapshot.latencyMilliseconds))
      }
      let fault = state.withLock {
        $0.takeFault(style: route?.style, model: model, path: request.path)
      }
      if let route {
        let context = DemoContext(
          request: request, route: route, fields: fields, models: snapshot.models,
          modelSet: snapshot.modelSet, keys: snapshot.keys,
          ollamaNeedsKey: snapshot.ollamaNeedsKey, streamChunks: snapshot.streamChunks)
        if let fault {
          response = DemoRouter.respond(
            to: fault, style: route.style, wantsStream: context.wantsStream)
        } else {
          response = DemoRouter.respond(context)
        }
      } else if let fault {
        response = DemoRouter.respond(to: fault, style: nil, wantsStream: false)
      } else {
        response = DemoRouter.unknownPath(request)
      }
      state.withLock { $0.setStatus(recordID, response.status) }
      let outcome = try await write(
        response, on: channel, keepAlive: keepAlive, latency: snapshot.latencyMilliseconds)
      if case .stalled = outcome { return .stalled(recordID: recordID) }
      state.withLock { $0.finish(recordID, at: .now) }
      return outcome
    } catch {
      // The client left mid-answer (a test closes a stream at its first chunk).
      state.withLock { $0.finish(recordID, at: .now) }
      throw error
    }
  }

  /// Writes an answer, waiting for each part to reach the socket (which bounds
  /// memory for big bodies and lets a close after it lose nothing).
  func write(
    _ response: DemoResponse, on channel: any Channel, keepAlive: Bool, latency: Int
  ) async throws -> DemoOutcome {
    func head(_ status: Int, _ pairs: [(String, String)]) -> HTTPServerResponsePart {
      var headers = HTTPHeaders(pairs)
      headers.add(name: "server", value: "cherry-demo")
      if !keepAlive { headers.add(name: "connection", value: "close") }
      return .head(
        HTTPResponseHead(
          version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers))
    }
    func send(_ part: HTTPServerResponsePart) async throws {
      try await channel.writeAndFlush(part).get()
    }
    func text(_ string: String) -> HTTPServerResponsePart {
      .body(.byteBuffer(ByteBuffer(string: string)))
    }
    let streamHeaders: (String) -> [(String, String)] = { type in
      [("content-type", type), ("cache-control", "no-cache"), ("transfer-encoding", "chunked")]
    }
    switch response {
    case .full(let status, let headers, let body):
      let length = String(body.utf8.count)
      channel.write(head(status, headers + [("content-length", length)]), promise: nil)
      channel.write(text(body), promise: nil)
      try await send(.end(nil))
    case .stream(let status, let type, let chunks):
      try await send(head(status, streamHeaders(type)))
      for (index, chunk) in chunks.enumerated() {
        if index > 0, latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        try await send(text(chunk))
      }
      try await send(.end(nil))
    case .stalled(let status, let type, let prefix):
      try await send(head(status, streamHeaders(type)))
      try await send(text(prefix))
      return .stalled(recordID: 0)
    case .dropped:
      return .close
    case .oversized(let bytes):
      try await send(head(200, streamHeaders("application/json")))
      try await writeOversized(bytes: bytes, send: send)
      try await send(.end(nil))
    }
    return keepAlive ? .keepAlive : .close
  }

  /// Streams a valid model list of about `bytes` bytes from one reused 64 KiB
  /// buffer, so the body is never held in memory.
  private func writeOversized(
    bytes: Int, send: (HTTPServerResponsePart) async throws -> Void
  ) async throws {
    let entry =
      #"{"id":"oversized-model","object":"model","created":1747000000,"owned_by":"demo"},"#
    let chunk = ByteBuffer(
      string: String(repeating: entry, count: max(1, (64 << 10) / entry.utf8.count)))
    try await send(.body(.byteBuffer(ByteBuffer(string: #"{"object":"list","data":["#))))
    var written = 0
    while written + chunk.readableBytes < bytes {
      try await send(.body(.byteBuffer(chunk)))
      written += chunk.readableBytes
    }
    try await send(
      .body(.byteBuffer(ByteBuffer(string: #"{"id":"last-model","object":"model"}]}"#))))
  }
}
