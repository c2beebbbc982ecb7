import CherryInteropCore
import CherryKit

/// `import` and `export` (DESIGN §1.7): the formats are read and written by
/// `cherry-interop` (``InteropProcess``); the merge and the files are done here.
enum InteropCommands {
  // MARK: - Import

  static func importLink(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runImport(shell, invocation, .deepLink(invocation.arguments[0]), asks: true)
  }

  static func importCherryStudio(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runImport(
      shell, invocation, .cherryStudio(path: shell.resolvePath(invocation.arguments[0])),
      asks: false)
  }

  static func importLiteLLM(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runImport(
      shell, invocation, .litellm(path: shell.resolvePath(invocation.arguments[0])), asks: false)
  }

  /// Reads the source, plans the merge, shows it, and applies it unless told not to.
  private static func runImport(
    _ shell: Shell, _ invocation: Invocation, _ source: ImportSource, asks: Bool
  ) throws(ShellError) -> any CommandReport {
    let imported: ImportedSource
    switch try InteropProcess.run(
      InteropRequest(.read(source)), environment: shell.options.environment)
    {
    case .imported(let result): imported = result
    case .failed(let failure): throw ShellError(failure.what, fix: failure.fix)
    case .exported: throw ShellError("cherry-interop answered an import with an export")
    }
    let plan = ImportPlanner.plan(
      imported.providers, into: shell.session, isValidID: ProviderCommands.isValidID)
    let preview = InteropReport.preview(plan, source: imported)
    var report = InteropReport.Imported(
      source: imported.description, dryRun: invocation.has(Options.dryRun), applied: false,
      backup: nil, providers: plan.entries, notes: imported.notes)
    var shown = false
    var notes: [String] = []
    if report.dryRun {
      notes.append("dry run: nothing was changed")
    } else if !plan.changesSomething {
      notes.append("nothing to change: the session already has all of it")
    } else if asks, !shell.jsonOutput, shell.frames.last?.isPrompt == true,
      let ask = shell.options.readSecret
    {
      // At the prompt a link asks first, as the app does (its dialog shows the
      // masked key); a script proceeds.
      for line in preview { shell.out.line(line) }
      shown = true
      shell.out.sink.flush()
      let answer = ask("apply these changes? [y/N] ")?.lowercased() ?? ""
      if answer == "y" || answer == "yes" {
        try apply(plan, to: shell, report: &report, notes: &notes)
      } else {
        notes.append("nothing was changed")
      }
    } else {
      try apply(plan, to: shell, report: &report, notes: &notes)
    }
    return Report(report, notes: notes) { _ in shown ? [] : preview }
  }

  private static func apply(
    _ plan: ImportPlan, to shell: Shell, report: inout InteropReport.Imported,
    notes: inout [String]
  ) throws(ShellError) {
    if let store = shell.store {
      report.backup = try InteropFiles.backUp(store.path)
    }
    shell.session = plan.after
    report.applied = true
    let counts = plan.counts
    var done = "imported: \(counts.added) added, \(counts.changed) changed"
    if counts.skipped > 0 { done += ", \(counts.skipped) left alone" }
    notes.append(done + (report.backup.map { "; the session was copied to \($0) first" } ?? ""))
    let added = plan.entries.filter { $0.action == .added }.map(\.id)
    if !added.isEmpty {
      notes.append(
        "new providers stay off until you switch them on: use \(added[0]), then enable")
    }
  }

  // MARK: - Export

  static func exportLiteLLM(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runExport(shell, invocation, .litellm, providers: try chosen(shell, invocation))
  }

  static func exportLLM(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runExport(shell, invocation, .llm, providers: try chosen(shell, invocation))
  }

  static func exportAichat(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    try runExport(shell, invocation, .aichat, providers: try chosen(shell, invocation))
  }

  static func exportCherryStudio(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let provider = try one(shell, invocation)
    guard invocation.has(Options.withKeys) else {
      throw ShellError(
        "a Cherry Studio link carries the key itself, so it needs --with-keys",
        fix: [
          "export cherry-studio \(provider.id) --with-keys (share the link only with people who may use the key)"
        ])
    }
    return try runExport(shell, invocation, .cherryStudio, providers: [provider])
  }

  static func exportEnv(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let word = invocation[Options.flavour] ?? EnvironmentFlavour.openai.rawValue
    guard let flavour = EnvironmentFlavour(rawValue: word.lowercased()) else {
      throw ShellError(
        "export env: \(ErrorMessage.quote(word)) is not an SDK cherry writes variables for",
        fix: ["write --for openai (the default) or --for anthropic"])
    }
    return try runExport(
      shell, invocation, .env, providers: [try one(shell, invocation)], flavour: flavour)
  }

