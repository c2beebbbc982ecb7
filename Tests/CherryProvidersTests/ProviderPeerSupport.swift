import CherryDemo
import CherryKit
import CherryProviders
import Foundation

/// Shared set-up of the provider peer tests: a demo server and a client, always
/// shut down, and small builders.
enum Peer {
  /// Runs a body with a fresh demo server, its session and a client; stops both after.
  static func withDemo<T: Sendable>(
    _ configuration: DemoConfiguration = DemoConfiguration(),
    client clientConfiguration: ClientConfiguration = ClientConfiguration(),
    _ body: (DemoServer, Session, ProviderClient) async throws -> T
  ) async throws -> T {
    let server = try await DemoServer.start(configuration: configuration)
    let client = ProviderClient(configuration: clientConfiguration)
    do {
      let result = try await body(server, DemoSession.make(port: server.port), client)
      await client.shutdown()
      try await server.stop()
      return result
    } catch {
      await client.shutdown()
      try await server.stop()
      throw error
    }
  }

  /// Runs a body with a client only; shuts it down after.
  static func withClient<T: Sendable>(
    _ configuration: ClientConfiguration = ClientConfiguration(),
    _ body: (ProviderClient) async throws -> T
  ) async throws -> T {
    let client = ProviderClient(configuration: configuration)
    do {
      let result = try await body(client)
      await client.shutdown()
      return result
    } catch {
      await client.shutdown()
      throw error
    }
  }

  /// The demo provider of a style.
  static func provider(_ style: APIStyle, in session: Session) -> Provider {
    guard let provider = session.providers.first(where: { $0.style == style }) else {
      preconditionFailure("the demo session has every style")
    }
    return provider
  }

  /// An added model.
  static func model(_ id: String) -> ProviderModel {
    ProviderModel(id: id, group: "")
  }

  /// A port on 127.0.0.1 where nothing listens: bound, read, closed.
  static func closedPort() -> Int {
    TestSockets.closedPort()
  }

  /// The most requests that were in flight at the same moment.
  static func maxOverlap(_ requests: [RecordedRequest]) -> Int {
    var events: [(ContinuousClock.Instant, Int)] = []
    for request in requests {
      guard let end = request.end else { continue }
      events.append((request.start, 1))
      events.append((end, -1))
    }
    // Ends sort before starts at the same instant: touching intervals do not overlap.
    events.sort { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
    var current = 0
    var best = 0
    for event in events {
      current += event.1
      best = max(best, current)
    }
    return best
  }
}

/// Collects streamed text from a `@Sendable` callback.
typealias TextCollector = ReceivedLog<String>

/// Collects traces from the `@Sendable` hook.
typealias TraceCollector = ReceivedLog<RequestTrace>
