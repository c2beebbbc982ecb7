import CherryKit
import FoundationEssentials

/// A chat request's words: the test sends system "test" and user "hi" (notes §6.1);
/// `ask` sends the user's prompt.
struct ChatPrompt: Sendable {
  /// The system prompt, or `nil`.
  var system: String?
  /// The user's message.
  var user: String
  /// The answer's token cap where the style requires one (Anthropic).
  var maxTokens: Int
  /// Whether to ask for a stream; `false` for a model marked `stream off`, whose
  /// answer is then one JSON reply (``StyleAdapter/plainReply(_:)``).
  var stream = true
}

/// One page of a model list and the URL of the next one.
struct ListPage: Sendable {
  /// The models on this page.
  var models: [ListedModel]
  /// The next page's URL, or `nil` on the last page.
  var nextURL: String?
}

/// How a stream frames its events.
enum StreamFraming: Sendable {
  /// Server-sent events (`data: …`).
  case sse
  /// One JSON document per line (Ollama).
  case ndjson
}

/// What one stream event means.
enum StreamStep: Equatable, Sendable {
  /// A chunk of the answer (possibly empty text): the model is answering.
  case content(String)
  /// Bookkeeping (`ping`, `message_start`, …): read on.
  case ignore
  /// An error event.
  case failure(ProviderMessage)
  /// The end of the answer.
  case end
}

/// What differs between API styles beyond URLs and auth headers.
///
/// The list's shape and paging, the chat and embeddings bodies, and the stream's
/// events. One type per style (DESIGN §3: one file per API style).
protocol StyleAdapter: Sendable {
  /// The URL of the first page of the model list.
  ///
  /// - Parameter modelsURL: The resolved model-list URL.
  /// - Returns: The first page's URL.
  func firstListURL(_ modelsURL: String) -> String

  /// Parses one page of the model list, lazily (``JSONDocument``).
  ///
  /// - Parameters:
  ///   - bytes: The page's body.
  ///   - modelsURL: The resolved model-list URL, to build the next page's URL from.
  ///   - maxEntries: The most entries the page may have.
  /// - Returns: The models and the next page's URL.
  /// - Throws: ``MalformedResponseError`` when the body is not this style's list,
  ///   ``TooManyModelsError`` past `maxEntries`, `CancellationError` when cancelled.
  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage

  /// The streamed chat request's body.
  ///
  /// - Parameters:
  ///   - model: The model id.
  ///   - prompt: The words to send.
  /// - Returns: The JSON body.
  /// - Throws: An encoding error (not expected).
  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8]

  /// The one-input embeddings request's body, or `nil` when the style has none.
  ///
  /// - Parameter model: The model id.
  /// - Returns: The JSON body, or `nil`.
  /// - Throws: An encoding error (not expected).
  func embeddingsBody(model: String) throws -> [UInt8]?

  /// How the chat stream is framed.
  var framing: StreamFraming { get }

  /// The chat URL for a request that streams or not: the resolved one, except where
  /// the style streams at another URL (Gemini's `:streamGenerateContent?alt=sse`).
  ///
  /// - Parameters:
  ///   - url: The resolved chat endpoint (it streams).
  ///   - stream: Whether the request asks for a stream.
  /// - Returns: The URL to send to.
  func chatURL(_ url: String, stream: Bool) -> String

  /// What one stream event means.
  ///
  /// - Parameters:
  ///   - name: The SSE event name, if any.
  ///   - data: The event's data (one NDJSON line for Ollama).
  /// - Returns: The step.
  /// - Throws: ``MalformedResponseError`` when the data is not JSON.
  func interpret(name: String?, data: String) throws -> StreamStep

  /// The answer in a plain JSON reply to a stream request (a gateway that ignores
  /// `stream: true`, a server that answers one message; issue 9).
  ///
  /// - Parameter root: The reply's root value.
  /// - Returns: The answer's text, or `nil` when the JSON is not this style's reply.
  /// - Throws: `CancellationError` when cancelled while reading.
  func plainReply(_ root: JSONCursor) throws -> String?
}