  private static func runExport(
    _ shell: Shell, _ invocation: Invocation, _ format: ExportFormat, providers: [Provider],
    flavour: EnvironmentFlavour = .openai
  ) throws(ShellError) -> any CommandReport {
    let withKeys = invocation.has(Options.withKeys)
    var prepared: [Provider]
    if format == .cherryStudio {
      prepared = []
      for provider in providers {
        do {
          prepared.append(
            try ExportPreparation.resolvingKeys(provider, environment: shell.options.environment))
        } catch {
          throw ErrorMessage.keyList(error, command: invocation.name)
        }
      }
    } else if withKeys {
      prepared = providers
    } else {
      prepared = ExportPreparation.placeholders(
        providers, keyVariable: DumpWriter.keyVariable(for:index:),
        headerVariable: DumpWriter.headerVariable(for:header:))
    }
    let job = ExportJob(format: format, providers: prepared, flavour: flavour)
    let exported: ExportedText
    switch try InteropProcess.run(
      InteropRequest(.write(job)), environment: shell.options.environment)
    {
    case .exported(let result): exported = result
    case .failed(let failure): throw ShellError(failure.what, fix: failure.fix)
    case .imported: throw ShellError("cherry-interop answered an export with an import")
    }
    let holdsKeys = exported.holdsKey
    var report = InteropReport.Exported(
      format: format.rawValue, text: exported.text, variables: exported.variables, path: nil,
      holdsKeys: holdsKeys)
    var notes = exported.notes
    if !exported.variables.isEmpty {
      notes.append("it reads: " + exported.variables.joined(separator: " "))
    }
    var warnings: [String] = []
    if let output = invocation[Options.output] {
      let path = shell.resolveOutputPath(output)
      try InteropFiles.write(
        Array(exported.text.utf8), to: path, mode: holdsKeys ? 0o600 : 0o644,
        purpose: "the export")
      report.path = path
      notes.append("wrote \(path)" + (holdsKeys ? " (mode 0600: it holds keys)" : ""))
    } else if holdsKeys {
      warnings.append("this output holds API keys: keep it private")
    }
    let text = report.path == nil ? exported.text : ""
    var shown = Report(report, warnings: warnings, notes: notes) { _ in
      text.isEmpty
        ? []
        : text.split(separator: "\n", omittingEmptySubsequences: false)
          .dropLast().map(String.init)
    }
    // What the user asked for whole is written whole (as `dump --with-keys`).
    shown.revealsSecrets = holdsKeys
    return shown
  }

  /// The providers named, or those that are on and have models.
  private static func chosen(_ shell: Shell, _ invocation: Invocation) throws(ShellError)
    -> [Provider]
  {
    if !invocation.arguments.isEmpty {
      var providers: [Provider] = []
      for word in invocation.arguments {
        let provider = shell.session.providers[try shell.providerIndex(word)]
        if !providers.contains(where: { $0.id == provider.id }) { providers.append(provider) }
        if !provider.enabled { shell.warn("\(provider.id) is off; it is exported all the same") }
      }
      return providers
    }
    let providers = shell.session.providers.filter { $0.enabled && !$0.models.isEmpty }
    guard !providers.isEmpty else {
      throw ShellError(
        "nothing to export: no provider is on with models",
        fix: [
          "name the providers: \(invocation.name) <provider>…",
          "or switch one on: use <provider>, then enable",
        ])
    }
    return providers
  }

  /// The provider named, or the selected one.
  private static func one(_ shell: Shell, _ invocation: Invocation) throws(ShellError) -> Provider {
    if let word = invocation.argument(0) {
      return shell.session.providers[try shell.providerIndex(word)]
    }
    guard (try? shell.selectedIndex()) != nil else {
      throw ShellError(
        "\(invocation.name) writes one provider, and none is selected",
        fix: ["name it: \(invocation.name) <provider>, or pick one first: use <provider>"])
    }
    return try shell.selectedProvider()
  }
}

extension Shell {
  /// Where an export's `--output` goes: `~/` expanded; relative to the current
  /// folder (not to the script, unlike `source`: a new file has nothing to find).
  func resolveOutputPath(_ path: String) -> String {
    FileText.expandTilde(path, environment: options.environment)
  }
}
