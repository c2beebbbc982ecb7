import Foundation
import Glibc

/// A tiny HTTP CONNECT proxy on 127.0.0.1 for the proxy tests: it records each
/// CONNECT target and its `Proxy-Authorization`, maps made-up host names to loopback
/// (so no name is ever resolved), and pumps bytes both ways on plain threads.
final class ConnectProxy: @unchecked Sendable {
  /// The port it listens on.
  let port: Int
  private let listener: Int32
  private let hostMap: [String: String]
  private let received = ReceivedLog<(target: String, authorization: String?)>()

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
  var targets: [String] { received.all.map(\.target) }

  /// The `Proxy-Authorization` value of every CONNECT received (`nil` when absent).
  var proxyAuthorizations: [String?] { received.all.map(\.authorization) }

  /// Stops accepting connections.
  func stop() {
    TestSockets.stop(listener)
  }

  /// Handles one client: reads the CONNECT head, connects, then pumps.
  private func serve(_ client: Int32) {
    guard let head = TestSockets.readHead(client) else {
      close(client)
      return
    }
    let lines = head.split(separator: "\r\n")
    let words = lines.first?.split(separator: " ") ?? []
    guard words.count >= 2, words[0] == "CONNECT", let colon = words[1].lastIndex(of: ":"),
      let targetPort = Int(words[1][words[1].index(after: colon)...])
    else {
      reply(client, "405 Method Not Allowed")
      close(client)
      return
    }
    let host = String(words[1][..<colon])
    let authorization = lines.first { $0.lowercased().hasPrefix("proxy-authorization:") }
      .map {
        String($0.dropFirst("proxy-authorization:".count)).trimmingCharacters(in: .whitespaces)
      }
    received.append((String(words[1]), authorization))
    guard let upstream = TestSockets.connect(host: hostMap[host] ?? host, port: targetPort) else {
      reply(client, "502 Bad Gateway")
      close(client)
      return
    }
    TestSockets.writeAll(client, Array("HTTP/1.1 200 Connection Established\r\n\r\n".utf8))
    TestSockets.relay(client, upstream)
  }

  private func reply(_ client: Int32, _ status: String) {
    TestSockets.writeAll(client, Array("HTTP/1.1 \(status)\r\ncontent-length: 0\r\n\r\n".utf8))
  }
}
