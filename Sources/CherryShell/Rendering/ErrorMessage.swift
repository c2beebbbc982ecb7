import CherryKit
import CherryProviders

/// A command's failure as the user sees it: what went wrong, then how to fix it
/// (DESIGN §2.2).
///
/// Every such text is built in this file.
struct ShellError: Error {
  /// The first line: what went wrong.
  var message: String
  /// Further lines: how to fix it.
  var hints: [String]
  /// Set when the text was already printed (a sourced file's own error), so the
  /// failure only propagates.
  var alreadyReported = false
  /// Set when the lines printed above already say what failed (the ✗ lines of
  /// `test` and `check`): at the prompt nothing more is printed, but a script
  /// still gets its `FILE:LINE: error:` line (DESIGN §2.3).
  var summarizedAbove = false
  /// The exit status a script ends with because of it.
  var status: ExitStatus = .commandFailed
  /// Keep the session as the command left it (a request advanced the key
  /// rotation before it failed: the next request must still take the next key).
  var keepsChanges = false

  init(_ message: String, hints: [String] = [], status: ExitStatus = .commandFailed) {
    self.message = message
    self.hints = hints
    self.status = status
  }

  /// Splits a `what\nfix` description (the CherryKit errors' form) into lines.
  init(description: String, status: ExitStatus = .commandFailed) {
    var lines = description.split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    self.message = lines.isEmpty ? description : lines.removeFirst()
    self.hints = lines.filter { !$0.isEmpty }
    self.status = status
  }

  /// The error with a hint put first.
  func withHint(_ hint: String) -> ShellError {
    var copy = self
    copy.hints.insert(hint, at: 0)
    return copy
  }

  static let reported: ShellError = {
    var error = ShellError("")
    error.alreadyReported = true
    return error
  }()
}

/// Builds the text of every error the shell reports.
///
/// User words are quoted with ``ErrorMessage/quote(_:)``, which masks anything
/// that looks like a key (DESIGN §1.1: never echo a key).
enum ErrorMessage {
  /// Quotes a word of the user's, masked if it looks like a key.
  static func quote(_ word: String) -> String {
    "'" + (KeyMask.looksLikeKey(word) ? KeyMask.mask(word) : KeyMask.maskLine(word)) + "'"
  }

  // MARK: - Words and commands

  static func words(_ error: WordError) -> ShellError {
    switch error {
    case .unbalancedQuote(let quote, let column):
      return ShellError(
        "unbalanced quote: the \(quote) at column \(column) is never closed",
        hints: ["close it with another \(quote), or escape it as \\\(quote)"])
    case .unsetVariable(let name):
      return ShellError(
        "the variable $\(name) is not set (or is empty)",
        hints: [
          "export \(name)=… before starting cherry, or write '$\(name)' in single quotes for a literal $"
        ])
    case .badBrace(let column):
      return ShellError(
        "bad ${…} at column \(column): expected ${NAME} with NAME made of letters, digits and _",
        hints: ["write ${NAME}, or '$' in single quotes for a literal $"])
    }
  }

  static func pauseInterrupted() -> ShellError {
    ShellError(
      "interrupted at 'pause' (Ctrl-C): the script stops here",
      hints: ["run it again to replay it from the start; nothing it changed was kept"])
  }

  static func unknownCommand(_ word: String, suggestion: String?) -> ShellError {
    if KeyMask.looksLikeKey(word) {
      return ShellError(
        "unknown command \(quote(word)): that looks like an API key",
        hints: ["to set keys, write: key <key1>,<key2>…  (or key env:NAME)"])
    }
    var hints: [String] = []
    if let suggestion { hints.append("did you mean '\(suggestion)'?") }
    hints.append("type 'help' for the list of commands")
    return ShellError("unknown command \(quote(word))", hints: hints)
  }

  static func missingArgument(_ spec: CommandSpec, _ what: String) -> ShellError {
    ShellError("\(spec.name): missing \(what)", hints: ["usage: \(spec.synopsis)"])
  }

  static func tooManyArguments(_ spec: CommandSpec, _ extra: String) -> ShellError {
    ShellError(
      "\(spec.name): unexpected argument \(quote(extra))", hints: ["usage: \(spec.synopsis)"])
  }

  static func unknownOption(_ spec: CommandSpec, _ option: String) -> ShellError {
    let known = spec.options.map(\.name).joined(separator: " ")
    return ShellError(
      "\(spec.name): unknown option \(quote(option))",
      hints: [
        known.isEmpty ? "usage: \(spec.synopsis)" : "options: \(known); usage: \(spec.synopsis)"
      ])
  }

