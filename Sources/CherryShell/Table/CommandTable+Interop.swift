extension CommandTable {
  /// `import`, `export` (DESIGN §1.7).
  static let interop: [CommandSpec] = [
    CommandSpec(
      "import", abstract: "Bring providers in from Cherry Studio or a LiteLLM config",
      discussion:
        "Takes a Cherry Studio link (cherrystudio://providers/api-keys?v=1&data=…), or a backup with 'import cherry-studio', or a LiteLLM config with 'import litellm'. Existing providers are updated field by field (keys they lack are added, the URL replaced when it differs, models added) and each change is listed; new ones are added as custom providers. Nothing is switched on. The session file is copied to session.json.bak first. A link asks before changing anything at the prompt.",
      subcommands: [
        CommandSpec(
          "cherry-studio",
          abstract: "Import from a Cherry Studio backup (.zip, data.json) or the app's data folder",
          discussion:
            "Reads a legacy backup (data.json, alone or in its .zip), a current one (metadata.json with Chromium's Local Storage), or the app's own data folder (on Linux ~/.config/CherryStudio; it is copied first, so the app may stay open). Built-in providers with no key that are off in the app are left out.",
          arguments: [ArgumentSpec("path", .file, help: "the backup or the data folder")],
          examples: ["import cherry-studio ~/Downloads/cherry-studio.202611301200.zip"],
          json: "import", handler: InteropCommands.importCherryStudio),
        CommandSpec(
          "litellm", abstract: "Import a LiteLLM proxy config.yaml (its model_list)",
          discussion:
            "A config written by 'export litellm' gives the same providers back; in another config each style and api_base becomes a provider, and os.environ/NAME keys become env:NAME.",
          arguments: [ArgumentSpec("file", .file, help: "the config.yaml")],
          examples: ["import litellm config.yaml --dry-run"],
          json: "import", handler: InteropCommands.importLiteLLM),
      ],
      arguments: [ArgumentSpec("link", .url, help: "a cherrystudio:// link")],
      options: [Options.dryRun.spec],
      examples: [
        "import 'cherrystudio://providers/api-keys?v=1&data=…'",
        "import cherry-studio backup.zip --dry-run",
      ],
      json: "import", handler: InteropCommands.importLink),
    CommandSpec(
      "export", abstract: "Write the setup out for LiteLLM, llm, aichat or the SDKs",
      discussion:
        "Keys are written as references to environment variables (the names 'dump' uses) unless --with-keys; each export names the variables it reads. Without providers named, the providers that are on and have models are written. A file holding a key is written with mode 0600.",
      subcommands: [
        CommandSpec(
          "litellm", abstract: "A LiteLLM proxy config.yaml: one deployment per model and key",
          discussion:
            "Every key of a model is a deployment under one model_name (<provider>/<model>), so the proxy's router spreads requests over the keys. The proxy needs LITELLM_MASTER_KEY set.",
          arguments: [ArgumentSpec("providers", .providerID, .optionalMany)],
          options: [Options.withKeys.spec, Options.output.spec],
          examples: ["export litellm --output config.yaml"],
          json: "export", handler: InteropCommands.exportLiteLLM),
        CommandSpec(
          "cherry-studio", abstract: "A Cherry Studio link that adds the provider to the app",
          discussion:
            "The link carries the key itself, so it needs --with-keys. Defaults to the selected provider.",
          arguments: [ArgumentSpec("provider", .providerID, .optional)],
          options: [Options.withKeys.spec, Options.output.spec],
          examples: ["export cherry-studio deepseek --with-keys"],
          json: "export", handler: InteropCommands.exportCherryStudio),
        CommandSpec(
          "llm", abstract: "extra-openai-models.yaml for the llm command line",
          discussion:
            "OpenAI-style providers only. The llm keys set commands to run are printed on standard error.",
          arguments: [ArgumentSpec("providers", .providerID, .optionalMany)],
          options: [Options.withKeys.spec, Options.output.spec],
          json: "export", handler: InteropCommands.exportLLM),
        CommandSpec(
          "aichat", abstract: "The clients: section of aichat's config.yaml",
          arguments: [ArgumentSpec("providers", .providerID, .optionalMany)],
          options: [Options.withKeys.spec, Options.output.spec],
          json: "export", handler: InteropCommands.exportAichat),
        CommandSpec(
          "env", abstract: "export lines for the OpenAI or Anthropic SDKs, for eval",
          discussion:
            "OPENAI_BASE_URL and OPENAI_API_KEY, or with --for anthropic ANTHROPIC_BASE_URL and ANTHROPIC_AUTH_TOKEN. Defaults to the selected provider.",
          arguments: [ArgumentSpec("provider", .providerID, .optional)],
          options: [Options.flavour.spec, Options.withKeys.spec, Options.output.spec],
          examples: ["eval \"$(cherry -c 'export env deepseek')\""],
          json: "export", handler: InteropCommands.exportEnv),
      ],
      handler: nil),
  ]
}
