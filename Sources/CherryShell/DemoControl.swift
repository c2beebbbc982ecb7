public import CherryKit

/// The demo server, as `demo fault`, `demo status`, `demo reset`, `url reset` and
/// `tour` drive it in `cherry --demo` (DESIGN §2.2).
///
/// CherryShell does not import the demo server: the executable fills this with
/// the server's own functions.
public struct DemoControl {
  /// The words a fault may start with (`401`, `slow`, `off`, …), for Tab and help.
  public var faultWords: [String]
  /// Sets a fault from the words typed; returns what the provider does now.
  public var setFault: (_ words: [String], _ providerID: String) throws -> String
  /// Every demo provider with what its fault does (`nil`: it answers normally).
  public var status: () -> [(provider: String, fault: String?)]
  /// Puts the server back as it started; returns the demo session as it starts.
  public var reset: () -> Session
  /// A demo provider as the session starts with it, or `nil` for another id.
  public var startingProvider: (_ id: String) -> Provider?
  /// The server's root URL (`http://127.0.0.1:<port>`), for the tour.
  public var root: String

  /// Creates the control.
  public init(
    faultWords: [String], setFault: @escaping ([String], String) throws -> String,
    status: @escaping () -> [(provider: String, fault: String?)],
    reset: @escaping () -> Session, startingProvider: @escaping (String) -> Provider?,
    root: String
  ) {
    self.faultWords = faultWords
    self.setFault = setFault
    self.status = status
    self.reset = reset
    self.startingProvider = startingProvider
    self.root = root
  }
}