  static func optionNeedsValue(_ spec: CommandSpec, _ option: String) -> ShellError {
    ShellError("\(spec.name): \(option) needs a value", hints: ["usage: \(spec.synopsis)"])
  }

  static func badValue(_ spec: CommandSpec, _ what: String, _ value: String, expected: String)
    -> ShellError
  {
    ShellError(
      "\(spec.name): \(quote(value)) is not a valid \(what)", hints: ["expected \(expected)"])
  }

  static func unknownSubcommand(_ spec: CommandSpec, _ word: String, choices: [String])
    -> ShellError
  {
    ShellError(
      "\(spec.name): unknown subcommand \(quote(word))",
      hints: ["expected one of: \(choices.joined(separator: ", ")); usage: \(spec.synopsis)"])
  }

  static func noProviderSelected(_ spec: CommandSpec) -> ShellError {
    ShellError(
      "\(spec.name): no provider selected",
      hints: ["pick one first: use <provider>  ('providers' lists them)"])
  }

  // MARK: - Providers

  static func unknownProvider(_ word: String, suggestion: String?) -> ShellError {
    var hints: [String] = []
    if let suggestion { hints.append("did you mean '\(suggestion)'?") }
    hints.append("'providers' lists them; 'provider add <id> --type <style>' adds one")
    return ShellError("unknown provider \(quote(word))", hints: hints)
  }

  static func unsupportedProvider(id: String, name: String, reason: String) -> ShellError {
    ShellError(
      "\(name) (\(id)) is not supported by cherry: \(reason)",
      hints: ["'providers' lists the ones that are"])
  }

  static func providerExists(_ id: String) -> ShellError {
    ShellError(
      "a provider with the id '\(id)' already exists", hints: ["pick another id, or 'use \(id)'"])
  }

  static func badProviderID(_ id: String) -> ShellError {
    ShellError(
      "\(quote(id)) is not a valid provider id",
      hints: ["use letters, digits, '-', '_' and '.', starting with a letter or digit"])
  }

  static func badStyle(_ value: String) -> ShellError {
    ShellError(
      "unknown API style \(quote(value))",
      hints: ["styles: " + APIStyle.allCases.map(\.rawValue).joined(separator: ", ")])
  }

  static func missingStyle() -> ShellError {
    ShellError(
      "provider add: missing --type <style>",
      hints: ["styles: " + APIStyle.allCases.map(\.rawValue).joined(separator: ", ")])
  }

  static func builtInCannotBeRemoved(_ id: String) -> ShellError {
    ShellError(
      "\(id) is a built-in provider and cannot be removed",
      hints: ["switch it off with 'disable', or clear its keys with 'key clear'"])
  }

  static func customHasNoDefaultURL(_ id: String) -> ShellError {
    ShellError(
      "\(id) is a custom provider: it has no built-in URL to reset to",
      hints: ["set one with: url <address>"])
  }

  static func emptyName() -> ShellError {
    ShellError("provider rename: the name is empty", hints: ["usage: provider rename <id> <name>"])
  }

  // MARK: - Keys

  static func keyList(_ error: KeyListError, command: String) -> ShellError {
    if case .wrongSeparator(let character, let name, let position, let corrected) = error {
      return ShellError(
        "keys must be separated by the ASCII comma \",\", not the \(name) \"\(character)\" "
          + "at position \(position); nothing was changed",
        hints: ["use: " + KeyMask.maskLine(command + " " + corrected)])
    }
    return ShellError(description: error.description)
  }

  static func bareKeyWithoutTerminal(_ providerID: String) -> ShellError {
    let variable = DumpWriter.keyVariable(for: providerID, index: nil)
    return ShellError(
      "key: no keys given, and there is no terminal to ask for them",
      hints: ["in a script, write: key env:\(variable)  (and export \(variable)=…)"])
  }

  static func keyNumber(_ value: String, count: Int) -> ShellError {
    if count == 0 {
      return ShellError(
        "no keys to remove: the provider has none", hints: ["add keys with: key <list>"])
    }
    return ShellError(
      "no key #\(KeyMask.maskLine(value)): keys are numbered 1 to \(count)",
      hints: ["'key list' shows them"])
  }

  static let keyInputCancelled = ShellError("key: cancelled; nothing was changed")

  // MARK: - URLs and request settings

  static func url(_ error: URLRuleError) -> ShellError {
    ShellError(description: error.description)
  }