extension StyleAdapter {
  var framing: StreamFraming { .sse }

  func chatURL(_ url: String, stream: Bool) -> String { url }
}

/// The adapter of each style, and helpers shared by them.
enum StyleAdapters {
  /// The most names read from one list entry's small arrays (New API's endpoint types,
  /// Ollama's capabilities): real ones have a handful, and a hostile list must not make
  /// one entry cost more than a few.
  static let maxNamesPerEntry = 16

  /// The adapter for a style.
  ///
  /// - Parameter style: The API style.
  /// - Returns: Its adapter.
  static func adapter(for style: APIStyle) -> any StyleAdapter {
    switch style {
    case .openai: OpenAIStyle()
    case .openaiResponse: OpenAIResponseStyle()
    case .anthropic: AnthropicStyle()
    case .gemini: GeminiStyle()
    case .ollama: OllamaStyle()
    case .azureOpenAI: AzureStyle()
    }
  }

  /// The entries of a model list: the elements of the root array, or of the root
  /// object's member `member`, each read by `entry` (which returns `nil` to skip one).
  ///
  /// - Parameters:
  ///   - bytes: The page's body.
  ///   - what: What the body should be, for messages.
  ///   - member: The member holding the list; a bare array is accepted when `bareArray`.
  ///   - bareArray: Whether the list may be the root array itself (Together).
  ///   - mayBeAbsent: Whether a root object without the member is an empty list (Gemini).
  ///   - maxEntries: The most entries accepted.
  ///   - entry: Reads one entry.
  /// - Returns: The root (for paging members) and the models read.
  /// - Throws: ``MalformedResponseError``, ``TooManyModelsError``, `CancellationError`.
  static func listEntries(
    _ bytes: [UInt8], what: String, member: String, bareArray: Bool = false,
    mayBeAbsent: Bool = false, maxEntries: Int, entry: (JSONCursor) throws -> ListedModel?
  ) throws -> (root: JSONCursor, models: [ListedModel]) {
    let root = try JSONDocument(bytes, what: what, maxEntries: maxEntries).root
    let list = bareArray && root.isArray ? root : root.member(member)
    if list == nil, mayBeAbsent, root.isObject { return (root, []) }
    guard let elements = try list?.elements() else {
      throw MalformedResponseError(
        reason: "JSON that is not \(what)", excerpt: MalformedResponseError.excerpt(of: bytes))
    }
    var models: [ListedModel] = []
    models.reserveCapacity(elements.count)
    for element in elements {
      if let model = try entry(element) { models.append(model) }
    }
    return (root, models)
  }

  /// The error for a list entry without its id.
  static func missingID(_ name: String, what: String) -> MalformedResponseError {
    MalformedResponseError(reason: "JSON that is not \(what): an entry has no \"\(name)\"")
  }

  /// Parses one stream event's data as JSON.
  static func json(_ data: String) throws -> JSONValue {
    guard let value = JSONValue.parse(Array(data.utf8)) else {
      throw MalformedResponseError(
        reason: "a stream event is not JSON", excerpt: MalformedResponseError.excerpt(of: data.utf8)
      )
    }
    return value
  }

  /// Encodes a request body.
  static func encode(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value))
  }

  /// A URL with one more query item, its value percent-encoded.
  static func appendingQuery(_ url: String, name: String, value: String) -> String {
    let separator = url.contains("?") ? "&" : "?"
    return "\(url)\(separator)\(name)=\(percentEncoded(value))"
  }

  /// A query value with everything but unreserved characters percent-encoded.
  static func percentEncoded(_ value: String) -> String {
    var out = ""
    for byte in value.utf8 {
      let scalar = Unicode.Scalar(byte)
      if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
        || (byte >= 0x61 && byte <= 0x7A) || "-._~".unicodeScalars.contains(scalar)
      {
        out.unicodeScalars.append(scalar)
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}

/// A chat message in the OpenAI, Ollama and Anthropic shapes.
struct ChatMessage: Encodable, Sendable {
  /// `system`, `user` or `assistant`.
  var role: String
  /// The text.
  var content: String
}
