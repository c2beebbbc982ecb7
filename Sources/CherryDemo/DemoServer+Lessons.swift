public import CherryKit

extension DemoServer {
  /// `demo fault <provider> <fault…>` from the words typed: sets the fault and
  /// says what it does now.
  ///
  /// - Parameters:
  ///   - words: The fault's words (`slow 800`, `401`, `off`).
  ///   - providerID: A demo provider's id.
  /// - Returns: What the provider does from now on.
  /// - Throws: ``DemoFaultError`` for words that are not a fault or a provider
  ///   that is not a demo one; nothing changes.
  public func setFault(words: [String], for providerID: String) throws(DemoFaultError) -> String {
    let fault = try DemoFault.parse(words)
    try setFault(fault, for: providerID)
    return fault?.description ?? "answers normally"
  }

  /// `demo status`: every demo provider, in the session's order, with what its
  /// fault does (`nil` when it answers normally).
  public var faultStatus: [(provider: String, fault: String?)] {
    let faults = self.faults
    return DemoSession.providers.map { ($0.id, faults[$0.id]?.description) }
  }

  /// `demo reset`: the server as it started, and the demo session as it starts.
  ///
  /// - Returns: The session to use from now on.
  public func resetToStart() -> Session {
    reset()
    return DemoSession.make(port: port)
  }

  /// The demo provider as the demo session starts with it (`url reset` on one),
  /// or `nil` for another id.
  public func startingProvider(_ id: String) -> Provider? {
    DemoSession.defaultProvider(id, port: port)
  }
}
