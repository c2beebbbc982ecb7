/// The API a model of a `new-api` provider is called through (DESIGN §1.6), as New
/// API gateways list it (`endpoint_type`, `supported_endpoint_types`) and Cherry
/// Studio stores it per model.
///
/// The raw values are the gateways' own names, which are also what users type
/// (`model <id> endpoint anthropic`).
public enum ModelEndpointType: String, Codable, CaseIterable, Sendable, Hashable {
  /// OpenAI Chat Completions.
  case openai
  /// OpenAI Responses.
  case openaiResponse = "openai-response"
  /// Anthropic Messages, through the provider's Anthropic URL.
  case anthropic
  /// Google Gemini `generateContent`.
  case gemini
  /// OpenAI image generation (`/v1/images/generations`): not a chat endpoint.
  case imageGeneration = "image-generation"

  /// The API style whose requests this endpoint takes.
  public var style: APIStyle {
    switch self {
    case .openai, .imageGeneration: return .openai
    case .openaiResponse: return .openaiResponse
    case .anthropic: return .anthropic
    case .gemini: return .gemini
    }
  }

  /// The endpoint type a listing names, ignoring case and surrounding spaces.
  ///
  /// Gateways list other types too (`jina-rerank`, newer ones): they have no
  /// endpoint here and give `nil`, so that a listing is never refused for them.
  ///
  /// - Parameter name: One value of `endpoint_type` or `supported_endpoint_types`.
  public init?(listingName name: String) {
    self.init(rawValue: name.trimmingWhitespace.lowercased())
  }

  /// The endpoint type a model listed with these types is added with, as Cherry
  /// Studio's Manage does: image generation when it is among them, else the first.
  ///
  /// - Parameter types: The listed types, in the listing's order.
  /// - Returns: The type to store, or `nil` for none.
  public static func preferred(among types: [ModelEndpointType]) -> ModelEndpointType? {
    types.contains(.imageGeneration) ? .imageGeneration : types.first
  }
}
