import Foundation
import Glibc

/// A tiny HTTP/1.1 server on a loopback address (127.0.0.1, 127.0.0.2, …) for the tests that need
/// answers the demo server does not give: redirects, plain JSON replies to a stream request, huge
/// lists, bodies cut short.
///
/// One request per connection, answered by the test's handler on a plain thread; every request is
/// recorded.
final class LoopbackHTTPServer: @unchecked Sendable {
  /// One request as received.
  struct Request: Sendable {
    /// The method.
    var method: String
    /// The path and query.
    var target: String
    /// The headers, names lower-cased.
    var headers: [String: String]
    /// The body.
    var body: [UInt8]
  }

  /// What to send back.
  enum Response: Sendable {
    /// A status, headers and a body (with its `content-length`).
    case reply(status: Int, headers: [(String, String)], body: [UInt8])
    /// Bytes written as they are, then the connection is closed.
    case raw([UInt8])

    /// A JSON reply.
    static func json(_ text: String, status: Int = 200) -> Response {
      .reply(
        status: status, headers: [("content-type", "application/json")], body: Array(text.utf8))
    }

    /// A redirect.
    static func redirect(_ status: Int, to location: String) -> Response {
      .reply(status: status, headers: [("location", location)], body: Array("moved".utf8))
    }
  }

  /// The address it listens on.
  let host: String
  /// The port it listens on.
  let port: Int
  private let listener: Int32
  private let handler: @Sendable (Request) -> Response
  private let received = ReceivedLog<Request>()

  /// Starts listening.
  ///
  /// - Parameters:
  ///   - host: A loopback IPv4 address.
  ///   - port: The port, or 0 for any free one.
  ///   - handler: Answers each request.
  /// - Throws: When the address cannot be bound.
  init(
    host: String = "127.0.0.1", port: Int = 0, handler: @escaping @Sendable (Request) -> Response
  ) throws {
    self.host = host
    self.handler = handler
    (listener, self.port) = try TestSockets.listen(host: host, port: port)
    TestSockets.acceptLoop(listener) { [self] client in serve(client) }
  }

  /// `http://host:port`.
  var url: String { "http://\(host):\(port)" }

  /// Every request received so far, in order.
  var requests: [Request] { received.all }

  /// Stops accepting connections.
  func stop() {
    TestSockets.stop(listener)
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    guard let request = Self.read(client) else { return }
    received.append(request)
    switch handler(request) {
    case .raw(let bytes):
      TestSockets.writeAll(client, bytes)
    case .reply(let status, let headers, let body):
      var head = "HTTP/1.1 \(status) Status\r\ncontent-length: \(body.count)\r\n"
      head += "connection: close\r\n"
      for (name, value) in headers { head += "\(name): \(value)\r\n" }
      TestSockets.writeAll(client, Array((head + "\r\n").utf8) + body)
    }
    shutdown(client, Int32(SHUT_WR))
    // Let the client read everything before the socket closes under it.
    var byte: UInt8 = 0
    while Glibc.read(client, &byte, 1) > 0 {}
  }

  /// Reads one request: the head, then `content-length` bytes of body.
  private static func read(_ fd: Int32) -> Request? {
    guard let head = TestSockets.readHead(fd) else { return nil }
    let lines = head.split(separator: "\r\n")
    let words = lines.first?.split(separator: " ") ?? []
    guard words.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let length = Int(headers["content-length"] ?? "0") ?? 0
    let body = length > 0 ? TestSockets.read(fd, count: length) ?? [] : []
    return Request(
      method: String(words[0]), target: String(words[1]), headers: headers, body: body)
  }
}
