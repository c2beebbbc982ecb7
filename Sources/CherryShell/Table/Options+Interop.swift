extension Options {
  // MARK: Import and export

  /// `import --dry-run`.
  static let dryRun = FlagKey(
    "--dry-run", help: "show what would be added and changed, and change nothing")
  /// `export --output`.
  static let output = OptionKey<String>(
    "--output", short: "-o", value: "file", kind: .file,
    help: "write to this file instead of standard output (mode 0600 when it holds a key)")
  /// `export env --for`.
  static let flavour = OptionKey<String>(
    "--for", value: "sdk",
    choices: [
      Choice("openai", "OPENAI_BASE_URL and OPENAI_API_KEY"),
      Choice("anthropic", "ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN, from the Anthropic URL"),
    ],
    help: "whose variables", default: "openai")
}
