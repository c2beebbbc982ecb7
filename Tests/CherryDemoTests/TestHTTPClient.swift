import Foundation
import Glibc

/// A response read by ``TestHTTPClient``.
struct TestResponse: Sendable {
  /// The status code.
  var status: Int
  /// The headers, names lower-cased.
  var headers: [String: String]
  /// The body as text (empty when only counted).
  var body: String
  /// The number of body bytes received.
  var byteCount: Int

  /// The body parsed as JSON.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed])
  }

  /// The body parsed as a JSON object.
  func object() throws -> [String: Any] {
    guard let object = try json() as? [String: Any] else { throw TestHTTPError.notAnObject(body) }
    return object
  }

  /// The `data:` payloads of an SSE body, parsed as JSON objects (`[DONE]` skipped).
  func sseObjects() throws -> [[String: Any]] {
    // Gemini ends its events with CRLF; a Swift String sees "\r\n" as one character.
    let lines = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    return try lines.compactMap { line -> [String: Any]? in
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard trimmed.hasPrefix("data: ") else { return nil }
      let payload = String(trimmed.dropFirst(6))
      if payload == "[DONE]" { return nil }
      guard
        let object = try JSONSerialization.jsonObject(with: Data(payload.utf8))
          as? [String: Any]
      else { throw TestHTTPError.notAnObject(payload) }
      return object
    }
  }

  /// The SSE `event:` names, in order.
  var sseEventNames: [String] {
    body.components(separatedBy: "\n").filter { $0.hasPrefix("event: ") }.map {
      String($0.dropFirst(7))
    }
  }
}

/// How a raw request ended without a complete response.
enum TestHTTPError: Error, Equatable {
  /// The server closed the connection before a complete response.
  case closed(statusSeen: Int?)
  /// Nothing more arrived before the deadline.
  case timedOut(statusSeen: Int?)
  /// The socket could not connect.
  case connectFailed(Int32)
  /// A body that should have been a JSON object was not.
  case notAnObject(String)
}

/// A tiny blocking HTTP/1.1 client over a POSIX socket.
///
/// It runs on its own thread so it never blocks the concurrency pool the
/// server's handlers run on. It gives tests what URLSession hides: stalled
/// bodies, dropped connections, keep-alive.
final class TestHTTPClient: @unchecked Sendable {
  private let fd: Int32
  private var buffer: [UInt8] = []

