import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP CONNECT proxy on 127.0.0.1 for the proxy tests: it records each
/// CONNECT target, maps made-up host names to loopback (so no name is ever resolved),
/// and pumps bytes both ways on plain threads.
final class ConnectProxy: @unchecked Sendable {
  /// The port it listens on.
  let port: Int
  private let listener: Int32
  private let hostMap: [String: String]
  private let lock = NSLock()
  private var connectTargets: [String] = []

  /// Starts listening.
  ///
  /// - Parameter hostMap: Host names to connect to another address instead.
  /// - Throws: When no port can be bound.
  init(hostMap: [String: String] = [:]) throws {
    self.hostMap = hostMap
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    listener = fd
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = ConnectProxy.loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread { [self] in
      while true {
        let client = accept(fd, nil, nil)
        if client < 0 { return }
        Thread { self.serve(client) }.start()
      }
    }.start()
  }

  /// The `host:port` of every CONNECT received, in order.
  var targets: [String] {
    lock.lock()
    defer { lock.unlock() }
    return connectTargets
  }

  /// Stops accepting connections.
  func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    return address
  }

  /// Handles one client: reads the CONNECT head, connects, then pumps.
  private func serve(_ client: Int32) {
    var head: [UInt8] = []
    var byte: UInt8 = 0
    while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
      guard read(client, &byte, 1) == 1 else {
        close(client)
        return
      }
      head.append(byte)
    }
    let line = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
    let words = line.split(separator: " ")
    guard words.count >= 2, words[0] == "CONNECT", let colon = words[1].lastIndex(of: ":"),
      let targetPort = UInt16(words[1][words[1].index(after: colon)...])
    else {
      reply(client, "HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n")
      close(client)
      return
    }
    let host = String(words[1][..<colon])
    lock.lock()
    connectTargets.append(String(words[1]))
    lock.unlock()
    let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = ConnectProxy.loopback(port: targetPort)
    address.sin_addr.s_addr = inet_addr(hostMap[host] ?? host)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      reply(client, "HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
      close(client)
      close(upstream)
      return
    }
    reply(client, "HTTP/1.1 200 Connection Established\r\n\r\n")
    Thread { ConnectProxy.pump(from: upstream, to: client) }.start()
    ConnectProxy.pump(from: client, to: upstream)
  }

  private func reply(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Copies bytes until either side closes, then closes both directions.
  private static func pump(from source: Int32, to destination: Int32) {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = read(source, &buffer, buffer.count)
      if count <= 0 { break }
      var offset = 0
      while offset < count {
        let written = buffer[offset..<count].withUnsafeBytes {
          send(destination, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
        }
        if written <= 0 { break }
        offset += written
      }
      if offset < count { break }
    }
    shutdown(source, Int32(SHUT_RDWR))
    shutdown(destination, Int32(SHUT_RDWR))
  }
}
