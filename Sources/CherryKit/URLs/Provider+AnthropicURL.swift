extension Provider {
  /// Sets the Anthropic-compatible URL (`anthropic-url <url>`), or goes back to the
  /// default (`anthropic-url reset`, ``defaultAnthropicURL``).
  ///
  /// The URL is checked with the `anthropic` style's rules (DESIGN §1.2), so a pasted
  /// `…/v1/messages` is refused with its fixes, as `url` does.
  ///
  /// - Parameter raw: The URL as typed, or `nil` for the default.
  /// - Throws: ``URLRuleError`` when the URL is refused; nothing is changed then.
  public mutating func setAnthropicURL(_ raw: String?) throws(URLRuleError) {
    guard let raw else {
      anthropicURL = nil
      return
    }
    anthropicURL = try EndpointResolver.validate(raw, style: .anthropic)
  }
}
