public import CherryKit

/// The result of `check`: every added model × every key (DESIGN §1.4,
/// notes/cherry-studio-behaviour.md §6.3).
public struct HealthReport: Equatable, Sendable {
  /// One model's results across the keys.
  public struct Row: Equatable, Sendable {
    /// The model id.
    public var model: String
    /// One result per key, in key order.
    public var results: [KeyTestResult]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - model: The model id.
    ///   - results: The per-key results, in key order.
    public init(model: String, results: [KeyTestResult]) {
      self.model = model
      self.results = results
    }

    /// Whether every key passed.
    public var passed: Bool { !results.isEmpty && results.allSatisfy(\.ok) }
    /// Whether every key failed.
    public var failedOnEveryKey: Bool { !results.contains(where: \.ok) }
    /// The lowest latency among the keys that passed, or `nil` when none did.
    public var latencyMs: Int? { results.filter(\.ok).map(\.latencyMs).min() }
    /// The distinct errors, joined with "; " (the first line of each), or `nil`.
    public var errorSummary: String? {
      var seen: [String] = []
      for result in results {
        if let summary = result.error?.summary, !seen.contains(summary) { seen.append(summary) }
      }
      return seen.isEmpty ? nil : seen.joined(separator: "; ")
    }
  }

  /// The provider's display name, for the summary.
  public var providerName: String
  /// One row per checked model, in the provider's model order.
  public var rows: [Row]
  /// Rerank models, which are not checked (as in Cherry Studio).
  public var skipped: [String]

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - providerName: The provider's name.
  ///   - rows: The rows, in model order.
  ///   - skipped: The models not checked.
  public init(providerName: String, rows: [Row], skipped: [String] = []) {
    self.providerName = providerName
    self.rows = rows
    self.skipped = skipped
  }

  /// Models that passed on every key.
  public var passedCount: Int { rows.filter(\.passed).count }
  /// Models that passed on some keys and failed on others.
  public var someKeysFailingCount: Int {
    rows.filter { !$0.passed && !$0.failedOnEveryKey }.count
  }
  /// Models that failed on every key.
  public var failingCount: Int { rows.filter(\.failedOnEveryKey).count }

  /// The summary line, as the app words it.
  public var summary: String {
    "\(providerName): \(passedCount) \(plural(passedCount)) passed,"
      + " \(someKeysFailingCount) \(plural(someKeysFailingCount)) with failing keys,"
      + " \(failingCount) \(plural(failingCount)) failing on every key"
  }

  private func plural(_ count: Int) -> String { count == 1 ? "model" : "models" }
}

extension ProviderClient {
  /// The health check (`check`): every added model except rerank ones × every key (or
  /// one key-less check, or the one key `check --key N` names), at most `concurrency`
  /// requests in flight.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - concurrency: The most tests running at once (at least 1).
  ///   - timeout: The total limit of each test, in seconds.
  ///   - keyIndex: The 0-based index of the only key to check (`check --key N` passes
  ///     N − 1; its results keep the number N), or `nil` for every key. An index past
  ///     the last key wraps around, as the rotation's does; the shell checks N first.
  ///   - onRow: Called with each model's row as soon as all its keys are done.
  /// - Returns: The report, rows in model order.
  public func check(
    _ provider: Provider, concurrency: Int, timeout: Double = RequestDefaults.testTimeout,
    keyIndex: Int? = nil, onRow: (@Sendable (HealthReport.Row) -> Void)? = nil
  ) async -> HealthReport {
    let models = provider.models.filter { !provider.kinds(of: $0).contains(.rerank) }
    let skipped = provider.models.filter { provider.kinds(of: $0).contains(.rerank) }.map(\.id)
    let keyIndices: [Int?] =
      if provider.keys.isEmpty {
        [nil]
      } else if let keyIndex {
        [keyIndex]
      } else {
        provider.keys.indices.map { $0 }
      }
    var jobs: [(model: Int, key: Int)] = []
    for model in models.indices {
      for key in keyIndices.indices { jobs.append((model, key)) }
    }
    var table = [[KeyTestResult?]](
      repeating: [KeyTestResult?](repeating: nil, count: keyIndices.count), count: models.count)
    await BoundedConcurrency.run(jobs.count, concurrency: concurrency) { [jobs] index in
      let job = jobs[index]
      return await self.test(
        provider, model: models[job.model], keyIndex: keyIndices[job.key], timeout: timeout)
    } onResult: { index, result in
      let job = jobs[index]
      table[job.model][job.key] = result
      if let onRow, table[job.model].allSatisfy({ $0 != nil }) {
        onRow(
          HealthReport.Row(model: models[job.model].id, results: table[job.model].compactMap { $0 })
        )
      }
    }
    let rows = models.indices.map {
      HealthReport.Row(model: models[$0].id, results: table[$0].compactMap { $0 })
    }
    return HealthReport(providerName: provider.name, rows: rows, skipped: skipped)
  }
}
