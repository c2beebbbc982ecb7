/// A hostile behaviour with the requests it applies to: those of one demo
/// provider, those under one path prefix, or all of them.
///
/// A path prefix lets a test point any client at a hostile URL without touching
/// the demo providers: with `pathPrefix: "/evil"`, a provider whose URL is
/// `http://127.0.0.1:<port>/evil` is hostile (every URL form still routes, since
/// routes match on what follows the root).
public struct DemoHostileRule: Equatable, Sendable {
  /// The behaviour.
  public var hostility: DemoHostility
  /// Only requests of this demo provider (``DemoSession/providers``), or `nil` for all.
  public var provider: String?
  /// Only requests whose path starts with this (`/evil`), or `nil` for any path.
  public var pathPrefix: String?

  /// Creates a hostile rule.
  ///
  /// - Parameters:
  ///   - hostility: The behaviour.
  ///   - provider: Only requests of this demo provider; `nil` for all.
  ///   - pathPrefix: Only requests whose path starts with this; `nil` for all.
  public init(_ hostility: DemoHostility, provider: String? = nil, pathPrefix: String? = nil) {
    self.hostility = hostility
    self.provider = provider
    self.pathPrefix = pathPrefix
  }

  /// Whether the rule applies to a request.
  ///
  /// - Parameter facts: What the server knows of the request.
  /// - Returns: `true` when every condition of the rule holds.
  func matches(_ facts: DemoRequestFacts) -> Bool {
    if let wanted = provider, wanted != facts.provider { return false }
    if let prefix = pathPrefix, !Self.path(facts.path, isUnder: prefix) { return false }
    return true
  }

  /// The request target without the rule's prefix, for a redirect's `Location`.
  ///
  /// - Parameter target: The request target, path and query.
  /// - Returns: The target with ``pathPrefix`` removed (at least `/`).
  func strippingPrefix(_ target: String) -> String {
    guard let prefix = pathPrefix, Self.path(target, isUnder: prefix) else { return target }
    let rest = String(target.dropFirst(prefix.count))
    return rest.hasPrefix("/") ? rest : "/" + rest
  }

  /// Whether a path is the prefix itself or below it (`/evil/v1`, not `/evilness`).
  private static func path(_ path: String, isUnder prefix: String) -> Bool {
    guard path.hasPrefix(prefix) else { return false }
    let next = path.dropFirst(prefix.count).first
    return prefix.hasSuffix("/") || next == nil || next == "/" || next == "?"
  }
}
