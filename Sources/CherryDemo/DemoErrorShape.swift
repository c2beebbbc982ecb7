import CherryKit

/// What went wrong, independent of the style that reports it.
enum DemoErrorKind: Sendable {
  /// No key, a wrong key, or the 401 fault.
  case authentication
  /// Gemini's answer to a key it does not know (400 `INVALID_ARGUMENT`, `API_KEY_INVALID`).
  case invalidKey
  /// A path or resource that does not exist.
  case notFound
  /// A model the list does not have.
  case modelNotFound
  /// Too many requests.
  case rateLimited
  /// An internal error.
  case server
  /// A request the route refuses (missing field, bad parameter).
  case invalidRequest
}

/// Renders an error in each style's own body shape, as the real providers send
/// them (notes/test-peers.md), so clients can be tested on extracting the message.
enum DemoErrorShape {
  /// The error response for a style; `nil` style (no route matched) uses OpenAI's shape.
  ///
  /// - Parameters:
  ///   - style: The style of the route.
  ///   - status: The HTTP status.
  ///   - kind: What went wrong.
  ///   - message: The provider's message.
  ///   - headers: Extra response headers (`retry-after`).
  /// - Returns: The response.
  static func response(
    style: APIStyle?, status: Int, kind: DemoErrorKind, message: String,
    headers: [(String, String)] = []
  ) -> DemoResponse {
    .json(
      status, body(style: style, status: status, kind: kind, message: message), headers: headers)
  }

  /// The error body text for a style.
  static func body(style: APIStyle?, status: Int, kind: DemoErrorKind, message: String) -> String {
    let text = DemoJSON.quote(message)
    switch style {
    case .openai, .openaiResponse, nil:
      let (type, code) = openAITypeAndCode(kind)
      return #"{"error":{"message":\#(text),"type":"\#(type)","param":null,"code":\#(code)}}"#
    case .anthropic:
      return #"{"type":"error","error":{"type":"\#(anthropicType(kind))","message":\#(text)}}"#
    case .gemini:
      let details =
        kind == .invalidKey
        ? #","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]"#
        : ""
      return
        #"{"error":{"code":\#(status),"message":\#(text),"status":"\#(geminiStatus(kind))"\#(details)}}"#
    case .azureOpenAI:
      return #"{"error":{"code":"\#(azureCode(kind, status: status))","message":\#(text)}}"#
    case .ollama:
      return #"{"error":\#(text)}"#
    }
  }

  /// OpenAI's `type` and `code` (the code as JSON: a string or `null`).
  private static func openAITypeAndCode(_ kind: DemoErrorKind) -> (String, String) {
    switch kind {
    case .authentication, .invalidKey: return ("invalid_request_error", #""invalid_api_key""#)
    case .notFound: return ("invalid_request_error", #""not_found""#)
    case .modelNotFound: return ("invalid_request_error", #""model_not_found""#)
    case .rateLimited: return ("requests", #""rate_limit_exceeded""#)
    case .server: return ("server_error", "null")
    case .invalidRequest: return ("invalid_request_error", "null")
    }
  }

  /// Anthropic's error `type`.
  private static func anthropicType(_ kind: DemoErrorKind) -> String {
    switch kind {
    case .authentication, .invalidKey: return "authentication_error"
    case .notFound, .modelNotFound: return "not_found_error"
    case .rateLimited: return "rate_limit_error"
    case .server: return "api_error"
    case .invalidRequest: return "invalid_request_error"
    }
  }

  /// Google's canonical status name.
  private static func geminiStatus(_ kind: DemoErrorKind) -> String {
    switch kind {
    case .authentication: return "UNAUTHENTICATED"
    case .invalidKey, .invalidRequest: return "INVALID_ARGUMENT"
    case .notFound, .modelNotFound: return "NOT_FOUND"
    case .rateLimited: return "RESOURCE_EXHAUSTED"
    case .server: return "INTERNAL"
    }
  }

  /// Azure's error `code`.
  private static func azureCode(_ kind: DemoErrorKind, status: Int) -> String {
    switch kind {
    case .authentication, .invalidKey: return "401"
    case .notFound: return "404"
    case .modelNotFound: return "DeploymentNotFound"
    case .rateLimited: return "429"
    case .server: return "InternalServerError"
    case .invalidRequest: return status == 404 ? "404" : "BadRequest"
    }
  }
}
