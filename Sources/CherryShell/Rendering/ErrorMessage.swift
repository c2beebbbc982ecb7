import CherryKit
import CherryProviders

/// A command's failure as the user sees it: what went wrong, then how to fix it
/// (DESIGN §2.2).
///
/// Every such text is built in this file. It carries no control flags: how a
/// command ended is what it returns (``CommandReport/outcome``), and a failed
/// command's changes are undone by one rule (``Shell/run(line:)``).
struct ShellError: Error {
  /// The first line: what went wrong.
  var what: String
  /// Further lines: how to fix it.
  var fix: [String]
  /// The exit status a script ends with because of it.
  var status: ExitStatus = .commandFailed

  init(_ what: String, fix: [String] = [], status: ExitStatus = .commandFailed) {
    self.what = what
    self.fix = fix
    self.status = status
  }

  /// The error with a fix put first.
  func withFix(_ line: String) -> ShellError {
    var copy = self
    copy.fix.insert(line, at: 0)
    return copy
  }
}

/// Builds the text of every error the shell reports.
///
/// User words are quoted with ``ErrorMessage/quote(_:)``, which masks anything
/// that looks like a key (DESIGN §1.1: never echo a key).
enum ErrorMessage {
  /// Quotes a word of the user's, masked if it looks like a key.
  static func quote(_ word: String) -> String {
    "'" + (KeyMask.looksLikeKey(word) ? KeyMask.mask(word) : KeyMask.maskLine(word)).visible + "'"
  }

  // MARK: - Words and commands

  static func words(_ error: WordError) -> ShellError {
    switch error {
    case .unbalancedQuote(let quote, let column):
      return ShellError(
        "unbalanced quote: the \(quote) at column \(column) is never closed",
        fix: ["close it with another \(quote), or escape it as \\\(quote)"])
    case .unsetVariable(let name):
      return ShellError(
        "the variable $\(name) is not set (or is empty)",
        fix: [
          "export \(name)=… before starting cherry, or write '$\(name)' in single quotes for a literal $"
        ])
    case .badBrace(let column):
      return ShellError(
        "bad ${…} at column \(column): expected ${NAME} with NAME made of letters, digits and _",
        fix: ["write ${NAME}, or '$' in single quotes for a literal $"])
    }
  }

  static func pauseInterrupted() -> ShellError {
    ShellError(
      "interrupted at 'pause' (Ctrl-C): the script stops here",
      fix: ["run it again to replay it from the start; nothing it changed was kept"],
      status: .interrupted)
  }

  static func unknownCommand(_ word: String, suggestion: String?) -> ShellError {
    if KeyMask.looksLikeKey(word) {
      return ShellError(
        "unknown command \(quote(word)): that looks like an API key",
        fix: ["to set keys, write: key <key1>,<key2>…  (or key env:NAME)"])
    }
    var fix: [String] = []
    if let suggestion { fix.append("did you mean '\(suggestion)'?") }
    fix.append("type 'help' for the list of commands")
    return ShellError("unknown command \(quote(word))", fix: fix)
  }

  /// The usage lines of a command path, for the fix of an argument error.
  private static func usage(_ path: [CommandSpec], _ names: [String]) -> [String] {
    let forms = Synopsis.forms(path, names: names)
    return forms.enumerated().map { ($0.offset == 0 ? "usage: " : "       ") + $0.element }
  }

  static func missingArgument(_ path: [CommandSpec], _ names: [String], _ argument: ArgumentSpec)
    -> ShellError
  {
    ShellError(
      "\(names.joined(separator: " ")): missing \(argument.help)", fix: usage(path, names))
  }

  static func tooManyArguments(_ path: [CommandSpec], _ names: [String], _ extra: String)
    -> ShellError
  {
    ShellError(
      "\(names.joined(separator: " ")): unexpected argument \(quote(extra))",
      fix: usage(path, names))
  }

