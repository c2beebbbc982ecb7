import CherryKit
import CherryProviders

/// `manage`, `test`, `check`, `ask`: the commands that call a provider (DESIGN §1.3–1.5).
enum NetworkCommands {
  // MARK: - manage

  static func manage(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(1)
    let provider = try shell.selectedProvider()
    guard !provider.url.isEmpty || provider.modelsURL != nil else {
      throw ErrorMessage.noURL(provider.id)
    }
    // One listing takes one key (its pages share it), and the cursor is saved.
    let keyIndex = try shell.updateSelected { (provider) throws(ShellError) in
      provider.advanceRotation()
    }
    let current = try shell.selectedProvider()
    let client = shell.client()
    let result = try await shell.perform("fetching the model list of \(current.name)…") {
      () async -> Result<[ListedModel], ProviderError> in
      do throws(ProviderError) {
        return .success(try await client.listModels(current, keyIndex: keyIndex))
      } catch {
        return .failure(error)
      }
    }
    let listed: [ListedModel]
    switch result {
    case .success(let models): listed = models
    case .failure(let error):
      var shellError = ErrorMessage.failedRequest(error)
      shellError.keepsChanges = true  // the key was used: the rotation moves on
      throw shellError
    }
    let full = ModelListing.make(listed, provider: current)
    let stale = full.stale(in: current)
    try shell.updateSelected { (provider) throws(ShellError) in
      provider.markStale(listedIDs: Set(full.allIDs))
    }
    shell.listing = KeptListing(providerID: current.id, listing: full)
    let shown = full.filtered(invocation.positionals.first)
    let keyNumber = keyIndex.map { $0 + 1 }
    if shell.options.json {
      shell.out.line(JSONOutput.listing(shown, provider: current, key: keyNumber, stale: stale))
      return
    }
    for line in ListingText.lines(
      shown, total: full.totalCount, provider: current, key: keyNumber, stale: stale,
      output: shell.out)
    {
      shell.out.line(line)
    }
  }

  // MARK: - test

  static func test(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(1)
    let provider = try shell.selectedProvider()
    guard !provider.url.isEmpty else { throw ErrorMessage.noURL(provider.id) }
    if provider.needsKey && provider.keys.isEmpty { throw ErrorMessage.noKey(provider.id) }
    let timeout = try seconds(invocation, "--timeout") ?? provider.timeout ?? 15
    var chosenKey: Int?
    if let value = invocation.options["--key"] {
      guard let number = Int(value), number >= 1, number <= provider.keys.count else {
        throw ErrorMessage.keyNumber(value, count: provider.keys.count)
      }
      chosenKey = number - 1
    }
    let keyIndex = chosenKey
    let model: ProviderModel?
    let note: String
    if let id = invocation.positionals.first {
      if let added = provider.model(id) {
        model = added
      } else {
        model = ProviderModel(id: id, group: "")
        shell.warn("\(id) is not one of \(provider.id)'s models; testing it anyway")
      }
      note = "testing \(provider.id) with \(id)"
    } else if let last = provider.lastAddedChatModel {
      model = last
      note = "testing \(provider.id) with \(last.id) (the last added chat model)"
    } else {
      model = nil
      note =
        "\(provider.id) has no chat model: checking each key against the model list (a key check, not a model check)"
    }
    let client = shell.client()
    let results = try await shell.perform("testing \(provider.name)…") {
      () async -> [KeyTestResult] in
      if let keyIndex {
        return [await client.test(provider, model: model, keyIndex: keyIndex, timeout: timeout)]
      }
      return await client.testAllKeys(provider, model: model, timeout: timeout)
    }
    let passed = !results.isEmpty && results.allSatisfy(\.ok)
    if shell.options.json {
      shell.out.line(JSONOutput.test(results, provider: provider, model: model?.id, passed: passed))
    } else {
      shell.out.line(note + ":")
      for line in ResultText.keyLines(results, output: shell.out) { shell.out.line(line) }
      let failed = results.filter { !$0.ok }.count
      shell.out.line(
        passed
          ? "passed"
          : "failed: \(failed) of \(results.count) \(results.count == 1 ? "check" : "checks")")
      if model == nil {
        shell.out.line("to test a model, add one: + <model id>  ('manage' lists them)")
      }
    }
    if passed && !provider.enabled {
      shell.out.line("\(provider.id) is off: switch it on with 'enable' to use its models")
    }
    guard passed else {
      var error = ShellError("test failed for \(provider.id)")
      error.summarizedAbove = true
      throw error
    }
  }

