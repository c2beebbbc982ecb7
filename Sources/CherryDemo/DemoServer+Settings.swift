extension DemoServer {
  /// Sets the delay before each answer and between the chunks of a stream.
  ///
  /// - Parameter milliseconds: The delay; 0 for none.
  public func setLatency(milliseconds: Int) {
    state.withLock { $0.latencyMilliseconds = max(0, milliseconds) }
  }

  /// Replaces the served model list.
  ///
  /// - Parameter ids: The model ids, in list order.
  public func setModels(_ ids: [String]) {
    state.withLock { $0.setModels(ids) }
  }

  /// Replaces the accepted keys.
  ///
  /// - Parameter keys: The keys every style accepts.
  public func setKeys(_ keys: [String]) {
    state.withLock { $0.keys = keys }
  }

  /// Puts the server back as it started (`demo reset`): the configuration's keys,
  /// models, latency, fault rules and hostile rules; every fault set since is gone.
  ///
  /// The recorded requests are kept (tests read them across a reset) and open
  /// connections are not touched.
  public func reset() {
    state.withLock { $0.reset(to: configuration) }
  }

  /// The requests received so far, in arrival order (control routes excluded).
  ///
  /// - Returns: The recorded requests; one still running has no ``RecordedRequest/end``.
  public func recordedRequests() -> [RecordedRequest] {
    state.withLock { $0.records }
  }

  /// Forgets the recorded requests.
  public func clearRecordedRequests() {
    state.withLock { $0.records.removeAll() }
  }
}
