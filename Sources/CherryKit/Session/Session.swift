/// Everything cherry keeps on disk: the providers in order and the selected one
/// (DESIGN §2.4).
public struct Session: Codable, Equatable, Sendable {
  /// The schema version this build writes; a file with a larger one is refused.
  public static let currentVersion = 1

  /// The schema version of this value.
  public var version: Int
  /// The providers, in list order.
  public var providers: [Provider]
  /// The id of the provider that commands act on, or `nil` when none is selected.
  public var selected: String?

  /// Creates a session.
  ///
  /// - Parameters:
  ///   - providers: The providers, in list order.
  ///   - selected: The selected provider's id.
  public init(providers: [Provider] = [], selected: String? = nil) {
    self.version = Session.currentVersion
    self.providers = providers
    self.selected = selected
  }

  /// The provider with the given id, or `nil`.
  ///
  /// - Parameter id: A provider id.
  /// - Returns: The provider, or `nil` when there is none with that id.
  public func provider(_ id: String) -> Provider? {
    providers.first { $0.id == id }
  }

  /// The index of the provider with the given id, or `nil`.
  ///
  /// - Parameter id: A provider id.
  /// - Returns: The index in ``providers``, or `nil`.
  public func index(of id: String) -> Int? {
    providers.firstIndex { $0.id == id }
  }
}