  static func unknownOption(_ path: [CommandSpec], _ names: [String], _ option: String)
    -> ShellError
  {
    let known = (path.last?.options ?? []) + Options.global
    let suggestion = Suggestion.closest(to: option, among: known.map(\.name))
    var fix = suggestion.map { ["did you mean '\($0)'?"] } ?? []
    fix.append("options: " + known.map(\.synopsis).joined(separator: ", "))
    return ShellError(
      "\(names.joined(separator: " ")): unknown option \(quote(option))", fix: fix)
  }

  static func optionNeedsValue(_ path: [CommandSpec], _ names: [String], _ option: OptionSpec)
    -> ShellError
  {
    ShellError(
      "\(names.joined(separator: " ")): \(option.name) needs a value",
      fix: ["write \(option.synopsis)"] + usage(path, names))
  }

  static func missingOption(_ path: [CommandSpec], _ names: [String], _ option: OptionSpec)
    -> ShellError
  {
    ShellError(
      "\(names.joined(separator: " ")): missing \(option.synopsis)",
      fix: [option.help] + usage(path, names))
  }

  static func flagTakesNoValue(_ path: [CommandSpec], _ names: [String], _ option: OptionSpec)
    -> ShellError
  {
    ShellError(
      "\(names.joined(separator: " ")): \(option.name) takes no value",
      fix: ["write \(option.name) alone"])
  }

  static func badOptionValue(
    _ path: [CommandSpec], _ names: [String], _ option: OptionSpec, _ value: String,
    expected: String
  ) -> ShellError {
    ShellError(
      "\(names.joined(separator: " ")): \(quote(value)) is not a valid value for \(option.name)",
      fix: ["expected \(expected)"])
  }

  static func badArgument(
    _ path: [CommandSpec], _ names: [String], _ argument: ArgumentSpec, _ value: String,
    expected: String
  ) -> ShellError {
    ShellError(
      "\(names.joined(separator: " ")): \(quote(value)) is not a valid <\(argument.name)>",
      fix: ["expected \(expected)"] + usage(path, names))
  }

  static func unknownSubcommand(
    _ path: [CommandSpec], _ names: [String], _ word: String, suggestion: String?
  ) -> ShellError {
    let choices = (path.last?.subcommands ?? []).map(\.name)
    var fix = suggestion.map { ["did you mean '\((names + [$0]).joined(separator: " "))'?"] } ?? []
    fix.append("expected one of: " + choices.joined(separator: ", "))
    return ShellError(
      "\(names.joined(separator: " ")): unknown subcommand \(quote(word))",
      fix: fix + usage(path, names))
  }

  static func missingSubcommand(_ path: [CommandSpec], _ names: [String]) -> ShellError {
    let choices = (path.last?.subcommands ?? []).map(\.name)
    return ShellError(
      "\(names.joined(separator: " ")): missing a subcommand: "
        + choices.joined(separator: ", "),
      fix: usage(path, names))
  }

  /// A value the table let through but the session refuses (a key number past
  /// the last key, say).
  static func badValue(_ invocation: Invocation, _ what: String, _ value: String, expected: String)
    -> ShellError
  {
    ShellError(
      "\(invocation.name): \(quote(value)) is not a valid \(what)", fix: ["expected \(expected)"])
  }

  static func noProviderSelected(_ command: String) -> ShellError {
    ShellError(
      "\(command): no provider selected",
      fix: ["pick one first: use <provider>  ('providers' lists them)"])
  }

  static func needsDemo(_ command: String) -> ShellError {
    ShellError(
      "\(command): there is no demo server in this session",
      fix: ["start cherry with --demo (scripts/run --demo), which runs one on 127.0.0.1"])
  }

  static func tourNeedsDemo() -> ShellError {
    ShellError(
      "tour runs on the demo provider, and this session has none",
      fix: ["start cherry --demo (scripts/run --demo); or write it out with: tour --print"])
  }

  static func demo(_ error: any Error) -> ShellError {
    let lines = String(describing: error).split(separator: "\n").map(String.init)
    return ShellError(lines.first ?? "the demo server refused", fix: Array(lines.dropFirst()))
  }

  // MARK: - Providers

