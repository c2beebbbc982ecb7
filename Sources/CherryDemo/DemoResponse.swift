/// What the server sends back for one request; ``DemoServer`` writes it,
/// applying the latency between the chunks of a stream.
enum DemoResponse: Sendable {
  /// A complete body with a `content-length`.
  case full(status: Int, headers: [(String, String)], body: String)
  /// A chunked body written piece by piece (SSE events or NDJSON lines).
  case stream(status: Int, contentType: String, chunks: [String])
  /// The head and the start of a body, then nothing until the client goes away.
  case stalled(status: Int, contentType: String, prefix: String)
  /// No response: the connection is closed.
  case dropped
  /// A body generated while it is written (huge and degenerate lists).
  case generated(DemoGeneratedBody)

  /// A JSON body.
  static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> DemoResponse
  {
    .full(status: status, headers: [("content-type", "application/json")] + headers, body: body)
  }

  /// A server-sent-events stream of the given events.
  static func sse(_ events: [String]) -> DemoResponse {
    .stream(status: 200, contentType: "text/event-stream", chunks: events)
  }

  /// The status the response carries, or `nil` for a dropped connection.
  var status: Int? {
    switch self {
    case .full(let status, _, _), .stream(let status, _, _), .stalled(let status, _, _):
      return status
    case .dropped: return nil
    case .generated(let body): return body.status
    }
  }
}
