extension Options {
  // MARK: Import and export

  /// `import --dry-run`.
  static let dryRun = FlagKey(
    "--dry-run", help: "show what would be added and changed, and change nothing")
  /// `export --output`.
  static let output = OptionKey<String>(
    "--output", value: "file", kind: .file,
    help: "write to this file instead of standard output (mode 0600 when it holds a key)")
  /// `export env --for`.
  ///
  /// Read as text and checked by the handler: option values have no kind for a
  /// fixed set of words.
  static let flavour = OptionKey<String>(
    "--for", value: "sdk", kind: .text, help: "whose variables: openai or anthropic",
    default: "openai")
}