  static func unknownProvider(_ word: String, suggestion: String?) -> ShellError {
    var fix: [String] = []
    if let suggestion { fix.append("did you mean '\(suggestion)'?") }
    fix.append("'providers' lists them; 'provider add <id> --type <style>' adds one")
    return ShellError("unknown provider \(quote(word))", fix: fix)
  }

  static func unsupportedProvider(id: String, name: String, reason: String) -> ShellError {
    ShellError(
      "\(name) (\(id)) is not supported by cherry: \(reason)",
      fix: ["'providers' lists the ones that are"])
  }

  static func providerExists(_ id: String) -> ShellError {
    ShellError(
      "a provider with the id '\(id)' already exists", fix: ["pick another id, or 'use \(id)'"])
  }

  static func badProviderID(_ id: String) -> ShellError {
    ShellError(
      "\(quote(id)) is not a valid provider id",
      fix: ["use letters, digits, '-', '_' and '.', starting with a letter or digit"])
  }

  static func builtInCannotBeRemoved(_ id: String) -> ShellError {
    ShellError(
      "\(id) is a built-in provider and cannot be removed",
      fix: ["switch it off with 'disable', or clear its keys with 'key clear'"])
  }

  static func customHasNoDefaultURL(_ id: String) -> ShellError {
    ShellError(
      "\(id) is a custom provider: it has no built-in URL to reset to",
      fix: ["set one with: url <address>"])
  }

  static func emptyName(_ invocation: Invocation) -> ShellError {
    ShellError("\(invocation.name): the name is empty", fix: ["give the new name after the id"])
  }

  // MARK: - Keys

  static func keyList(_ error: KeyListError, command: String) -> ShellError {
    if case .wrongSeparator(let character, let name, let position, let corrected) = error {
      return ShellError(
        "keys must be separated by the ASCII comma \",\", not the \(name) \"\(character)\" "
          + "at position \(position); nothing was changed",
        fix: ["use: " + command + " " + APIKeyList.masked(corrected)])
    }
    return ShellError(error.what, fix: lines(error.fix))
  }

  static func bareKeyWithoutTerminal(_ providerID: String) -> ShellError {
    let variable = DumpWriter.keyVariable(for: providerID, index: nil)
    return ShellError(
      "key: no keys given, and there is no terminal to ask for them",
      fix: ["in a script, write: key env:\(variable)  (and export \(variable)=…)"])
  }

  static func keyNumber(_ value: String, count: Int) -> ShellError {
    if count == 0 {
      return ShellError(
        "no keys to remove: the provider has none", fix: ["add keys with: key <list>"])
    }
    return ShellError(
      "no key #\(KeyMask.maskLine(value)): keys are numbered 1 to \(count)",
      fix: ["'key list' shows them"])
  }

  static func oneKeyExpected(_ command: String, count: Int) -> ShellError {
    ShellError(
      "\(command): expected one key, got \(count)",
      fix: ["to replace every key write: key <key>,<key>…; to add some: key add <key>…"])
  }

  static let keyInputCancelled = ShellError("key: cancelled; nothing was changed")

  // MARK: - URLs and request settings

  static func url(_ error: URLRuleError, command: String = "url") -> ShellError {
    if case .malformed = error { return ShellError(error.what) }
    return ShellError(error.what, fix: lines(error.fix(command: command)))
  }

  static func proxy(_ error: ProxyURLError) -> ShellError {
    ShellError(error.what, fix: lines(error.fix))
  }

  static func noSuchHeader(_ name: String) -> ShellError {
    ShellError("no header \(quote(name)) is set", fix: ["'show' lists the headers"])
  }

  static func badHeaderValue(_ name: String) -> ShellError {
    ShellError(
      "the value of \(quote(name)) holds a line break or a NUL, which would end the header early",
      fix: ["give the value on one line"])
  }

  static func badHeaderName(_ name: String) -> ShellError {
    ShellError(
      "\(quote(name)) is not a header name",
      fix: ["use letters, digits and '-', e.g. header set X-Title cherry"])
  }

  // MARK: - Models

  static func modelNotAdded(_ id: String, providerID: String) -> ShellError {
    ShellError(
      "\(quote(id)) is not one of \(providerID)'s models",
      fix: ["'models' lists them; add it with: + \(id)"])
  }

