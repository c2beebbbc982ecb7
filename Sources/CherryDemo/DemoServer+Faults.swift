extension DemoServer {
  /// Sets the fault of one demo provider (`demo fault <provider> <fault>`), or
  /// clears it with `nil` (`off`).
  ///
  /// Every later request of that provider gets the fault until it is cleared,
  /// replaced, or the server is ``reset()``; other providers are not affected.
  /// Requests are told apart as ``DemoSession/providerID(path:style:)`` says.
  ///
  /// ```swift
  /// try server.setFault(DemoFault.parse("slow 800"), for: "demo-anthropic")
  /// try server.setFault(nil, for: "demo-anthropic")
  /// ```
  ///
  /// - Parameters:
  ///   - fault: The fault, or `nil` to clear the provider's fault.
  ///   - providerID: The id of a demo provider (``DemoSession/providers``).
  /// - Throws: ``DemoFaultError/notADemoProvider(_:)`` for any other id; nothing changes.
  public func setFault(_ fault: DemoFault?, for providerID: String) throws(DemoFaultError) {
    guard DemoSession.isDemoProvider(providerID) else {
      throw .notADemoProvider(providerID)
    }
    state.withLock { state in
      state.faults.removeAll { $0.isProviderFault(providerID) }
      if let fault { state.faults.insert(DemoFaultRule(fault, provider: providerID), at: 0) }
    }
  }

  /// The fault of each demo provider that has one (`demo status`), by provider id.
  ///
  /// Only the faults set with ``setFault(_:for:)``; see ``faultRules`` for all.
  /// For a listing in the session's order, walk ``DemoSession/providers``.
  public var faults: [String: DemoFault] {
    state.withLock { state in
      var found: [String: DemoFault] = [:]
      for rule in state.faults {
        guard let id = rule.provider, rule.isProviderFault(id), found[id] == nil else { continue }
        found[id] = rule.fault
      }
      return found
    }
  }

  /// Makes every request fail with a fault, or stops all faults with `nil`.
  ///
  /// - Parameter fault: The fault for all requests, or `nil` to clear every
  ///   fault rule, the providers' faults included.
  public func setFault(_ fault: DemoFault?) {
    state.withLock { $0.faults = fault.map { [DemoFaultRule($0)] } ?? [] }
  }

  /// Replaces the fault rules; the first rule that matches a request fires.
  ///
  /// - Parameter rules: The rules, in priority order; empty for none.
  public func setFaults(_ rules: [DemoFaultRule]) {
    state.withLock { $0.faults = rules }
  }

  /// The fault rules still in force, the providers' faults included, in priority
  /// order (a rule with a count left at 0 stays listed).
  public var faultRules: [DemoFaultRule] {
    state.withLock { $0.faults }
  }
}
