/// What `provider add <id> --type <type>` takes and `providers` shows (DESIGN §1.6):
/// one of the API styles, or `new-api`.
///
/// A `new-api` provider (a New API or One API gateway) speaks the `openai` style for
/// its model list, embeddings and the models that have no endpoint type, and each
/// model's own endpoint type for the others (``ModelEndpointType``). It is stored as
/// ``Provider/style`` `openai` with ``Provider/newAPI`` set, because ``APIStyle``
/// names wire protocols and `new-api` is not one.
public enum ProviderType: String, CaseIterable, Sendable, Hashable {
  /// ``APIStyle/openai``.
  case openai
  /// ``APIStyle/openaiResponse``.
  case openaiResponse = "openai-response"
  /// ``APIStyle/anthropic``.
  case anthropic
  /// ``APIStyle/gemini``.
  case gemini
  /// ``APIStyle/ollama``.
  case ollama
  /// ``APIStyle/azureOpenAI``.
  case azureOpenAI = "azure-openai"
  /// A New API gateway: the `openai` style, and per-model endpoint types.
  case newAPI = "new-api"

  /// The style stored in ``Provider/style`` for this type.
  public var style: APIStyle {
    switch self {
    case .openai, .newAPI: return .openai
    case .openaiResponse: return .openaiResponse
    case .anthropic: return .anthropic
    case .gemini: return .gemini
    case .ollama: return .ollama
    case .azureOpenAI: return .azureOpenAI
    }
  }

  /// The type of a style (never `new-api`).
  ///
  /// - Parameter style: An API style.
  public init(style: APIStyle) {
    switch style {
    case .openai: self = .openai
    case .openaiResponse: self = .openaiResponse
    case .anthropic: self = .anthropic
    case .gemini: self = .gemini
    case .ollama: self = .ollama
    case .azureOpenAI: self = .azureOpenAI
    }
  }
}

extension Provider {
  /// The provider's type: its style, or `new-api`.
  ///
  /// Setting it sets ``style`` and ``newAPI`` together.
  public var type: ProviderType {
    get { isNewAPI ? .newAPI : ProviderType(style: style) }
    set {
      style = newValue.style
      newAPI = newValue == .newAPI ? true : nil
    }
  }

  /// Whether each model's requests go through its own endpoint type (a `new-api`
  /// provider).
  public var isNewAPI: Bool { newAPI == true && style == .openai }
}