  static func badKind(_ word: String) -> ShellError {
    ShellError(
      "\(quote(word)) is not a kind change",
      fix: [
        "write +kind or -kind (or 'reset'); kinds: "
          + ModelKind.allCases.map(\.rawValue).joined(separator: " ")
      ])
  }

  static func selection(_ error: ModelSelectionError) -> ShellError {
    ShellError(error.what, fix: lines(error.fix))
  }

  static func unreplayableID(_ id: String, _ problem: String) -> ShellError {
    ShellError(
      "cannot add the model \(quote(id)): \(problem)",
      fix: ["a model id must be one line of plain text, so that a script can add it again"])
  }

  static func modelEdit(_ error: ModelEditError) -> ShellError {
    ShellError(error.what, fix: error.fix.isEmpty ? [] : [error.fix])
  }

  static func nothingMatched(_ term: String) -> ShellError {
    ShellError("nothing matches \(quote(term))", fix: ["'models' lists the added models"])
  }

  // MARK: - Requests

  static func providerOff(_ id: String) -> ShellError {
    ShellError(
      "\(id) is off: its models are not available",
      fix: ["switch it on with 'enable' (after a passing 'test')"])
  }

  static func noURL(_ id: String) -> ShellError {
    ShellError("\(id) has no URL", fix: ["set one with: url <address>"])
  }

  static func noKey(_ id: String) -> ShellError {
    ShellError(
      "\(id) needs a key and has none",
      fix: ["set keys with: key <key>,<key>…  (or key env:NAME)"])
  }

  static func noChatModel(_ id: String) -> ShellError {
    ShellError(
      "\(id) has no chat model to ask",
      fix: ["add one with: + <model id>  ('manage' lists them), or pass --model <id>"])
  }

  static func noModelsToCheck(_ id: String) -> ShellError {
    ShellError(
      "\(id) has no models to check", fix: ["add some with: + <model id>  ('manage' lists them)"])
  }

  static let cancelled = ShellError("cancelled (Ctrl-C)", status: .interrupted)

  static func failedRequest(_ error: ProviderError) -> ShellError {
    // The providers layer words the fix (the seed's advice for an unknown model too);
    // its text carries the provider's own words, shown as data.
    ShellError(error.what.visible, fix: lines(error.fix).map(\.visible))
  }

  // MARK: - Scripts

  static func cannotRead(_ path: String, reason: String) -> ShellError {
    ShellError("cannot read \(path): \(reason)", fix: ["check the path and its permissions"])
  }

  static func notAScriptFile(_ path: String) -> ShellError {
    ShellError(
      "cannot read \(path): it is not a regular file or a pipe",
      fix: ["give the path of a script file (a device such as /dev/zero never ends)"])
  }

  static func scriptTooLarge(_ path: String, limit: Int) -> ShellError {
    ShellError(
      "cannot read \(path): a script may hold at most \(limit >> 20) MiB",
      fix: ["split it into smaller files and source them one by one"])
  }

  static func lineTooLong(_ where: String, limit: Int) -> ShellError {
    ShellError(
      "\(`where`): a line is longer than \(limit >> 20) MiB",
      fix: ["a command fits on one line of at most \(limit >> 20) MiB; is this a script?"])
  }

  static func sourceTooDeep(_ path: String, limit: Int) -> ShellError {
    ShellError(
      "source \(path): nested more than \(limit) deep (does a file source itself?)",
      fix: ["remove the 'source' line that loops"])
  }

  static func sourcedFileFailed(_ path: String) -> String {
    "nothing from \(path) was applied"
  }

  static func noHelp(_ word: String, suggestion: String?) -> ShellError {
    var error = unknownCommand(word, suggestion: suggestion)
    error.what = "help: " + error.what
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

  /// A fix of several lines as lines; none for an empty one.
  private static func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init)
  }

  // MARK: - Store

  static func store(_ error: StoreError) -> ShellError {
    let status: ExitStatus
    if case .invalidPath = error { status = .usage } else { status = .sessionFile }
    return ShellError(error.what, fix: lines(error.fix), status: status)
  }
}
