import CherryKit

/// Everything a style's handler needs to answer one request.
struct DemoContext: Sendable {
  /// The request.
  var request: DemoRequest
  /// Its route.
  var route: DemoRoute
  /// The body fields, or `nil` when the body is empty or not a JSON object.
  var fields: DemoBodyFields?
  /// The served model ids, in order.
  var models: [String]
  /// The same ids, for lookups.
  var modelSet: Set<String>
  /// The accepted keys.
  var keys: [String]
  /// Whether Ollama routes check the key.
  var ollamaNeedsKey: Bool
  /// The number of text chunks in a stream.
  var streamChunks: Int
  /// Text appended to every error message (``DemoHostility/escapes``), or empty.
  var errorSuffix = ""
  /// Text appended to every answer (``DemoHostility/escapes``), or empty.
  var answerSuffix = ""

  /// The model named by the path or the body.
  var model: String? { route.pathModel ?? fields?.model }

  /// Whether the client asked for a streamed answer.
  var wantsStream: Bool {
    switch route.operation {
    case .streamChat: return true
    case .chat: return fields?.stream ?? (route.style == .ollama)
    case .models, .embeddings, .show: return false
    }
  }

  /// An error in this route's style.
  func error(
    _ status: Int, _ kind: DemoErrorKind, _ message: String, headers: [(String, String)] = []
  ) -> DemoResponse {
    DemoErrorShape.response(
      style: route.style, status: status, kind: kind, message: message + errorSuffix,
      headers: headers)
  }

  /// The whole answer for a model.
  func answer(model: String) -> String {
    DemoReply.text(model: model) + answerSuffix
  }

  /// The answer for a model in stream pieces (the suffix in the last one).
  func answerPieces(model: String) -> [String] {
    var pieces = DemoReply.pieces(model: model, count: streamChunks)
    if !answerSuffix.isEmpty, let last = pieces.indices.last { pieces[last] += answerSuffix }
    return pieces
  }
}
