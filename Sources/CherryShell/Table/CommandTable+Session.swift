extension CommandTable {
  /// `save`, `session`, `dump`.
  static let sessionCommands: [CommandSpec] = [
    CommandSpec(
      "save", abstract: "Save the session now (in a script: a checkpoint)",
      json: "saved", handler: SessionCommands.save),
    CommandSpec(
      "session", abstract: "Show where the session is kept and what is unsaved",
      json: "session", handler: SessionCommands.session),
    CommandSpec(
      "dump", abstract: "Print the session as a replayable .cherryrc",
      discussion:
        "Keys are written as env: placeholders (key env:DEEPSEEK_API_KEY) unless --with-keys. Replayed with cherry -f into an empty session, it rebuilds this one.",
      options: [Options.withKeys.spec], json: "text", handler: SessionCommands.dump),
  ]

  /// `source`, `set`, `pause`.
  static let scripts: [CommandSpec] = [
    CommandSpec(
      "source", abstract: "Run the commands of a file (all or nothing)",
      discussion:
        "A failing line stops the file and undoes what it did. Files may source others, up to 16 deep. 'quit' in a sourced file ends that file only.",
      arguments: [ArgumentSpec("file", .file, help: "the file to run")],
      json: "empty", handler: ScriptCommands.source),
    CommandSpec(
      "set", abstract: "Change a shell setting",
      subcommands: ShellSetting.all.map(\.command), handler: nil),
    CommandSpec(
      "pause", abstract: "Wait for Enter (on a terminal; for demos)",
      json: "empty", handler: ScriptCommands.pause),
  ]

  /// `demo …`, `tour`: for teachers, in `cherry --demo`.
  static let teachers: [CommandSpec] = [
    CommandSpec(
      "demo", abstract: "Control the demo server: faults on demand, status, reset",
      discussion:
        "For teachers: make a demo provider fail on purpose, then show what test, check and ask say. Only in cherry --demo.",
      requirement: .demo,
      subcommands: [
        CommandSpec(
          "fault", abstract: "Make one demo provider fail (or answer normally with off)",
          arguments: [
            ArgumentSpec("provider", .providerID, help: "the demo provider"),
            ArgumentSpec(
              "fault", .fault, .many,
              help: "the fault: 401, 429, 500, stall, drop, slow <ms>, wrong-model or off"),
          ],
          examples: [
            "demo fault demo-openai 401", "demo fault demo-anthropic slow 800",
            "demo fault demo-openai wrong-model", "demo fault demo-openai off",
          ],
          json: "demo", handler: DemoCommands.fault),
        CommandSpec(
          "status", abstract: "Show each demo provider and its fault", json: "demo",
          handler: DemoCommands.status),
        CommandSpec(
          "reset", abstract: "Put the demo server and session back as they started",
          json: "demo", handler: DemoCommands.reset),
      ],
      handler: nil),
    CommandSpec(
      "tour", abstract: "A guided lesson through the settings page, on the demo provider",
      discussion:
        "Providers, keys and the comma rule, the three URL forms, Manage, +, the test, a failing key, enable — pausing between steps. Ctrl-C stops it. tour --print writes it as a .cherryrc to edit.",
      options: [Options.print.spec], json: "text", handler: DemoCommands.tour),
  ]

  /// `help`, `history`, `quit`.
  static let usual: [CommandSpec] = [
    CommandSpec(
      "help", abstract: "List the commands, or explain one",
      arguments: [ArgumentSpec("command", .command, .optionalMany)],
      examples: ["help key", "help key rm"], json: "text", handler: HelpCommands.help),
    CommandSpec(
      "history", abstract: "Show the lines entered in this session (keys masked)",
      json: "text", handler: HelpCommands.history),
    CommandSpec(
      "quit", aliases: ["exit"], abstract: "Leave cherry (Ctrl-D too)",
      discussion: "In a sourced file, ends that file only; in a -f file, ends the run.",
      json: "empty", handler: HelpCommands.quit),
  ]
}
