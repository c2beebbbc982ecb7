/// The wire protocol a provider speaks, which decides its endpoints, its
/// authentication header and the shape of its model list (DESIGN §1.2).
///
/// The raw values are the names stored in the session file, and the names users type
/// (`provider add x --type openai-response`), where ``ProviderType`` adds `new-api`:
/// a gateway that speaks one of these styles per model, not a style of its own.
public enum APIStyle: String, Codable, CaseIterable, Sendable, Hashable {
  /// OpenAI Chat Completions (`/v1/chat/completions`), Bearer auth.
  case openai
  /// OpenAI Responses (`/v1/responses`), Bearer auth.
  case openaiResponse = "openai-response"
  /// Anthropic Messages (`/v1/messages`), `x-api-key` plus `anthropic-version`.
  case anthropic
  /// Google Gemini (`/v1beta/models/{model}:streamGenerateContent`), `x-goog-api-key`.
  case gemini
  /// Ollama's native API (`/api/chat`, `/api/tags`); a key is optional.
  case ollama
  /// Azure OpenAI deployments, `api-key` header and an `api-version` query item.
  case azureOpenAI = "azure-openai"
}
