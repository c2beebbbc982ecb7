extension DemoServer {
  /// Replaces the hostile rules (issue 8, for tests); the first rule that
  /// matches a request applies, before any fault.
  ///
  /// ```swift
  /// server.setHostileRules([
  ///   DemoHostileRule(.redirect(status: 307, to: .otherHost("127.0.0.2", port: nil)),
  ///                   pathPrefix: "/evil"),
  ///   DemoHostileRule(.escapes, provider: "demo-anthropic"),
  /// ])
  /// ```
  ///
  /// - Parameter rules: The rules, in priority order; empty for none.
  public func setHostileRules(_ rules: [DemoHostileRule]) {
    state.withLock { $0.hostileRules = rules }
  }

  /// The hostile rules in force, in priority order.
  public var hostileRules: [DemoHostileRule] {
    state.withLock { $0.hostileRules }
  }

  /// The `Location` of a hostile redirect: the request's target, less the rule's
  /// prefix, on the target's origin.
  func redirectLocation(_ target: DemoRedirectTarget, rule: DemoHostileRule, request: DemoRequest)
    -> String
  {
    let path = rule.strippingPrefix(request.target)
    switch target {
    case .otherHost(let other, let otherPort): return "http://\(other):\(otherPort ?? port)\(path)"
    case .otherPort(let otherPort): return "http://\(host):\(otherPort)\(path)"
    case .sameOrigin: return "http://\(host):\(port)\(path)"
    case .otherScheme: return "https://\(host):\(port)\(path)"
    }
  }
}
