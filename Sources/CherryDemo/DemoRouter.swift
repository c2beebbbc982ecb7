import CherryKit

/// Sends a routed request to its style, and turns a fault into that style's answer.
enum DemoRouter {
  /// The answer to a request whose route matched: method, key, then the style's handler.
  static func respond(_ context: DemoContext) -> DemoResponse {
    let route = context.route
    guard context.request.method == route.method else {
      return context.error(
        405, .invalidRequest,
        "Method \(context.request.method) is not allowed on \(context.request.path); "
          + "use \(route.method).")
    }
    switch route.style {
    case .openai, .openaiResponse:
      return DemoOpenAI.authenticate(context) ?? DemoOpenAI.respond(context)
    case .anthropic:
      return DemoAnthropic.authenticate(context) ?? DemoAnthropic.respond(context)
    case .gemini:
      return DemoGemini.authenticate(context) ?? DemoGemini.respond(context)
    case .ollama:
      return DemoOllama.authenticate(context) ?? DemoOllama.respond(context)
    case .azureOpenAI:
      return DemoAzure.authenticate(context) ?? DemoAzure.respond(context)
    }
  }

  /// The answer to a path no style has: OpenAI's "Invalid URL" 404, or the
  /// gateway's own 404 that names its endpoints.
  static func unknownPath(_ request: DemoRequest) -> DemoResponse {
    let message =
      DemoGateway.owns(request.path)
      ? DemoGateway.notServed(request.method, request.path)
      : "Invalid URL (\(request.method) \(request.path))"
    return DemoErrorShape.response(style: nil, status: 404, kind: .notFound, message: message)
  }

  /// The answer a fault gives, in the shape of the route's style.
  ///
  /// - Parameters:
  ///   - fault: The fault.
  ///   - style: The route's style, or `nil` when no route matched.
  ///   - wantsStream: Whether the client asked for a stream (a malformed or
  ///     stalled answer is then a broken stream).
  /// - Returns: The answer to send, or `nil` for a fault that does not replace
  ///   the answer (``DemoFault/slow(milliseconds:)``, ``DemoFault/unknownModel``).
  static func respond(to fault: DemoFault, style: APIStyle?, wantsStream: Bool) -> DemoResponse? {
    func error(_ status: Int, _ kind: DemoErrorKind, _ message: String) -> DemoResponse {
      DemoErrorShape.response(style: style, status: status, kind: kind, message: message)
    }
    let ndjson = style == .ollama
    let streamType = ndjson ? "application/x-ndjson" : "text/event-stream"
    switch fault {
    case .unauthorized:
      return error(401, .authentication, "Invalid authentication (demo fault 401).")
    case .notFound:
      return error(404, .notFound, "Not found (demo fault 404).")
    case .rateLimited(let seconds):
      return DemoErrorShape.response(
        style: style, status: 429, kind: .rateLimited,
        message: "Rate limit reached; retry after \(seconds) s (demo fault 429).",
        headers: [("retry-after", String(seconds))])
    case .serverError:
      return error(
        500, .server, "The server had an error processing your request (demo fault 500).")
    case .malformedJSON:
      guard wantsStream else {
        return .json(200, #"{"object":"list","data":[{"id":"gpt-4o","object":"model","#)
      }
      let broken =
        ndjson
        ? #"{"model":"demo","message":{"content":"Hel"# + "\n" : #"data: {"id":"demo","# + "\n\n"
      return .stream(status: 200, contentType: streamType, chunks: [broken])
    case .stalledBody:
      guard wantsStream else {
        return .stalled(status: 200, contentType: "application/json", prefix: #"{"data":["#)
      }
      return .stalled(status: 200, contentType: streamType, prefix: ndjson ? "{" : "data: {")
    case .droppedConnection:
      return .dropped
    case .oversizedBody(let bytes):
      return DemoGeneratedList.oversized(bytes: bytes)
    case .slow, .unknownModel:
      return nil
    }
  }
}
