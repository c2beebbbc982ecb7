extension CommandTable {
  /// `manage`, `+`, `-`, `models`, `model`.
  static let models: [CommandSpec] = [
    CommandSpec(
      "manage", abstract: "Fetch, keep and show the provider's model list",
      discussion:
        "Fetches the list with the next key, keeps it for '+ <number>' and Tab, and shows it grouped and numbered, with kinds and a mark on those already added. A pattern filters it (a substring, or a glob with * ? [ ]); numbers stay those of the full list.",
      requirement: .selectedProvider, arguments: [ArgumentSpec("pattern", .text, .optional)],
      options: [Options.kind.spec, Options.free.spec], json: "listing",
      handler: NetworkCommands.manage),
    CommandSpec(
      "+", abstract: "Add models: ids, numbers from the last listing, group:<name>, globs",
      discussion:
        "Adding a model that is already there changes nothing; an id the listing does not have is added with a warning.",
      requirement: .selectedProvider,
      arguments: [ArgumentSpec("model", .modelID, .many, help: "the models to add")],
      options: [Options.exact.spec],
      examples: [
        "+ deepseek-chat", "+ 3 7", "+ group:gpt-4o", "+ 'gpt-4o*'", "+ gpt-4o,o3-mini",
        "+ --exact 'model[1]'",
      ],
      json: "model-change", handler: ModelCommands.add),
    CommandSpec(
      "-", abstract: "Remove added models (ids, numbers or globs)",
      requirement: .selectedProvider,
      arguments: [ArgumentSpec("model", .addedModelID, .many, help: "the models to remove")],
      json: "model-change", handler: ModelCommands.remove),
    CommandSpec(
      "models", abstract: "List the added models with their kinds",
      discussion: "Stale models (missing from the last listing) are marked.",
      requirement: .selectedProvider, options: [Options.kind.spec],
      json: "models", handler: ModelCommands.models),
    CommandSpec(
      "model", abstract: "Show an added model, or change it",
      requirement: .selectedProvider,
      leading: [ArgumentSpec("model", .addedModelID, help: "the model")],
      subcommands: [
        CommandSpec(
          "kinds", abstract: "Override the model's inferred kinds",
          discussion:
            "Kinds: chat embedding rerank vision reasoning tools web-search image. Overrides win over inference.",
          arguments: [
            ArgumentSpec(
              "change", .kindChange, .many,
              choices: [Choice("reset", "drop every override: inference decides again")],
              help: "kind changes such as +vision -tools, or reset")
          ],
          json: "model", handler: ModelCommands.kinds),
        CommandSpec(
          "name", abstract: "Give the model a display name",
          arguments: [
            ArgumentSpec(
              "name", .text, .many, choices: [Choice("reset", "show the id alone again")])
          ],
          json: "model", handler: ModelEditCommands.name),
        CommandSpec(
          "group", abstract: "Put the model in another group",
          arguments: [
            ArgumentSpec(
              "group", .text, .many, choices: [Choice("reset", "back to its default group")])
          ],
          json: "model", handler: ModelEditCommands.group),
        CommandSpec(
          "price", abstract: "Set its price per million tokens, input then output",
          arguments: [
            ArgumentSpec("input", .text, choices: [Choice("off", "the price is not known")]),
            ArgumentSpec("output", .text, .optional),
            ArgumentSpec("currency", .text, .optional),
          ],
          examples: ["model gpt-4o price 2.5 10 $", "model qwen-max price 2.4 9.6 ¥"],
          json: "model", handler: ModelEditCommands.price),
        CommandSpec(
          "stream", abstract: "Say whether the model streams its answers",
          arguments: [ArgumentSpec("value", .word, choices: [Choice("on"), Choice("off")])],
          json: "model", handler: ModelEditCommands.stream),
        CommandSpec(
          "endpoint", abstract: "Set the model's endpoint type (new-api providers)",
          arguments: [
            ArgumentSpec(
              "type", .endpointType,
              choices: [Choice("reset", "the listing's type, or openai")])
          ],
          json: "model", handler: ModelEditCommands.endpoint),
      ],
      json: "model", handler: ModelCommands.show),
  ]

  /// `header`, `proxy`, `timeout`.
  static let requestSettings: [CommandSpec] = [
    CommandSpec(
      "header", abstract: "Set or remove an extra request header",
      requirement: .selectedProvider,
      subcommands: [
        CommandSpec(
          "set", abstract: "Send a header with every request of this provider",
          discussion:
            "The value may be env:NAME, read when a request is sent. Values are shown masked.",
          arguments: [
            ArgumentSpec("name", .headerName, help: "the header name"),
            ArgumentSpec("value", .text, .many, help: "the header value", secret: true),
          ],
          json: "provider", handler: RequestSettingCommands.setHeader),
        CommandSpec(
          "rm", abstract: "Stop sending a header",
          arguments: [ArgumentSpec("name", .headerName, help: "the header name")],
          json: "provider", handler: RequestSettingCommands.removeHeader),
      ],
      handler: nil),
    CommandSpec(
      "proxy", abstract: "Send this provider's requests through a proxy",
      requirement: .selectedProvider,
      arguments: [
        ArgumentSpec(
          "url", .url,
          choices: [Choice("off", "no proxy of its own: HTTPS_PROXY / HTTP_PROXY apply")],
          help: "the proxy URL (or off)")
      ],
      examples: ["proxy http://127.0.0.1:3128", "proxy socks5://127.0.0.1:1080", "proxy off"],
      json: "provider", handler: RequestSettingCommands.proxy),
    CommandSpec(
      "timeout", abstract: "Set this provider's request timeout",
      requirement: .selectedProvider,
      arguments: [
        ArgumentSpec(
          "seconds", .seconds,
          choices: [
            Choice("off", "the defaults: test 15 s; manage and ask 10 s connect, 60 s idle")
          ],
          help: "the timeout in seconds (or off)")
      ],
      json: "provider", handler: RequestSettingCommands.timeout),
  ]

  /// `test`, `check`, `enable`, `disable`, `ask`.
  static let checks: [CommandSpec] = [
    CommandSpec(
      "test", abstract: "Test the connection with the last added chat model (or a key check)",
      discussion:
        "Tests every key concurrently and prints one line per key: ✓ or ✗, latency, the error. With no chat model added, checks each key against the model list instead.",
      requirement: .selectedProvider,
      arguments: [ArgumentSpec("model", .addedModelID, .optional)],
      options: [Options.key.spec, Options.timeout.spec], json: "test", handler: NetworkCommands.test
    ),
    CommandSpec(
      "check", abstract: "Health-check every added model with every key",
      requirement: .selectedProvider,
      options: [Options.key.spec, Options.concurrency.spec, Options.timeout.spec],
      json: "check", handler: NetworkCommands.check),
    CommandSpec(
      "enable", abstract: "Switch the selected provider on",
      discussion:
        "Warns when a key is needed and none is set, or no model is added. Nothing switches on by itself.",
      requirement: .selectedProvider, json: "provider", handler: EnableCommands.enable),
    CommandSpec(
      "disable", abstract: "Switch the selected provider off", requirement: .selectedProvider,
      json: "provider", handler: EnableCommands.disable),
    CommandSpec(
      "ask", abstract: "Send one chat message and stream the answer",
      discussion:
        "Uses the last added chat model unless --model is given, and the next key in rotation. Refused while the provider is off.",
      requirement: .selectedProvider,
      arguments: [ArgumentSpec("prompt", .text, .many, help: "the prompt")],
      options: [Options.model.spec], optionsEndAtFirstArgument: true,
      json: "answer", handler: NetworkCommands.ask),
  ]
}