  // MARK: - check

  static func check(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    let provider = try shell.selectedProvider()
    guard !provider.models.isEmpty else { throw ErrorMessage.noModelsToCheck(provider.id) }
    guard !provider.url.isEmpty else { throw ErrorMessage.noURL(provider.id) }
    if provider.needsKey && provider.keys.isEmpty { throw ErrorMessage.noKey(provider.id) }
    let timeout = try seconds(invocation, "--timeout") ?? provider.timeout ?? 15
    var chosenConcurrency = 8
    if let value = invocation.options["--concurrency"] {
      guard let number = Int(value), number >= 1, number <= 256 else {
        throw ErrorMessage.badValue(
          invocation.spec, "concurrency", value, expected: "a number from 1 to 256")
      }
      chosenConcurrency = number
    }
    let concurrency = chosenConcurrency
    let client = shell.client()
    let report = try await shell.perform(
      "checking \(provider.models.count) models of \(provider.name)…"
    ) {
      await client.check(provider, concurrency: concurrency, timeout: timeout)
    }
    if shell.options.json {
      shell.out.line(JSONOutput.check(report, provider: provider))
    } else {
      for line in ResultText.checkLines(report, output: shell.out) { shell.out.line(line) }
    }
    guard report.failingCount == 0 && report.someKeysFailingCount == 0 else {
      var error = ShellError("check failed")
      error.summarizedAbove = true
      throw error
    }
  }

  // MARK: - ask

  static func ask(_ shell: Shell, _ invocation: Invocation) async throws {
    let provider = try shell.selectedProvider()
    guard !invocation.positionals.isEmpty else {
      throw ErrorMessage.missingArgument(invocation.spec, "the prompt")
    }
    guard provider.enabled else { throw ErrorMessage.providerOff(provider.id) }
    guard let modelID = invocation.options["--model"] ?? provider.lastAddedChatModel?.id else {
      throw ErrorMessage.noChatModel(provider.id)
    }
    let prompt = invocation.positionals.joined(separator: " ")
    let keyIndex = try shell.updateSelected { (provider) throws(ShellError) in
      provider.advanceRotation()
    }
    let current = try shell.selectedProvider()
    let client = shell.client()
    let (stream, continuation) = AsyncStream<String>.makeStream()
    let failure = try await shell.perform("asking \(modelID)…") {
      () async -> ProviderError? in
      defer { continuation.finish() }
      do throws(ProviderError) {
        try await client.ask(current, model: modelID, keyIndex: keyIndex, prompt: prompt) {
          continuation.yield($0)
        }
        return nil
      } catch {
        return error
      }
    } streaming: { stopSpinner in
      var wroteAny = false
      var endsWithNewline = true
      for await piece in stream {
        stopSpinner()
        shell.out.text(piece)
        shell.out.sink.flush()
        wroteAny = true
        endsWithNewline = piece.hasSuffix("\n")
      }
      if wroteAny && !endsWithNewline { shell.out.line("") }
    }
    if let failure {
      var error = ErrorMessage.failedRequest(failure)
      error.keepsChanges = true
      throw error
    }
  }

  /// A `--timeout`-style option in seconds, or `nil` when absent.
  private static func seconds(_ invocation: Invocation, _ name: String) throws(ShellError)
    -> Double?
  {
    guard let value = invocation.options[name] else { return nil }
    guard let seconds = Seconds.parse(value) else {
      throw ErrorMessage.badValue(
        invocation.spec, "timeout", value, expected: "a number of seconds greater than 0")
    }
    return seconds
  }
}