  /// Connects to a loopback host (127.0.0.1 unless told otherwise) on a port.
  init(port: Int, host: String = "127.0.0.1") throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr(host)
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    if result != 0 {
      // No close here: a class whose stored properties are all set runs its
      // deinit when its init throws, and closing twice could close a descriptor
      // number that the server under test has reused in the meantime.
      throw TestHTTPError.connectFailed(errno)
    }
  }

  deinit { close(fd) }

  /// The local port of this connection.
  var localPort: Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Whether nothing listens on 127.0.0.1:`port` any more.
  ///
  /// A connection to a closed port on loopback can still succeed when the kernel
  /// happens to pick that very port as the connection's own local port (TCP's
  /// simultaneous open connects the socket to itself); that counts as refused.
  static func refuses(port: Int) -> Bool {
    guard let client = try? TestHTTPClient(port: port) else { return true }
    return client.localPort == port
  }

  /// Sends one request and reads its response on this connection (blocking).
  func exchange(
    _ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil,
    timeout: Double = 10, countOnly: Bool = false
  ) throws -> TestResponse {
    var head = "\(method) \(target) HTTP/1.1\r\nhost: 127.0.0.1\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if let body {
      head += "content-type: application/json\r\ncontent-length: \(body.utf8.count)\r\n"
    }
    let bytes = Array((head + "\r\n" + (body ?? "")).utf8)
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { throw TestHTTPError.closed(statusSeen: nil) }
      sent += count
    }
    return try readResponse(deadline: Date().addingTimeInterval(timeout), countOnly: countOnly)
  }

  /// Runs a whole request on a new connection, on a thread of its own.
  static func request(
    port: Int, host: String = "127.0.0.1", _ method: String, _ target: String,
    headers: [String: String] = [:], body: String? = nil, timeout: Double = 10,
    countOnly: Bool = false
  ) async throws -> TestResponse {
    try await onThread {
      let client = try TestHTTPClient(port: port, host: host)
      return try client.exchange(
        method, target, headers: headers, body: body, timeout: timeout, countOnly: countOnly)
    }
  }

  /// Runs blocking work on a new thread and awaits its result.
  static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try work() }) }
      thread.stackSize = 1 << 20
      thread.start()
    }
  }

  // MARK: - Reading

  private func readResponse(deadline: Date, countOnly: Bool) throws -> TestResponse {
    let statusLine = try line(deadline: deadline, status: nil)
    let parts = statusLine.split(separator: " ")
    guard parts.count >= 2, let status = Int(parts[1]) else {
      throw TestHTTPError.closed(statusSeen: nil)
    }
    var headers: [String: String] = [:]
    while true {
      let header = try line(deadline: deadline, status: status)
      if header.isEmpty { break }
      guard let colon = header.firstIndex(of: ":") else { continue }
      let name = header[..<colon].lowercased()
      headers[name] = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body: [UInt8] = []
    var count = 0
    func take(_ bytes: ArraySlice<UInt8>) {
      count += bytes.count
      if !countOnly { body.append(contentsOf: bytes) }
    }
    if let length = headers["content-length"].flatMap(Int.init) {
      take(try exactly(length, deadline: deadline, status: status))
    } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
      while true {
        let sizeLine = try line(deadline: deadline, status: status)
        let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) ?? 0
        if size == 0 {
          _ = try line(deadline: deadline, status: status)
          break
        }
        var left = size
        while left > 0 {
          let piece = try exactly(min(left, 1 << 20), deadline: deadline, status: status)
          take(piece)
          left -= piece.count
        }
        _ = try line(deadline: deadline, status: status)
      }
    } else {
      while try fill(deadline: deadline, status: status) {}
      take(buffer[...])
      buffer.removeAll()
    }
    return TestResponse(
      status: status, headers: headers, body: String(decoding: body, as: UTF8.self),
      byteCount: count)
  }

  /// Reads more bytes; `false` at end of stream.
  private func fill(deadline: Date, status: Int?) throws -> Bool {
    let left = deadline.timeIntervalSinceNow
    guard left > 0 else { throw TestHTTPError.timedOut(statusSeen: status) }
    var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(left * 1000) + 1)
    guard ready > 0 else { throw TestHTTPError.timedOut(statusSeen: status) }
    var chunk = [UInt8](repeating: 0, count: 256 << 10)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer.append(contentsOf: chunk[0..<count])
    return true
  }

  /// The next CRLF-terminated line, without the CRLF.
  private func line(deadline: Date, status: Int?) throws -> String {
    var searched = 0
    while true {
      if buffer.count >= 2 {
        for index in max(0, searched - 1)..<(buffer.count - 1)
        where buffer[index] == 13 && buffer[index + 1] == 10 {
          let text = String(decoding: buffer[0..<index], as: UTF8.self)
          buffer.removeFirst(index + 2)
          return text
        }
        searched = buffer.count
      }
      guard try fill(deadline: deadline, status: status) else {
        throw TestHTTPError.closed(statusSeen: status)
      }
    }
  }

  /// Exactly `count` bytes.
  private func exactly(_ count: Int, deadline: Date, status: Int?) throws -> ArraySlice<UInt8> {
    while buffer.count < count {
      guard try fill(deadline: deadline, status: status) else {
        throw TestHTTPError.closed(statusSeen: status)
      }
    }
    let bytes = buffer[0..<count]
    buffer.removeFirst(count)
    return bytes
  }
}
