import Foundation
import Glibc

/// A tiny SOCKS5 proxy on 127.0.0.1 without authentication (RFC 1928, CONNECT only):
/// it records each target, as the client sent it (a name or an IPv4 address), maps
/// made-up names to loopback (so no name is ever resolved), and pumps bytes both ways.
final class SOCKS5Proxy: @unchecked Sendable {
  /// The port it listens on.
  let port: Int
  private let listener: Int32
  private let hostMap: [String: String]
  private let received = ReceivedLog<String>()

  /// Starts listening.
  ///
  /// - Parameter hostMap: Host names to connect to another address instead.
  /// - Throws: When no port can be bound.
  init(hostMap: [String: String] = [:]) throws {
    self.hostMap = hostMap
    (listener, port) = try TestSockets.listen()
    TestSockets.acceptLoop(listener) { [self] client in serve(client) }
  }

  /// The `host:port` of every CONNECT received, in order.
  var targets: [String] { received.all }

  /// Stops accepting connections.
  func stop() {
    TestSockets.stop(listener)
  }

  private func serve(_ client: Int32) {
    guard let target = handshake(client),
      let upstream = TestSockets.connect(
        host: hostMap[target.host] ?? target.host, port: target.port)
    else {
      // General failure.
      TestSockets.writeAll(client, [5, 1, 0, 1, 0, 0, 0, 0, 0, 0])
      close(client)
      return
    }
    TestSockets.writeAll(client, [5, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    TestSockets.relay(client, upstream)
  }

  /// The greeting (only "no authentication" is accepted) and the CONNECT request.
  private func handshake(_ client: Int32) -> (host: String, port: Int)? {
    guard let greeting = TestSockets.read(client, count: 2), greeting[0] == 5,
      let methods = TestSockets.read(client, count: Int(greeting[1]))
    else { return nil }
    guard methods.contains(0) else {
      TestSockets.writeAll(client, [5, 0xFF])
      return nil
    }
    TestSockets.writeAll(client, [5, 0])
    guard let request = TestSockets.read(client, count: 4), request[0] == 5, request[1] == 1
    else { return nil }
    let host: String
    switch request[3] {
    case 1:
      guard let address = TestSockets.read(client, count: 4) else { return nil }
      host = address.map(String.init).joined(separator: ".")
    case 3:
      guard let length = TestSockets.read(client, count: 1),
        let name = TestSockets.read(client, count: Int(length[0]))
      else { return nil }
      host = String(decoding: name, as: UTF8.self)
    default:
      return nil
    }
    guard let portBytes = TestSockets.read(client, count: 2) else { return nil }
    let port = Int(portBytes[0]) << 8 | Int(portBytes[1])
    received.append("\(host):\(port)")
    return (host, port)
  }
}
