import CherryKit
import NIOCore

/// The server's mutable state, kept under one lock: what it serves, the faults
/// still to fire, the requests it recorded and the connections it has open.
struct DemoState {
  /// The accepted keys.
  var keys: [String]
  /// The served model ids, in order.
  private(set) var models: [String]
  /// The same ids, for lookups.
  private(set) var modelSet: Set<String>
  /// Whether Ollama routes check the key.
  var ollamaNeedsKey: Bool
  /// The delay before answering and between stream chunks.
  var latencyMilliseconds: Int
  /// The fault rules; the first that matches fires.
  var faults: [DemoFaultRule]
  /// The hostile rules; the first that matches applies.
  var hostileRules: [DemoHostileRule]
  /// The number of text chunks in a stream.
  var streamChunks: Int
  /// The requests received, in arrival order.
  var records: [RecordedRequest] = []
  /// The id of the next recorded request.
  var nextID = 1
  /// The open connections, closed by `stop()`.
  var connections: [ObjectIdentifier: any Channel] = [:]
  /// Set by `stop()`: connections accepted afterwards are closed at once.
  var isStopping = false

  /// The state a configuration starts with.
  init(_ configuration: DemoConfiguration) {
    keys = configuration.keys
    models = configuration.models
    modelSet = Set(configuration.models)
    ollamaNeedsKey = configuration.ollamaNeedsKey
    latencyMilliseconds = max(0, configuration.latencyMilliseconds)
    faults = configuration.faults
    hostileRules = configuration.hostileRules
    streamChunks = max(1, configuration.streamChunks)
  }

  /// Puts back what the configuration started with, keeping the records and
  /// the open connections.
  mutating func reset(to configuration: DemoConfiguration) {
    var fresh = DemoState(configuration)
    fresh.records = records
    fresh.nextID = nextID
    fresh.connections = connections
    fresh.isStopping = isStopping
    self = fresh
  }

  /// The values one request needs, copied out of the lock (without the records,
  /// so that appending a record never copies the whole array).
  var settings: DemoSettings {
    DemoSettings(
      keys: keys, models: models, modelSet: modelSet, ollamaNeedsKey: ollamaNeedsKey,
      latencyMilliseconds: latencyMilliseconds, streamChunks: streamChunks)
  }

  /// Replaces the served models.
  mutating func setModels(_ ids: [String]) {
    models = ids
    modelSet = Set(ids)
  }

  /// The first fault rule matching a request, counted down if it has a limit.
  mutating func takeFault(_ facts: DemoRequestFacts) -> DemoFault? {
    guard let index = faults.firstIndex(where: { $0.matches(facts) }) else { return nil }
    if let remaining = faults[index].remaining { faults[index].remaining = remaining - 1 }
    return faults[index].fault
  }

  /// The first hostile rule matching a request.
  func hostileRule(_ facts: DemoRequestFacts) -> DemoHostileRule? {
    hostileRules.first { $0.matches(facts) }
  }

  /// Records a request as it arrives and returns its id.
  mutating func begin(
    _ request: DemoRequest, style: APIStyle?, model: String?, key: String?,
    at start: ContinuousClock.Instant
  ) -> Int {
    let id = nextID
    nextID += 1
    records.append(
      RecordedRequest(
        id: id, method: request.method, target: request.target, style: style, model: model,
        key: key, keyNumber: key.flatMap { keys.firstIndex(of: $0) }.map { $0 + 1 },
        headers: request.headers, body: request.bodyText, status: nil, start: start, end: nil))
    return id
  }

  /// Sets the status of a recorded request, once its answer is decided.
  mutating func setStatus(_ id: Int, _ status: Int?) {
    guard let index = index(of: id) else { return }
    records[index].status = status
  }

  /// Marks a recorded request as ended: answered, or the client went away.
  mutating func finish(_ id: Int, at end: ContinuousClock.Instant) {
    guard let index = index(of: id) else { return }
    records[index].end = end
  }

  /// The index of a recorded request; they end roughly in arrival order, so
  /// search from the back.
  private func index(of id: Int) -> Int? {
    records.lastIndex { $0.id == id }
  }
}

/// The settings of the server at the moment a request arrived.
struct DemoSettings: Sendable {
  /// The accepted keys.
  var keys: [String]
  /// The served model ids, in order.
  var models: [String]
  /// The same ids, for lookups.
  var modelSet: Set<String>
  /// Whether Ollama routes check the key.
  var ollamaNeedsKey: Bool
  /// The delay before answering and between stream chunks.
  var latencyMilliseconds: Int
  /// The number of text chunks in a stream.
  var streamChunks: Int
}
