import CherryKit
import CherryProviders
import Synchronization

/// `manage`, `test`, `check`, `ask`: the commands that call a provider (DESIGN §1.3–1.5).
enum NetworkCommands {
  // MARK: - manage

  static func manage(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    guard !provider.url.isEmpty || provider.modelsURL != nil else {
      throw ErrorMessage.noURL(provider.id)
    }
    // One listing takes one key (its pages share it).
    let keyIndex = try shell.takeNextKey()
    let current = try shell.selectedProvider()
    let client = shell.client()
    let notes = NoteBox()
    let result = try await shell.perform("fetching the model list of \(current.name)…") {
      () async -> Result<[ListedModel], ProviderError> in
      do throws(ProviderError) {
        return .success(
          try await client.listModels(current, keyIndex: keyIndex, onNote: notes.add))
      } catch {
        return .failure(error)
      }
    }
    // An extra list or a capability probe that failed leaves the listing, with a note.
    for note in notes.all { shell.note(note.visible) }
    let listed: [ListedModel]
    switch result {
    case .success(let models): listed = models
    case .failure(let error): throw ErrorMessage.failedRequest(error)
    }
    let full = ModelListing.make(listed, provider: current)
    let stale = full.stale(in: current)
    try shell.updateSelected { (provider) throws(ShellError) in
      provider.markStale(listedIDs: Set(full.allIDs))
    }
    shell.keepListing(full, models: listed, of: current)
    let pattern = invocation.argument(0)
    let kind = invocation[Options.kind]
    let free = invocation.has(Options.free)
    let shown = full.filtered(pattern, kind: kind, freeOnly: free)
    let filter = [pattern, kind.map { "kind " + $0.rawValue }, free ? "free" : nil]
      .compactMap { $0 }.joined(separator: ", ")
    let keyNumber = keyIndex.map { $0 + 1 }
    return Report(
      DeferredShape {
        JSONShapes.listing(shown, provider: current, key: keyNumber, stale: stale)
      }
    ) { out in
      ListingText.lines(
        shown, total: full.totalCount, provider: current, key: keyNumber, stale: stale,
        filter: filter.isEmpty ? nil : filter, output: out)
    }
  }

  // MARK: - test

  static func test(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    guard !provider.url.isEmpty else { throw ErrorMessage.noURL(provider.id) }
    if provider.needsKey && provider.keys.isEmpty { throw ErrorMessage.noKey(provider.id) }
    let timeout = invocation[Options.timeout] ?? provider.timeout ?? RequestDefaults.testTimeout
    let keyIndex = try chosenKey(invocation, provider)
    let model: ProviderModel?
    let note: String
    if let id = invocation.argument(0) {
      if let added = provider.model(id) {
        model = added
      } else {
        model = ProviderModel(id: id, group: "")
        shell.warn("\(id.visible) is not one of \(provider.id)'s models; testing it anyway")
      }
      note = "testing \(provider.id) with \(id.visible)"
    } else if let last = provider.lastAddedChatModel {
      model = last
      note = "testing \(provider.id) with \(last.id.visible) (the last added chat model)"
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
    shell.recordKeyResults(results, of: provider)
    let passed = !results.isEmpty && results.allSatisfy(\.ok)
    let failed = results.filter { !$0.ok }.count
    return Report(
      JSONShapes.test(results, provider: provider, model: model?.id, passed: passed),
      outcome: passed ? .succeeded : .failedAbove(ShellError("test failed for \(provider.id)")),
      notes: passed && !provider.enabled
        ? ["\(provider.id) is off: switch it on with 'enable' to use its models"] : []
    ) { out in
      var lines = [note + ":"] + ResultText.keyLines(results, output: out)
      lines.append(
        passed
          ? "passed"
          : "failed: \(failed) of \(results.count) \(results.count == 1 ? "check" : "checks")")
      if model == nil {
        lines.append("to test a model, add one: + <model id>  ('manage' lists them)")
      }
      return lines
    }
  }

  /// The key `--key N` picks, as an index, or `nil` for every key.
  private static func chosenKey(_ invocation: Invocation, _ provider: Provider)
    throws(ShellError) -> Int?
  {
    guard let number = invocation[Options.key] else { return nil }
    guard number <= provider.keys.count else {
      throw ErrorMessage.keyNumber(String(number), count: provider.keys.count)
    }
    return number - 1
  }

  // MARK: - check

  static func check(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    guard !provider.models.isEmpty else { throw ErrorMessage.noModelsToCheck(provider.id) }
    guard !provider.url.isEmpty else { throw ErrorMessage.noURL(provider.id) }
    if provider.needsKey && provider.keys.isEmpty { throw ErrorMessage.noKey(provider.id) }
    let timeout = invocation[Options.timeout] ?? provider.timeout ?? RequestDefaults.testTimeout
    let concurrency = invocation[Options.concurrency] ?? RequestDefaults.concurrency
    let keyIndex = try chosenKey(invocation, provider)
    let client = shell.client()
    let report = try await shell.perform(
      "checking \(provider.models.count) models of \(provider.name)…"
    ) {
      await client.check(
        provider, concurrency: concurrency, timeout: timeout, keyIndex: keyIndex)
    }
    shell.recordKeyResults(report.rows.flatMap(\.results), of: provider)
    let passed = report.failingCount == 0 && report.someKeysFailingCount == 0
    return Report(
      JSONShapes.check(report, provider: provider),
      outcome: passed ? .succeeded : .failedAbove(ShellError("check failed"))
    ) { out in
      ResultText.checkLines(report, output: out)
    }
  }

  // MARK: - ask

  static func ask(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let provider = try shell.selectedProvider()
    guard provider.enabled else { throw ErrorMessage.providerOff(provider.id) }
    guard let modelID = invocation[Options.model] ?? provider.lastAddedChatModel?.id else {
      throw ErrorMessage.noChatModel(provider.id)
    }
    let prompt = invocation.text()
    let keyIndex = try shell.takeNextKey()
    let current = try shell.selectedProvider()
    let client = shell.client()
    let streamsText = !shell.jsonOutput
    let (stream, continuation) = AsyncStream<String>.makeStream()
    var answer = ""
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
      for await piece in stream {
        stopSpinner()
        answer += piece
        if streamsText {
          shell.out.text(VisibleText.escaped(piece, layout: .text))
          shell.out.sink.flush()
        }
      }
      if streamsText, !answer.isEmpty, !answer.hasSuffix("\n") { shell.out.line("") }
    }
    if let failure { throw ErrorMessage.failedRequest(failure) }
    return Report(
      JSONShapes.Answer(
        provider: current.id, model: modelID, key: keyIndex.map { $0 + 1 }, answer: answer))
  }
}

/// Notes a request reports from its own tasks, kept until the shell prints them.
private final class NoteBox: Sendable {
  private let notes = Mutex<[String]>([])

  @Sendable func add(_ note: String) {
    notes.withLock { $0.append(note) }
  }

  var all: [String] { notes.withLock { $0 } }
}
