import Foundation
import Glibc

/// The blocking-socket plumbing of the test servers and proxies (all on loopback,
/// IPv4): listen, accept on threads, connect, write everything, pump both ways.
enum TestSockets {
  /// Listens on a loopback address.
  ///
  /// - Parameters:
  ///   - host: A loopback IPv4 address.
  ///   - port: The port, or 0 for any free one.
  /// - Returns: The listening socket and its port.
  /// - Throws: When the address cannot be bound.
  static func listen(host: String = "127.0.0.1", port: Int = 0) throws -> (fd: Int32, port: Int) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = self.address(host, port)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, Glibc.listen(fd, 64) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, Int(UInt16(bigEndian: address.sin_port)))
  }

  /// Accepts connections on a listening socket until it is closed, serving each on a
  /// thread of its own.
  ///
  /// - Parameters:
  ///   - listener: The listening socket.
  ///   - serve: Handles one connection (it owns the socket).
  static func acceptLoop(_ listener: Int32, _ serve: @escaping @Sendable (Int32) -> Void) {
    Thread {
      while true {
        let client = accept(listener, nil, nil)
        if client < 0 { return }
        Thread { serve(client) }.start()
      }
    }.start()
  }

  /// Stops a listening socket.
  static func stop(_ listener: Int32) {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  /// Connects to a loopback address.
  ///
  /// - Returns: The socket, or `nil` when nothing accepts.
  static func connect(host: String, port: Int) -> Int32? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = self.address(host, port)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(fd)
      return nil
    }
    return fd
  }

  /// Writes every byte, or stops at the first failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if written <= 0 { return }
      offset += written
    }
  }

  /// Reads exactly `count` bytes, or `nil` when the peer closes first.
  static func read(_ fd: Int32, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var offset = 0
    while offset < count {
      let got = bytes[offset...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if got <= 0 { return nil }
      offset += got
    }
    return bytes
  }

  /// Reads up to the blank line that ends an HTTP head.
  static func readHead(_ fd: Int32) -> String? {
    var head: [UInt8] = []
    var byte: UInt8 = 0
    while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
      guard Glibc.read(fd, &byte, 1) == 1 else { return nil }
      head.append(byte)
    }
    return String(decoding: head, as: UTF8.self)
  }

  /// Pumps bytes both ways between two sockets until either side closes, then closes
  /// both.
  static func relay(_ first: Int32, _ second: Int32) {
    let done = DispatchSemaphore(value: 0)
    Thread {
      pump(from: second, to: first)
      done.signal()
    }.start()
    pump(from: first, to: second)
    done.wait()
    close(first)
    close(second)
  }

  /// A port on 127.0.0.1 where nothing listens: bound, read, closed.
  static func closedPort() -> Int {
    guard let (fd, port) = try? listen() else { return 9 }
    close(fd)
    return port
  }

  /// Copies bytes until either side closes, then shuts both down.
  private static func pump(from source: Int32, to destination: Int32) {
    var buffer = [UInt8](repeating: 0, count: 16 * 1024)
    while true {
      let count = Glibc.read(source, &buffer, buffer.count)
      if count <= 0 { break }
      writeAll(destination, Array(buffer[0..<count]))
    }
    shutdown(source, Int32(SHUT_RDWR))
    shutdown(destination, Int32(SHUT_RDWR))
  }

  private static func address(_ host: String, _ port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr(host)
    address.sin_port = UInt16(port).bigEndian
    return address
  }
}

/// A thread-safe list of what a test server or proxy received, in order.
final class ReceivedLog<Entry: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [Entry] = []

  /// Adds an entry.
  func append(_ entry: Entry) {
    lock.lock()
    entries.append(entry)
    lock.unlock()
  }

  /// The entries so far.
  var all: [Entry] {
    lock.lock()
    defer { lock.unlock() }
    return entries
  }
}
