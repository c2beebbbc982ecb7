import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The demo provider server (issue 4): a real HTTP/1.1 server on 127.0.0.1 that
/// speaks all six API styles, checks keys, serves a model list, and can add
/// latency and faults (per demo provider too, for `demo fault`) and behave as a
/// hostile provider for tests; it records every request for tests.
///
/// ```swift
/// let server = try await DemoServer.start()
/// let session = DemoSession.make(port: server.port)
/// // … drive a client against it …
/// try await server.stop()
/// ```
public final class DemoServer: Sendable {
  /// The connection type: HTTP/1.1 parts in, response parts out.
  typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

  /// The address the server listens on (`127.0.0.1` unless configured otherwise).
  public let host: String
  /// The port the server listens on.
  public let port: Int
  /// What the server started with; ``reset()`` comes back to it.
  let configuration: DemoConfiguration
  /// When the server started; `GET /_demo/requests` gives times relative to it.
  let started: ContinuousClock.Instant
  /// Everything that changes while the server runs.
  let state: Mutex<DemoState>
  /// The listening channel.
  private let listener: NIOAsyncChannel<Connection, Never>
  /// The task that accepts connections; it ends when the server stops.
  private let acceptor: Mutex<Task<Void, Never>?>

  /// The root URL of the server, `http://127.0.0.1:<port>`.
  public var url: String { "http://\(host):\(port)" }

  /// Starts a server on a loopback address (127.0.0.1 by default) and returns
  /// once it accepts connections.
  ///
  /// - Parameter configuration: The address, keys, models, latency and faults.
  /// - Returns: The running server.
  /// - Throws: ``DemoServerError/notLoopback(_:)`` for an address outside
  ///   127.0.0.0/8, or the system's error when the port cannot be bound.
  public static func start(configuration: DemoConfiguration = DemoConfiguration()) async throws
    -> DemoServer
  {
    guard isLoopback(configuration.host) else {
      throw DemoServerError.notLoopback(configuration.host)
    }
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .serverChannelOption(.backlog, value: 512)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .bind(host: configuration.host, port: configuration.port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          return try Connection(wrappingChannelSynchronously: channel)
        }
      }
    let server = DemoServer(listener: listener, configuration: configuration)
    server.acceptConnections()
    return server
  }

  /// Wraps a bound listener.
  private init(listener: NIOAsyncChannel<Connection, Never>, configuration: DemoConfiguration) {
    self.listener = listener
    self.host = configuration.host
    self.configuration = configuration
    self.port = listener.channel.localAddress?.port ?? configuration.port
    self.started = .now
    self.state = Mutex(DemoState(configuration))
    self.acceptor = Mutex(nil)
  }

  /// Whether an address is a dotted IPv4 address in 127.0.0.0/8.
  private static func isLoopback(_ host: String) -> Bool {
    let parts = host.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == "127" else { return false }
    return parts.allSatisfy { part in
      part.allSatisfy { $0.isASCII && $0.isNumber } && UInt8(part) != nil
    }
  }

  /// Stops accepting, closes every open connection (stalled ones too) and waits
  /// until all of them are done.
  ///
  /// - Throws: Never in practice; kept so a future listener error can surface.
  public func stop() async throws {
    let open = state.withLock { state in
      state.isStopping = true
      return Array(state.connections.values)
    }
    listener.channel.close(promise: nil)
    for channel in open { channel.close(promise: nil) }
    let task = acceptor.withLock { $0 }
    task?.cancel()
    await task?.value
  }

  /// Waits until the server has stopped (for the standalone executable, for ever).
  public func waitUntilStopped() async {
    let task = acceptor.withLock { $0 }
    await task?.value
  }

  // MARK: - Connections

  /// Starts the task that accepts connections and serves each in a child task.
  private func acceptConnections() {
    let task = Task { [self] in
      do {
        try await listener.executeThenClose { inbound in
          try await withThrowingDiscardingTaskGroup { group in
            for try await connection in inbound {
              group.addTask { await self.serve(connection) }
            }
          }
        }
      } catch {
        // Closing the listener in stop() ends the loop; nothing to report.
      }
    }
    acceptor.withLock { $0 = task }
  }

  /// Serves the requests of one connection, keep-alive, until it closes.
  private func serve(_ connection: Connection) async {
    let channel = connection.channel
    let id = ObjectIdentifier(channel)
    let accepted = state.withLock { state in
      if state.isStopping { return false }
      state.connections[id] = channel
      return true
    }
    defer { _ = state.withLock { $0.connections.removeValue(forKey: id) } }
    guard accepted else {
      channel.close(promise: nil)
      return
    }
    do {
      try await connection.executeThenClose { inbound, _ in
        var parts = inbound.makeAsyncIterator()
        var head: HTTPRequestHead?
        var body: [UInt8] = []
        while let part = try await parts.next() {
          switch part {
          case .head(let received):
            head = received
            body = []
          case .body(let buffer):
            // Bodies beyond 16 MiB are not needed by any route; keep memory bounded.
            if body.count < 16 << 20 { body.append(contentsOf: buffer.readableBytesView) }
          case .end:
            guard let received = head else { continue }
            head = nil
            let outcome = try await handle(received, body: body, on: channel)
            switch outcome {
            case .keepAlive: continue
            case .close: return
            case .stalled(let recordID):
              // Hold the connection open without finishing the body until the
              // client gives up (or stop() closes it).
              defer { state.withLock { $0.finish(recordID, at: .now) } }
              while try await parts.next() != nil {}
              return
            }
          }
        }
      }
    } catch {
      // A client that goes away mid-answer is normal here (early close, timeouts).
    }
  }
}
