import CherryKit

/// Every option of every command, declared once each; the table lists their
/// specs and handlers read them through these keys.
enum Options {
  /// Options every command takes.
  static let global: [OptionSpec] = [json.spec, help.spec]

  // MARK: Global

  /// `--json`: this command's result as one JSON object.
  static let json = FlagKey(
    "--json", help: "print the result as one JSON object on one line (docs/json.md)")
  /// `--help`: the command's help instead of running it.
  static let help = FlagKey("--help", help: "show this command's help instead of running it")

  // MARK: Providers

  /// `use --none`.
  static let none = FlagKey("--none", help: "clear the selection")
  /// `provider add --type`.
  static let style = OptionKey<ProviderType>(
    "--type", value: "style", kind: .style,
    help: "the API style the provider speaks (new-api: each model its own endpoint type)",
    expected: "an API style: " + ProviderType.allCases.map(\.rawValue).joined(separator: ", "),
    required: true, convert: { ProviderType(rawValue: $0.lowercased()) })
  /// `provider add --name`.
  static let name = OptionKey<String>(
    "--name", value: "name", kind: .text, help: "the display name", default: "the id")
  /// `provider add --url`.
  static let url = OptionKey<String>(
    "--url", value: "url", kind: .url, help: "the API URL (url explains the forms)")

  // MARK: Models

  /// `models --kind`, `manage --kind`.
  static let kind = OptionKey<ModelKind>(
    "--kind", value: "kind", kind: .kind, help: "keep the models of one kind",
    expected: "a kind: " + ModelKind.allCases.map(\.rawValue).joined(separator: " "),
    convert: { ModelKind(rawValue: $0.lowercased()) })

  /// `+ --exact`.
  static let exact = FlagKey(
    "--exact", help: "take each word as a model id exactly (no numbers, groups, globs or lists)")
  /// `manage --free`.
  static let free = FlagKey("--free", help: "keep the free models (as the app tags them)")

  // MARK: Requests

  /// `test --key`, `check --key`.
  static let key = OptionKey<Int>(
    "--key", value: "N", kind: .number, help: "use only key number N ('key list' numbers them)",
    default: "every key", expected: "a key number from 1",
    convert: { Int($0).flatMap { $0 >= 1 ? $0 : nil } })
  /// `test --timeout`, `check --timeout`.
  static let timeout = OptionKey<Double>(
    "--timeout", value: "seconds", kind: .seconds, help: "the limit for each request",
    default: "the provider's timeout, else \(Describe.seconds(RequestDefaults.testTimeout))",
    expected: "a number of seconds greater than 0 (at most a day)", convert: Seconds.parse)
  /// `check --concurrency`.
  static let concurrency = OptionKey<Int>(
    "--concurrency", value: "N", kind: .number, help: "how many requests run at once",
    default: "\(RequestDefaults.concurrency)", expected: "a number from 1 to 256",
    convert: { Int($0).flatMap { (1...256).contains($0) ? $0 : nil } })
  /// `ask --model`.
  static let model = OptionKey<String>(
    "--model", value: "model", kind: .addedModelID, help: "the model to ask",
    default: "the last added chat model")

  /// `key rm --failed`.
  static let failed = FlagKey(
    "--failed", help: "remove the keys the provider rejected in the last test or check")
  /// `tour --print`.
  static let print = FlagKey(
    "--print", help: "write the lesson as a .cherryrc instead of running it")
  /// `explain url --short`.
  static let short = FlagKey("--short", help: "only the result: the rule and the endpoints")
  /// `note --clear`.
  static let clear = FlagKey("--clear", help: "remove the note")

  // MARK: Session

  /// `dump --with-keys`.
  static let withKeys = FlagKey(
    "--with-keys", help: "write the keys themselves instead of env: placeholders")
}
