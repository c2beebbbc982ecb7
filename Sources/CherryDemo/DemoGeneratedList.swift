import CherryKit

/// Model lists generated while they are written, in each style's envelope: the
/// oversized fault's list and the hostile lists (``DemoHostileList``).
enum DemoGeneratedList {
  /// The text before and after the list value in a style's model-list body.
  static func envelope(_ style: APIStyle) -> (open: String, close: String) {
    switch style {
    case .openai, .openaiResponse: return (#"{"object":"list","data":"#, "}")
    case .anthropic: return (#"{"data":"#, #","has_more":false}"#)
    case .gemini, .ollama: return (#"{"models":"#, "}")
    case .azureOpenAI: return (#"{"data":"#, #","object":"list"}"#)
    }
  }

  /// A style's entry for one model id, as its ordinary list has it.
  static func entry(_ style: APIStyle) -> @Sendable (String) -> String {
    switch style {
    case .openai, .openaiResponse: return DemoOpenAI.listEntry
    case .anthropic: return DemoAnthropic.listEntry
    case .gemini: return DemoGemini.listEntry
    case .ollama: return DemoOllama.listEntry
    case .azureOpenAI: return DemoAzure.listEntry
    }
  }

  /// The id of the entry at `index` of ``DemoHostileList/entries(count:)``.
  static func hostileID(_ index: Int) -> String {
    "hostile-model-" + DemoModelCatalog.padded(index + 1, width: 7)
  }

  /// A hostile list in the style's envelope.
  ///
  /// - Parameters:
  ///   - list: The degenerate list.
  ///   - style: The style of the list request.
  /// - Returns: The generated answer.
  static func hostile(_ list: DemoHostileList, style: APIStyle) -> DemoResponse {
    let (open, close) = envelope(style)
    var segments: [DemoBodySegment] = [.text(open)]
    switch list {
    case .emptyObjects(let count):
      segments.append(.text(count > 0 ? "[{}" : "["))
      segments.append(.repeated(",{}", count: max(0, count - 1)))
      segments.append(.text("]"))
    case .entries(let count):
      let entry = entry(style)
      segments.append(.text("["))
      segments.append(.numbered(count: count, separator: ",") { entry(hostileID($0)) })
      segments.append(.text("]"))
    case .notArray(let json):
      segments.append(.text(json))
    case .nested(let depth):
      segments.append(.repeated("[", count: max(1, depth)))
      segments.append(.repeated("]", count: max(1, depth)))
    }
    segments.append(.text(close))
    return .generated(DemoGeneratedBody(segments: segments))
  }

  /// The oversized fault's list: valid OpenAI-shaped entries, about `bytes` bytes in all.
  static func oversized(bytes: Int) -> DemoResponse {
    let entry = #"{"id":"oversized-model","object":"model","created":1747000000,"owned_by":"demo"}"#
    let last = #"{"id":"last-model","object":"model"}"#
    let count = max(0, (bytes - last.utf8.count) / (entry.utf8.count + 1))
    return .generated(
      DemoGeneratedBody(segments: [
        .text(#"{"object":"list","data":["#), .repeated(entry + ",", count: count),
        .text(last + "]}"),
      ]))
  }
}
