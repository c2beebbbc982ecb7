/// Which of the API URL rules of DESIGN §1.2 built the endpoints.
public enum URLRule: Equatable, Sendable {
  /// A root URL: the style's version (`v1`, `v1beta` for Gemini) was appended, then
  /// the operation path. `version` is empty for Ollama and Azure, whose endpoints
  /// carry no version segment of the URL's own (Azure appends `/openai/…` and an
  /// `api-version` query).
  case root(version: String)
  /// The URL ends with `/`: no version was added, whatever the path (Cherry Studio's settings page's rule).
  case trailingSlash
  /// The path has this version segment (`v3`, `v2beta`), anywhere in it
  /// (`/v1beta/openai`): no version was added. Cherry Studio's `hasAPIVersion`
  /// rule; the seed does not have it.
  case versionSegment(String)
  /// The provider never takes a version (`perplexity`, `github`, `copilot`, as in
  /// Cherry Studio): only the operation path was added.
  case noVersion
  /// The URL ends with `#`: it is the chat endpoint exactly (Cherry Studio's settings page's rule).
  case exact
}
