extension Provider {
  /// This provider's catalogue entry, or `nil` for a custom provider.
  public var catalogueEntry: CatalogueEntry? {
    isBuiltIn ? ProviderCatalogue.entry(id) : nil
  }

  /// Whether this built-in provider still has the catalogue's own URL (and style):
  /// shown as the built-in default, and not checked again when a session loads (the
  /// catalogue's tests check those URLs).
  public var hasCatalogueURL: Bool {
    guard let entry = catalogueEntry else { return false }
    return entry.defaultURL == url && entry.style == style
  }

  /// Whether no version is ever appended to this provider's URL (DESIGN §1.2:
  /// `perplexity`, `github`, `copilot`, as in the app).
  public var takesNoVersion: Bool { catalogueEntry?.takesNoVersion ?? false }

  /// Whether this provider has a second, Anthropic-compatible URL: the built-in
  /// providers whose settings page in the app shows one, every `new-api` provider,
  /// and any provider whose `anthropic-url` was set.
  public var offersAnthropicURL: Bool {
    isNewAPI || anthropicURL != nil || (catalogueEntry?.offersAnthropicURL ?? false)
  }

  /// The `anthropic-url` used when none is set: for a `new-api` provider its API URL
  /// (the app copies one into the other), for a built-in provider the app's
  /// catalogue default; `nil` when there is none.
  public var defaultAnthropicURL: String? {
    if isNewAPI { return url.isEmpty ? nil : url }
    return catalogueEntry?.anthropicURL
  }

  /// The Anthropic-compatible URL requests use: the one set with `anthropic-url`,
  /// else ``defaultAnthropicURL``.
  public var effectiveAnthropicURL: String? { anthropicURL ?? defaultAnthropicURL }
}
