import CherryKit

/// Azure OpenAI: the OpenAI shapes at deployment URLs, or under the v1 API's
/// `/openai/v1/`, with an `api-version` query item (the resolver builds those),
/// `api-key` auth.
///
/// The bodies name the model: the v1 API needs it, and the deployments API, whose
/// URL names the deployment, ignores it. (The v1 API's Responses endpoint takes the
/// Responses shape, ``OpenAIResponseStyle``, by its ``ResolvedEndpoints/chatFormat``.)
struct AzureStyle: StyleAdapter {
  /// The chat request.
  struct ChatBody: Encodable {
    var model: String
    var messages: [ChatMessage]
    var stream = true
  }

  /// The embeddings request.
  struct EmbeddingsBody: Encodable {
    var model: String
    var input: [String]
  }

  func firstListURL(_ modelsURL: String) -> String { modelsURL }

  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    try OpenAIStyle.parseList(bytes, maxEntries: maxEntries)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(
      ChatBody(model: model, messages: OpenAIStyle.messages(prompt), stream: prompt.stream))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try StyleAdapters.encode(EmbeddingsBody(model: model, input: ["test"]))
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    try OpenAIStyle.interpretChunk(data)
  }

  func plainReply(_ root: JSONCursor) throws -> String? {
    try OpenAIStyle.plainCompletion(root)
  }
}
