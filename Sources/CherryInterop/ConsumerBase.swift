import CherryInteropCore
import CherryKit

/// The base URL that the tools which make the requests (LiteLLM, `llm`, aichat, the
/// SDKs) need: they append only the operation path, so the base carries the version
/// (`https://api.deepseek.com/v1`), resolved by cherry's URL rules (DESIGN §1.2).
enum ConsumerBase {
  /// What each style's consumers append to the base, after cherry's URL rules made
  /// the chat endpoint; `{model}` stands for the model.
  static func operation(for style: APIStyle) -> [String] {
    switch style {
    case .openai: return ["/chat/completions"]
    case .openaiResponse: return ["/responses"]
    // LiteLLM and the Anthropic SDK append `/v1/messages` themselves.
    case .anthropic: return ["/v1/messages"]
    case .gemini: return ["/models/{model}:streamGenerateContent"]
    case .ollama: return ["/api/chat"]
    case .azureOpenAI:
      return [
        "/openai/deployments/{model}/chat/completions", "/openai/v1/chat/completions",
        "/openai/v1/responses",
      ]
    }
  }

  /// The base of a provider's Anthropic-compatible URL (its own URL for an
  /// Anthropic-style provider, else `anthropic-url` or the catalogue's default),
  /// for the tools that append `/v1/messages`; `nil` when it has none.
  ///
  /// - Parameter provider: The provider.
  /// - Returns: The base, or `nil`.
  /// - Throws: ``InteropFailure`` when the URL is refused or ends elsewhere.
  static func anthropicBase(of provider: Provider) throws(InteropFailure) -> String? {
    if provider.style == .anthropic { return try base(of: provider) }
    guard let url = provider.effectiveAnthropicURL else { return nil }
    return try base(of: Provider(id: provider.id, name: provider.name, style: .anthropic, url: url))
  }

  /// The base of a provider whose models an export writes, or `nil`, with a note
  /// saying why it was left out (its URL gives no base, or it has no models).
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - notes: The export's notes, which get the reason it was left out.
  /// - Returns: The base, or `nil`.
  static func exportableBase(of provider: Provider, notes: inout [String]) -> String? {
    let base: String
    do {
      base = try self.base(of: provider)
    } catch {
      notes.append("left out \(error.what)")
      return nil
    }
    guard !provider.models.isEmpty else {
      notes.append("left out \(provider.id): it has no models (add some with +)")
      return nil
    }
    return base
  }

  /// The base of a provider.
  ///
  /// - Parameter provider: The provider.
  /// - Returns: The base, without a query.
  /// - Throws: ``InteropFailure`` when the URL is refused, or its chat endpoint does
  ///   not end the way the consumers build it (an exact `#` URL elsewhere).
  static func base(of provider: Provider) throws(InteropFailure) -> String {
    let chat: String
    do {
      chat = try EndpointResolver.resolve(provider, model: nil).chat
    } catch {
      throw InteropFailure("\(provider.id): its URL is refused: \(error.description)")
    }
    let path = chat.split(separator: "?", maxSplits: 1).first.map(String.init) ?? chat
    for suffix in operation(for: provider.style) where path.hasSuffix(suffix) {
      return String(path.dropLast(suffix.count))
    }
    throw InteropFailure(
      "\(provider.id): its chat endpoint \(chat) does not end in \(operation(for: provider.style)[0]), so other tools cannot reach it from a base URL",
      fix: ["set a root URL (url <address>) instead of an exact one ending in #"])
  }
}
