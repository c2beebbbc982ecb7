/// Which of the API URL rules of DESIGN §1.2 built the endpoints.
public enum URLRule: Equatable, Sendable {
  /// A root URL: the style's version (`v1`, `v1beta` for Gemini) was appended, then
  /// the operation path. `version` is empty for Ollama and Azure, whose endpoints
  /// carry no version segment (Azure appends `/openai/…` and an `api-version` query).
  case root(version: String)
  /// The URL ends with `/`: no version was added, whatever the path (the seed's rule).
  case trailingSlash
  /// The path ends in this version segment (`v3`, `v2beta`): no version was added.
  /// Cherry's own extension; the seed does not have it.
  case versionSegment(String)
  /// The URL ends with `#`: it is the chat endpoint exactly (the seed's rule).
  case exact
}
