import Synchronization

/// How far one request got, shared between the exchange and the code that explains
/// its failure: which URL the current hop went to (after same-origin redirects), when
/// that hop started, and whether its response head arrived — a connection that closes
/// after the head closed mid-answer, not "with something that is not HTTP".
final class ExchangeProgress: Sendable {
  private struct State {
    var url: String
    var hopStart: ContinuousClock.Instant
    var headArrived = false
  }

  private let state: Mutex<State>

  /// Starts tracking a request.
  ///
  /// - Parameter url: The first URL.
  init(url: String) {
    state = Mutex(State(url: url, hopStart: .now))
  }

  /// Records the start of a hop to a URL.
  ///
  /// - Parameter url: The hop's URL.
  func begin(_ url: String) {
    state.withLock { $0 = State(url: url, hopStart: .now) }
  }

  /// Records that the current hop's response head arrived.
  func headArrived() {
    state.withLock { $0.headArrived = true }
  }

  /// The current hop's URL.
  var url: String { state.withLock { $0.url } }

  /// When the current hop started.
  var hopStart: ContinuousClock.Instant { state.withLock { $0.hopStart } }

  /// Whether the current hop's response head arrived.
  var isReadingBody: Bool { state.withLock { $0.headArrived } }
}
