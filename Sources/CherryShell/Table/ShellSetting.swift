/// A setting that `set` changes, declared once: `set`'s subcommands, their
/// words, completion and help are made from these.
struct ShellSetting: Sendable {
  /// The setting's name (`set <name> …`).
  let name: String
  /// What it does, for `help set`.
  let abstract: String
  /// The word that turns it on, and the one that turns it off.
  let on: Choice
  let off: Choice
  /// Stores the value.
  let apply: @Sendable (inout ShellSettings, Bool) -> Void

  /// Every setting, in the order `help set` lists them.
  static let all: [ShellSetting] = [
    ShellSetting(
      name: "echo", abstract: "print each script line before it runs (keys masked)",
      on: Choice("on"), off: Choice("off")
    ) { $0.echo = $1 },
    ShellSetting(
      name: "on_error",
      abstract: "what a failing script line does: stop (nothing is saved) or continue",
      on: Choice("continue", "run the next lines; save what succeeded"),
      off: Choice("stop", "stop the script; save nothing")
    ) { $0.continueOnError = $1 },
    ShellSetting(
      name: "trace",
      abstract: "print each request: method, URL, masked headers, status, milliseconds",
      on: Choice("on"), off: Choice("off")
    ) { $0.trace = $1 },
    ShellSetting(
      name: "json", abstract: "print every command's result as one JSON object on one line",
      on: Choice("on"), off: Choice("off")
    ) { $0.json = $1 },
    ShellSetting(
      name: "pager",
      abstract: "show output longer than the screen through $PAGER (less -FRX), at the prompt",
      on: Choice("on"), off: Choice("off")
    ) { $0.pager = $1 },
  ]

  /// The `set <name>` subcommand of this setting.
  var command: CommandSpec {
    let argument = ArgumentSpec(
      "value", .word, choices: [on, off], help: "\(on.word) or \(off.word)")
    let apply = self.apply
    let onWord = on.word
    return CommandSpec(
      name, abstract: abstract.prefix(1).uppercased() + abstract.dropFirst(),
      arguments: [argument]
    ) { shell, invocation in
      apply(&shell.settings, invocation.arguments[0] == onWord)
      return Report.none
    }
  }
}
