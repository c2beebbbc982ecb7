public import CherryKit

/// One provider of the demo session (DESIGN §2.1): its id, name and style, and
/// where under the demo server's root its URL points.
///
/// The server tells the demo providers apart by what a request looks like: a
/// path under a provider's own ``path`` (``DemoGateway/pathPrefix``,
/// ``DemoVendorLists/newAPIPrefix``) is that provider's, any other request is the
/// provider of its style. So a fault set on `demo-openai` also reaches a
/// custom provider the user points at the demo server with the `openai` style.
public struct DemoProvider: Equatable, Sendable {
  /// The provider id, such as `demo-openai`.
  public var id: String
  /// The display name, such as `Demo (OpenAI)`.
  public var name: String
  /// The API style.
  public var style: APIStyle
  /// The path after the server's root in the provider's URL: empty for the root,
  /// or a path of its own (the gateway's, which the URL rules cannot reach from a
  /// root; the New API gateway's, whose list carries endpoint types).
  public var path: String
  /// Whether the provider is a `new-api` provider (``ProviderType/newAPI``).
  public var isNewAPI = false

  /// The provider's URL as the demo session starts with it.
  ///
  /// - Parameter root: The server's root, `http://127.0.0.1:<port>`.
  /// - Returns: The root followed by ``path``.
  public func url(root: String) -> String {
    root + path
  }

  /// The provider as the demo session starts with it: off, no models, the demo
  /// keys, its URL (and Azure's `api-version`).
  ///
  /// - Parameter root: The server's root, `http://127.0.0.1:<port>`.
  /// - Returns: The provider.
  public func makeProvider(root: String) -> Provider {
    var provider = Provider(
      id: id, name: name, style: style, isBuiltIn: false, needsKey: style != .ollama,
      url: url(root: root))
    provider.keys = DemoSession.keys
    if style == .azureOpenAI { provider.apiVersion = DemoSession.azureAPIVersion }
    if isNewAPI { provider.type = .newAPI }
    return provider
  }
}
