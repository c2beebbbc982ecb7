/// Every command of the shell, in the order `help` lists them (DESIGN §2.2).
///
/// This one table drives dispatch, `help`, Tab completion and "did you mean";
/// nothing else switches on command names (notes/style.md rule 7).
enum CommandTable {
  /// The commands.
  static let all: [CommandSpec] = [
    // MARK: Providers
    CommandSpec(
      "providers", synopsis: "providers",
      abstract: "List the providers: on/off, id, name, style, keys, models, URL",
      help:
        "The selected provider is marked with *. Catalogue entries cherry cannot use are listed as not supported. With --json, prints a JSON array.",
      handler: ProviderCommands.providers),
    CommandSpec(
      "use", synopsis: "use <provider> | use --none",
      abstract: "Select the provider the other commands act on",
      help:
        "Takes a provider id or name. The prompt shows the selection: cherry(deepseek)>. use --none clears the selection (dump writes it).",
      arguments: [.providerID], options: [OptionSpec("--none")], handler: ProviderCommands.use),
    CommandSpec(
      "show", synopsis: "show [<provider>]",
      abstract: "Show a provider's settings page",
      help:
        "Name, style, on/off, keys (masked, numbered), URL and the endpoints it resolves to, models with their kinds, headers, proxy and timeout. Defaults to the selected provider. With --json, prints a JSON object.",
      arguments: [.providerID], handler: ProviderCommands.show),
    CommandSpec(
      "provider",
      synopsis:
        "provider add <id> --type <style> [--name N] [--url U] | rm <id> | rename <id> <name>",
      abstract: "Add, remove or rename a custom provider",
      help:
        "provider add creates a custom provider and selects it; styles: openai, openai-response, anthropic, gemini, ollama, azure-openai. provider rm removes a custom provider. provider rename changes the display name of any provider (ids never change).",
      arguments: [
        .subcommands([
          Subcommand("add", [.text]), Subcommand("rm", [.providerID]),
          Subcommand("rename", [.providerID, .text]),
        ])
      ],
      options: [
        OptionSpec("--type", .style), OptionSpec("--name", .text), OptionSpec("--url", .text),
      ],
      handler: ProviderCommands.provider),

    // MARK: Keys
    CommandSpec(
      "key", aliases: ["token"],
      synopsis: "key <key>,<key>… | key | key add <list> | key rm <N> | key list | key clear",
      abstract: "Set the API keys of the selected provider",
      help:
        "Keys are one list separated by ASCII commas: key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4. Requests take them in turn. A key may be env:NAME, read from the environment when used. A bare 'key' at the prompt asks with echo off. Keys are always shown masked and numbered from 1.",
      requirement: .selectedProvider,
      arguments: [
        .subcommands([
          Subcommand("add", [.text]), Subcommand("rm", [.text]), Subcommand("list"),
          Subcommand("clear"),
        ])
      ],
      handler: KeyCommands.key),

    // MARK: URL
    CommandSpec(
      "url", synopsis: "url [<address>] | url reset",
      abstract: "Show or set the API URL of the selected provider",
      help:
        "Enter the root (https://api.example.com: cherry appends /v1/chat/completions), a path ending in / (no /v1 is added), or the exact endpoint ending in # (used as is). With no address, shows the value, every endpoint it resolves to and the rule that applied. 'url reset' restores a built-in provider's URL.",
      requirement: .selectedProvider, arguments: [.subcommands([Subcommand("reset")])],
      handler: URLCommands.url),
    CommandSpec(
      "models-url", synopsis: "models-url <url> | models-url off",
      abstract: "Set the model-list URL when it cannot be derived",
      requirement: .selectedProvider, arguments: [.values(["off"])], handler: URLCommands.modelsURL),
    CommandSpec(
      "api-version", synopsis: "api-version <version> | api-version off",
      abstract: "Set the api-version query item (Azure OpenAI)",
      requirement: .selectedProvider, arguments: [.values(["off"])], handler: URLCommands.apiVersion
    ),

    // MARK: Teaching
    CommandSpec(
      "explain", synopsis: "explain url [<address>] | explain keys",
      abstract: "Walk through the URL or key rules step by step",
      arguments: [.subcommands([Subcommand("url", [.text]), Subcommand("keys")])],
      handler: ExplainCommands.explain),

    // MARK: Models
    CommandSpec(
      "manage", synopsis: "manage [<pattern>]",
      abstract: "Fetch, keep and show the provider's model list",
      help:
        "Fetches the list with the next key, keeps it for '+ <number>' and Tab, and shows it grouped and numbered, with kinds and a mark on those already added. A pattern filters it (a substring, or a glob with * ? [ ]); numbers stay those of the full list.",
      requirement: .selectedProvider, arguments: [.text], handler: NetworkCommands.manage),
    CommandSpec(
      "+", synopsis: "+ <model>…",
      abstract: "Add models: ids, numbers from the last listing, group:<name>, globs",
      help:
        "Examples: + deepseek-chat   + 3 7   + group:gpt-4o   + 'gpt-4o*'. Adding a model that is already there changes nothing; an id the listing does not have is added with a warning.",
      requirement: .selectedProvider, arguments: [.modelID], handler: ModelCommands.add),
    CommandSpec(
      "-", synopsis: "- <model>…",
      abstract: "Remove added models (ids or globs)",
      requirement: .selectedProvider, arguments: [.addedModelID], handler: ModelCommands.remove),
    CommandSpec(
      "models", synopsis: "models [--kind <kind>]",
      abstract: "List the added models with their kinds",
      help:
        "Stale models (missing from the last listing) are marked. --kind keeps those of one kind. With --json, prints a JSON array.",
      requirement: .selectedProvider, options: [OptionSpec("--kind", .kind)],
      handler: ModelCommands.models),
    CommandSpec(
      "model", synopsis: "model <id> kinds +<kind> -<kind>… | model <id> kinds reset",
      abstract: "Override a model's inferred kinds",
      help:
        "Kinds: chat embedding rerank vision reasoning tools web-search image. Overrides win over inference. 'model <id>' alone shows the kinds.",
      requirement: .selectedProvider,
      arguments: [.addedModelID, .subcommands([Subcommand("kinds", [.kindChange])])],
      handler: ModelCommands.model),

    // MARK: Request settings
    CommandSpec(
      "header", synopsis: "header set <name> <value> | header rm <name>",
      abstract: "Set or remove an extra request header",
      help:
        "The value may be env:NAME, read when a request is sent. Values that look like keys are shown masked.",
      requirement: .selectedProvider,
      arguments: [.subcommands([Subcommand("set", [.text]), Subcommand("rm", [.text])])],
      handler: RequestSettingCommands.header),
    CommandSpec(
      "proxy", synopsis: "proxy <url> | proxy off",
      abstract: "Send this provider's requests through a proxy",
      requirement: .selectedProvider, arguments: [.values(["off"])],
      handler: RequestSettingCommands.proxy),
    CommandSpec(
      "timeout", synopsis: "timeout <seconds> | timeout off",
      abstract: "Set this provider's request timeout",
      requirement: .selectedProvider, arguments: [.values(["off"])],
      handler: RequestSettingCommands.timeout),

    // MARK: Checks
    CommandSpec(
      "test", synopsis: "test [<model>] [--key N] [--timeout S]",
      abstract: "Test the connection with the last added chat model (or a key check)",
      help:
        "Tests every key concurrently and prints one line per key: ✓ or ✗, latency, the error. With no chat model added, checks each key against the model list instead. Default timeout 15 s.",
      requirement: .selectedProvider, arguments: [.addedModelID],
      options: [OptionSpec("--key", .text), OptionSpec("--timeout", .text)],
      handler: NetworkCommands.test),
    CommandSpec(
      "check", synopsis: "check [--concurrency N] [--timeout S]",
      abstract: "Health-check every added model with every key",
      requirement: .selectedProvider,
      options: [OptionSpec("--concurrency", .text), OptionSpec("--timeout", .text)],
      handler: NetworkCommands.check),
    CommandSpec(
      "enable", synopsis: "enable",
      abstract: "Switch the selected provider on",
      help:
        "Warns when a key is needed and none is set, or no model is added. Nothing switches on by itself.",
      requirement: .selectedProvider, handler: EnableCommands.enable),
    CommandSpec(
      "disable", synopsis: "disable", abstract: "Switch the selected provider off",
      requirement: .selectedProvider, handler: EnableCommands.disable),
    CommandSpec(
      "ask", synopsis: "ask [--model <id>] <prompt…>",
      abstract: "Send one chat message and stream the answer",
      help:
        "Uses the last added chat model unless --model is given, and the next key in rotation. Refused while the provider is off.",
      requirement: .selectedProvider, arguments: [.text],
      options: [OptionSpec("--model", .addedModelID)],
      optionsBeforeText: true, handler: NetworkCommands.ask),

    // MARK: Session
    CommandSpec(
      "save", synopsis: "save",
      abstract: "Save the session now (in a script: a checkpoint)",
      handler: SessionCommands.save),
    CommandSpec(
      "session", synopsis: "session",
      abstract: "Show where the session is kept and what is unsaved",
      handler: SessionCommands.session),
    CommandSpec(
      "dump", synopsis: "dump [--with-keys]",
      abstract: "Print the session as a replayable .cherryrc",
      help:
        "Keys are written as env: placeholders (key env:DEEPSEEK_API_KEY) unless --with-keys. Replayed with cherry -f into an empty session, it rebuilds this one.",
      options: [OptionSpec("--with-keys")], handler: SessionCommands.dump),

    // MARK: Scripts
    CommandSpec(
      "source", synopsis: "source <file>",
      abstract: "Run the commands of a file (all or nothing)",
      help:
        "A failing line stops the file and undoes what it did. Files may source others, up to 16 deep. 'quit' in a sourced file ends that file only.",
      arguments: [.file], handler: ScriptCommands.source),
    CommandSpec(
      "set", synopsis: "set echo on|off | set on_error stop|continue | set trace on|off",
      abstract: "Change a shell setting",
      arguments: [
        .subcommands([
          Subcommand("echo", [.values(["on", "off"])]),
          Subcommand("on_error", [.values(["stop", "continue"])]),
          Subcommand("trace", [.values(["on", "off"])]),
        ])
      ],
      handler: ScriptCommands.set),
    CommandSpec(
      "pause", synopsis: "pause", abstract: "Wait for Enter (on a terminal; for demos)",
      handler: ScriptCommands.pause),

    // MARK: The usual
    CommandSpec(
      "help", synopsis: "help [<command>]", abstract: "List the commands, or explain one",
      arguments: [.command], handler: HelpCommands.help),
    CommandSpec(
      "history", synopsis: "history",
      abstract: "Show the lines entered in this session (keys masked)",
      handler: HelpCommands.history),
    CommandSpec(
      "quit", aliases: ["exit"], synopsis: "quit", abstract: "Leave cherry (Ctrl-D too)",
      help: "In a sourced file, ends that file only; in a -f file, ends the run.",
      handler: HelpCommands.quit),
  ]

  /// Every name and alias → its index in ``all``.
  private static let index: [String: Int] = {
    var index: [String: Int] = [:]
    for (position, spec) in all.enumerated() {
      for name in spec.allNames { index[name] = position }
    }
    return index
  }()

  /// The command with this name or alias.
  ///
  /// - Parameter name: The word typed.
  /// - Returns: The spec, or `nil`.
  static func spec(named name: String) -> CommandSpec? {
    index[name].map { all[$0] }
  }
}
