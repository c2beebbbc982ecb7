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
  /// possibly made hostile or faulted, then routed to their style.
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
    let facts = DemoRequestFacts(
      provider: DemoSession.providerID(path: request.path, style: route?.style),
      style: route?.style, model: route?.pathModel ?? fields?.model, path: request.path)
    let key = DemoRoute.key(for: route?.style, in: request)
    let (recordID, snapshot, hostile, fault) = state.withLock { state in
      let id = state.begin(request, style: facts.style, model: facts.model, key: key, at: .now)
      return (id, state.settings, state.hostileRule(facts), state.takeFault(facts))
    }
    var latency = snapshot.latencyMilliseconds
    if case .slow(let milliseconds) = fault { latency += milliseconds }
    do {
      if latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
      let exchange = DemoExchange(
        request: request, route: route, fields: fields, key: key, settings: snapshot,
        hostile: hostile, fault: fault)
      let response = answer(exchange)
      state.withLock { $0.setStatus(recordID, response.status) }
      let outcome = try await write(
        response, on: channel, keepAlive: keepAlive, latency: latency,
        stopMidway: hostile?.hostility == .stopMidway)
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
  ///
  /// With `stopMidway` (``DemoHostility/stopMidway``) a body stops after half
  /// its bytes and a stream after half its chunks and half of the next, and the
  /// connection is closed.
  func write(
    _ response: DemoResponse, on channel: any Channel, keepAlive: Bool, latency: Int,
    stopMidway: Bool = false
  ) async throws -> DemoOutcome {
    func head(_ status: Int, _ pairs: [(String, String)]) -> HTTPServerResponsePart {
      var headers = HTTPHeaders(pairs)
      headers.add(name: "server", value: "cherry-demo")
      if !keepAlive || stopMidway { headers.add(name: "connection", value: "close") }
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
    // The first half of a text's bytes, as they are (possibly mid-character).
    func firstHalf(_ string: String) -> HTTPServerResponsePart {
      let bytes = Array(string.utf8)
      return .body(.byteBuffer(ByteBuffer(bytes: bytes.prefix(max(1, bytes.count / 2)))))
    }
    let streamHeaders: (String) -> [(String, String)] = { type in
      [("content-type", type), ("cache-control", "no-cache"), ("transfer-encoding", "chunked")]
    }
    switch response {
    case .full(let status, let headers, let body):
      let length = String(body.utf8.count)
      channel.write(head(status, headers + [("content-length", length)]), promise: nil)
      if stopMidway {
        try await send(firstHalf(body))
        return .close
      }
      channel.write(text(body), promise: nil)
      try await send(.end(nil))
    case .stream(let status, let type, let chunks):
      try await send(head(status, streamHeaders(type)))
      let sent = stopMidway ? max(1, chunks.count / 2) : chunks.count
      for (index, chunk) in chunks.prefix(sent).enumerated() {
        if index > 0, latency > 0 { try await Task.sleep(for: .milliseconds(latency)) }
        try await send(text(chunk))
      }
      if stopMidway {
        if sent < chunks.count { try await send(firstHalf(chunks[sent])) }
        return .close
      }
      try await send(.end(nil))
    case .stalled(let status, let type, let prefix):
      try await send(head(status, streamHeaders(type)))
      try await send(text(prefix))
      return .stalled(recordID: 0)
    case .dropped:
      return .close
    case .generated(let body):
      try await send(head(body.status, streamHeaders(body.contentType)))
      try await body.write { block in try await send(text(block)) }
      try await send(.end(nil))
    }
    return keepAlive ? .keepAlive : .close
  }
}
