public import CherryKit

/// A fault with the requests it applies to: all of them, or those of one demo
/// provider, one style, one model, or one operation; for ever or a number of times.
public struct DemoFaultRule: Equatable, Sendable {
  /// The fault to produce.
  public var fault: DemoFault
  /// Only requests of this demo provider (``DemoSession/providers``), or `nil` for all.
  public var provider: String?
  /// Only requests of this style, or `nil` for every style.
  public var style: APIStyle?
  /// Only requests for this model, or `nil` for any model (list requests have none).
  public var model: String?
  /// Only requests whose path (without the query) ends with this, or `nil` for any path.
  public var pathSuffix: String?
  /// How many more requests it applies to, or `nil` for every request until cleared.
  public var remaining: Int?

  /// Creates a fault rule.
  ///
  /// - Parameters:
  ///   - fault: The fault to produce.
  ///   - provider: Only requests of this demo provider; `nil` for all.
  ///   - style: Only requests of this style; `nil` for all.
  ///   - model: Only requests for this model; `nil` for all.
  ///   - pathSuffix: Only requests whose path ends with this; `nil` for all.
  ///   - times: How many requests it applies to; `nil` until cleared.
  public init(
    _ fault: DemoFault, provider: String? = nil, style: APIStyle? = nil, model: String? = nil,
    pathSuffix: String? = nil, times: Int? = nil
  ) {
    self.fault = fault
    self.provider = provider
    self.style = style
    self.model = model
    self.pathSuffix = pathSuffix
    self.remaining = times
  }

  /// Whether this is the rule `demo fault <provider> …` sets: that provider, for ever.
  func isProviderFault(_ id: String) -> Bool {
    provider == id && style == nil && model == nil && pathSuffix == nil && remaining == nil
  }

  /// Whether the rule applies to a request.
  ///
  /// - Parameter facts: What the server knows of the request.
  /// - Returns: `true` when every condition of the rule holds.
  func matches(_ facts: DemoRequestFacts) -> Bool {
    if let wanted = provider, wanted != facts.provider { return false }
    if let wanted = style, wanted != facts.style { return false }
    if let wanted = model, wanted != facts.model { return false }
    if let suffix = pathSuffix, !facts.path.hasSuffix(suffix) { return false }
    if let remaining, remaining <= 0 { return false }
    return true
  }
}
