import CherryKit

/// Azure OpenAI deployments: the OpenAI shapes at deployment URLs with an
/// `api-version` query item (the resolver builds those), `api-key` auth.
struct AzureStyle: StyleAdapter {
  /// The chat request: the deployment in the URL is the model.
  struct ChatBody: Encodable {
    var messages: [ChatMessage]
    var stream = true
  }

  /// The embeddings request.
  struct EmbeddingsBody: Encodable {
    var input: [String]
  }

  func firstListURL(_ modelsURL: String) -> String { modelsURL }

  func parseListPage(_ bytes: [UInt8], modelsURL: String, maxEntries: Int) throws -> ListPage {
    try OpenAIStyle.parseList(bytes, maxEntries: maxEntries)
  }

  func chatBody(model: String, prompt: ChatPrompt) throws -> [UInt8] {
    try StyleAdapters.encode(ChatBody(messages: OpenAIStyle.messages(prompt)))
  }

  func embeddingsBody(model: String) throws -> [UInt8]? {
    try StyleAdapters.encode(EmbeddingsBody(input: ["test"]))
  }

  func interpret(name: String?, data: String) throws -> StreamStep {
    try OpenAIStyle.interpretChunk(data)
  }

  func plainReply(_ root: JSONCursor) throws -> String? {
    try OpenAIStyle.plainCompletion(root)
  }
}
