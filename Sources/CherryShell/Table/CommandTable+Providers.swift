extension CommandTable {
  /// `providers`, `use`, `show`, `provider …`, `key …`.
  static let providers: [CommandSpec] = [
    CommandSpec(
      "providers", abstract: "List the providers: on/off, id, name, style, keys, models, URL",
      discussion:
        "The selected provider is marked with *. A pattern keeps the providers whose id or name contains it (or matches it, with * ? [ ]). Catalogue entries cherry cannot use are listed as not supported.",
      arguments: [ArgumentSpec("pattern", .text, .optional)],
      json: "providers", handler: ProviderCommands.providers),
    CommandSpec(
      "use", abstract: "Select the provider the other commands act on",
      discussion:
        "Takes a provider id or name. The prompt shows the selection: cherry(deepseek)>. use --none clears the selection. Each shell has its own selection; the one saved is where the next shell starts.",
      arguments: [ArgumentSpec("provider", .providerID, .optional, help: "the provider to use")],
      options: [Options.none.spec], json: "selection", handler: ProviderCommands.use),
    CommandSpec(
      "show", abstract: "Show a provider's settings page",
      discussion:
        "Name, style, on/off, keys (masked, numbered), URL and the endpoints it resolves to, models with their kinds, headers, proxy and timeout. Defaults to the selected provider.",
      arguments: [ArgumentSpec("provider", .providerID, .optional)],
      json: "provider", handler: ProviderCommands.show),
    CommandSpec(
      "provider", abstract: "Add, remove or rename a custom provider",
      subcommands: [
        CommandSpec(
          "add", abstract: "Add a custom provider and select it",
          discussion:
            "The id is what you type (letters, digits, - _ .); it never changes. --type is required.",
          arguments: [ArgumentSpec("id", .text, help: "the new provider's id")],
          options: [Options.style.spec, Options.name.spec, Options.url.spec],
          examples: ["provider add mygw --type openai --url https://gw.example.com/v1"],
          json: "provider", handler: ProviderCommands.add),
        CommandSpec(
          "rm", abstract: "Remove a custom provider",
          arguments: [ArgumentSpec("provider", .providerID, help: "the provider to remove")],
          json: "removed", handler: ProviderCommands.remove),
        CommandSpec(
          "rename", abstract: "Change a provider's display name (ids never change)",
          arguments: [
            ArgumentSpec("provider", .providerID, help: "the provider to rename"),
            ArgumentSpec("name", .text, .many, help: "the new name"),
          ],
          json: "provider", handler: ProviderCommands.rename),
      ],
      handler: nil),
  ]

  /// `key` / `token`.
  static let keys: [CommandSpec] = [
    CommandSpec(
      "key", aliases: ["token"], abstract: "Set the API keys of the selected provider",
      discussion:
        "Keys are one list separated by ASCII commas: key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4. Requests take them in turn. A key may be env:NAME, read from the environment when used. A bare 'key' asks on the terminal with echo off. Keys are always shown masked and numbered from 1.",
      requirement: .selectedProvider,
      subcommands: [
        CommandSpec(
          "add", abstract: "Add keys after the ones there are",
          arguments: [ArgumentSpec("keys", .keys, .many, help: "the keys to add")],
          json: "provider", handler: KeyCommands.add),
        CommandSpec(
          "rm", abstract: "Remove one key by its number, or every key that failed",
          discussion:
            "key rm --failed removes the keys the provider rejected in the last test or check (listing them first), also in a later cherry.",
          arguments: [
            ArgumentSpec("N", .number, .optional, help: "the number of the key to remove")
          ],
          options: [Options.failed.spec], json: "provider", handler: KeyCommands.remove),
        CommandSpec(
          "set", abstract: "Replace one key, keeping its number and the rotation",
          arguments: [
            ArgumentSpec("N", .number, help: "the number of the key to replace"),
            ArgumentSpec("key", .keys, .many, help: "the new key"),
          ],
          json: "provider", handler: KeyCommands.replaceOne),
        CommandSpec(
          "list", abstract: "List the keys, masked and numbered, with the next one marked",
          json: "provider", handler: KeyCommands.list),
        CommandSpec(
          "clear", abstract: "Remove every key", json: "provider", handler: KeyCommands.clear),
      ],
      arguments: [ArgumentSpec("keys", .keys, .optionalMany)],
      examples: ["key sk-xxxx1,sk-xxxx2", "key env:DEEPSEEK_API_KEY", "key"],
      json: "provider", handler: KeyCommands.set)
  ]

  /// `url`, `models-url`, `api-version`.
  static let urls: [CommandSpec] = [
    CommandSpec(
      "url", abstract: "Show or set the API URL of the selected provider",
      discussion:
        "Enter the root (https://api.example.com: cherry appends /v1/chat/completions), a path ending in / (no /v1 is added), a path with a version segment (/v3), or the exact endpoint ending in # (used as is). With no address, shows the value, every endpoint it resolves to, the rule that applied, the host it connects to and, where the provider has one, its Anthropic-compatible URL (see anthropic-url).",
      requirement: .selectedProvider,
      subcommands: [
        CommandSpec(
          "reset", abstract: "Restore the built-in provider's URL",
          availability: .providerWithDefaultURL, json: "provider", handler: URLCommands.reset)
      ],
      arguments: [ArgumentSpec("address", .url, .optional)],
      examples: ["url https://api.example.com", "url https://gw.example.com/any/path#"],
      json: "provider", handler: URLCommands.url),
    CommandSpec(
      "models-url", abstract: "Set the model-list URL when it cannot be derived",
      requirement: .selectedProvider,
      arguments: [
        ArgumentSpec(
          "url", .url, choices: [Choice("off", "derive the list URL from the URL again")])
      ],
      json: "provider", handler: URLCommands.modelsURL),
    CommandSpec(
      "api-version", abstract: "Set the api-version query item (Azure OpenAI)",
      requirement: .selectedProvider,
      arguments: [
        ArgumentSpec("version", .text, choices: [Choice("off", "send no api-version")])
      ],
      json: "provider", handler: URLCommands.apiVersion),
  ]

  /// `anthropic-url`, `note`.
  static let providerExtras: [CommandSpec] = [
    CommandSpec(
      "anthropic-url", abstract: "Show or set the Anthropic-compatible URL",
      discussion:
        "Providers that also speak Anthropic's API (deepseek, moonshot, zhipu, openrouter, ollama, New API gateways, …) have a second URL, resolved with the anthropic style's rules; models whose endpoint is Anthropic's use it.",
      requirement: .selectedProvider,
      subcommands: [
        CommandSpec(
          "reset", abstract: "Go back to the catalogue's default (or none)", json: "provider",
          handler: URLCommands.resetAnthropicURL)
      ],
      arguments: [ArgumentSpec("url", .url, .optional)], json: "provider",
      handler: URLCommands.anthropicURL),
    CommandSpec(
      "note", abstract: "Show or write the selected provider's note",
      discussion: "The note is free text kept with the provider and shown by 'show'.",
      requirement: .selectedProvider, arguments: [ArgumentSpec("text", .text, .optionalMany)],
      options: [Options.clear.spec], json: "provider", handler: NoteCommands.note),
  ]

  /// `explain`.
  static let teaching: [CommandSpec] = [
    CommandSpec(
      "explain", abstract: "Walk through the URL or key rules step by step",
      subcommands: [
        CommandSpec(
          "url", abstract: "How an address becomes the endpoints, rule by rule",
          discussion: "Defaults to the selected provider's URL, explained for its style.",
          arguments: [ArgumentSpec("address", .url, .optional)], options: [Options.short.spec],
          json: "text", handler: ExplainCommands.url),
        CommandSpec(
          "keys", abstract: "The key rules: the list, the comma, rotation, env:, masking",
          json: "text", handler: ExplainCommands.keys),
      ],
      handler: nil)
  ]
}
