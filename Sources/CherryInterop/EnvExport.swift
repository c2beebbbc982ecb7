import CherryInteropCore
import CherryKit

/// `export env`: shell `export` lines for the OpenAI SDKs (`OPENAI_BASE_URL`,
/// `OPENAI_API_KEY`) or Anthropic's (`ANTHROPIC_BASE_URL`, `ANTHROPIC_AUTH_TOKEN`),
/// quoted for `eval` (DESIGN §1.7).
enum EnvExport {
  /// Writes the lines for one provider.
  ///
  /// - Parameters:
  ///   - provider: The prepared provider.
  ///   - flavour: Which SDK.
  /// - Returns: The lines, and the variables they read.
  /// - Throws: ``InteropFailure`` when the provider has no URL of that kind.
  static func write(_ provider: Provider, flavour: EnvironmentFlavour) throws(InteropFailure)
    -> ExportedText
  {
    var variables = References()
    var notes: [String] = []
    let base: String
    let baseName: String
    let keyName: String
    switch flavour {
    case .openai:
      guard provider.style == .openai || provider.style == .openaiResponse else {
        throw InteropFailure(
          "\(provider.id) speaks \(provider.style.rawValue), not the OpenAI API",
          fix: provider.style == .anthropic
            ? ["write the Anthropic SDK's variables: export env \(provider.id) --for anthropic"]
            : [])
      }
      base = try ConsumerBase.base(of: provider)
      (baseName, keyName) = ("OPENAI_BASE_URL", "OPENAI_API_KEY")
    case .anthropic:
      // The SDK appends `/v1/messages` to its base, as LiteLLM does.
      guard let anthropic = try ConsumerBase.anthropicBase(of: provider) else {
        throw InteropFailure(
          "\(provider.id) has no Anthropic-compatible URL (it speaks \(provider.style.rawValue))",
          fix: [
            "set one: use \(provider.id), then anthropic-url <url>",
            "or write the OpenAI SDK's variables: export env \(provider.id) --for openai",
          ])
      }
      base = anthropic
      (baseName, keyName) = ("ANTHROPIC_BASE_URL", "ANTHROPIC_AUTH_TOKEN")
    }
    var holdsKey = false
    var lines = [
      "# \(provider.name) (\(provider.id)) for the \(flavour == .openai ? "OpenAI" : "Anthropic") SDKs; load with: eval \"$(cherry -c 'export env \(provider.id)\(flavour == .anthropic ? " --for anthropic" : "")')\"",
      "export \(baseName)=\(ShellWord.quote(base))",
    ]
    if let key = provider.keys.first {
      if let variable = variables.variable(key) {
        lines.append("export \(keyName)=\"${\(variable)}\"")
      } else {
        lines.append("export \(keyName)=\(ShellWord.quote(key))")
        holdsKey = true
      }
      if provider.keys.count > 1 {
        notes.append("\(provider.id): the SDKs take one key (key #1); they do not rotate keys")
      }
    } else if provider.needsKey {
      notes.append("\(provider.id) has no keys: set \(keyName) yourself")
    }
    return ExportedText(
      text: lines.joined(separator: "\n") + "\n", variables: variables.names, notes: notes,
      holdsKey: holdsKey)
  }
}