  static func badProxy(_ value: String) -> ShellError {
    ShellError(
      "\(quote(value)) is not a proxy URL",
      hints: ["write proxy http://host:port (or socks5://host:port), or 'proxy off'"])
  }

  static func badTimeout(_ value: String) -> ShellError {
    ShellError(
      "\(quote(value)) is not a timeout",
      hints: ["write a number of seconds greater than 0, e.g. timeout 30, or 'timeout off'"])
  }

  static func noSuchHeader(_ name: String) -> ShellError {
    ShellError("no header \(quote(name)) is set", hints: ["'show' lists the headers"])
  }

  static func badHeaderName(_ name: String) -> ShellError {
    ShellError(
      "\(quote(name)) is not a header name",
      hints: ["use letters, digits and '-', e.g. header set X-Title cherry"])
  }

  // MARK: - Models

  static func modelNotAdded(_ id: String, providerID: String) -> ShellError {
    ShellError(
      "\(quote(id)) is not one of \(providerID)'s models",
      hints: ["'models' lists them; add it with: + \(id)"])
  }

  static func badKind(_ word: String) -> ShellError {
    ShellError(
      "\(quote(word)) is not a kind change",
      hints: [
        "write +kind or -kind (or 'reset'); kinds: "
          + ModelKind.allCases.map(\.rawValue).joined(separator: " ")
      ])
  }

  static func selection(_ error: ModelSelectionError) -> ShellError {
    ShellError(description: error.message)
  }

  static func nothingMatched(_ term: String) -> ShellError {
    ShellError("nothing matches \(quote(term))", hints: ["'models' lists the added models"])
  }

  // MARK: - Requests

  static func providerOff(_ id: String) -> ShellError {
    ShellError(
      "\(id) is off: its models are not available",
      hints: ["switch it on with 'enable' (after a passing 'test')"])
  }

  static func noURL(_ id: String) -> ShellError {
    ShellError("\(id) has no URL", hints: ["set one with: url <address>"])
  }

  static func noKey(_ id: String) -> ShellError {
    ShellError(
      "\(id) needs a key and has none",
      hints: ["set keys with: key <key>,<key>…  (or key env:NAME)"])
  }

  static func noChatModel(_ id: String) -> ShellError {
    ShellError(
      "\(id) has no chat model to ask",
      hints: ["add one with: + <model id>  ('manage' lists them), or pass --model <id>"])
  }

  static func noModelsToCheck(_ id: String) -> ShellError {
    ShellError(
      "\(id) has no models to check", hints: ["add some with: + <model id>  ('manage' lists them)"])
  }

  static let cancelled = ShellError("cancelled (Ctrl-C)")

  static func failedRequest(_ error: ProviderError) -> ShellError {
    // The providers layer words the fix (the seed's advice for an unknown model too).
    ShellError(description: error.message)
  }

  // MARK: - Scripts

  static func cannotRead(_ path: String, reason: String) -> ShellError {
    ShellError("cannot read \(path): \(reason)", hints: ["check the path and its permissions"])
  }

  static func sourceTooDeep(_ path: String, limit: Int) -> ShellError {
    ShellError(
      "source \(path): nested more than \(limit) deep (does a file source itself?)",
      hints: ["remove the 'source' line that loops"])
  }

  static func sourcedFileFailed(_ path: String) -> String {
    "nothing from \(path) was applied"
  }

  static func badSetting(_ name: String) -> ShellError {
    ShellError(
      "set: unknown setting \(quote(name))",
      hints: ["settings: echo on|off, on_error stop|continue, trace on|off"])
  }

  static func noHelp(_ word: String, suggestion: String?) -> ShellError {
    var error = unknownCommand(word, suggestion: suggestion)
    error.message = "help: " + error.message
    return error
  }

  /// Turns any error a handler let through into the user's text.
  static func from(_ error: any Error) -> ShellError {
    switch error {
    case let error as ShellError: return error
    case let error as StoreError: return store(error)
    case let error as KeyListError: return keyList(error, command: "key")
    case let error as URLRuleError: return url(error)
    case let error as ModelSelectionError: return selection(error)
    case let error as ProviderError: return provider(error)
    default: return ShellError(String(describing: error))
    }
  }

  static func provider(_ error: ProviderError) -> ShellError {
    failedRequest(error)
  }

  // MARK: - Store

  static func store(_ error: StoreError) -> ShellError {
    ShellError(description: error.description, status: .sessionFile)
  }
}
