import CherryTestSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback TLS listener for the `SSL_CERT_FILE` tests: a CA and a leaf certificate
/// for 127.0.0.1 made with `openssl` at test time, served by `openssl s_server -WWW`
/// (which answers a GET with the file of that path), so no TLS server code is needed.
final class TLSListener: @unchecked Sendable {
  /// The CA certificate that signed the server's certificate (PEM).
  let caFile: String
  /// The port it listens on.
  let port: Int
  private let directory: TemporaryDirectory
  private let process: Process

  /// Makes the certificates, writes the files to serve, and starts the server.
  ///
  /// - Parameter files: Paths (relative, e.g. `v1/models`) and their contents.
  /// - Throws: When `openssl` fails or the server does not start.
  init(files: [String: String]) throws {
    directory = try TemporaryDirectory(prefix: "cherry-tls")
    let dir = directory.path
    caFile = dir + "/ca.pem"
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    try TLSListener.openssl(
      ["req", "-x509"] + ec + [
        "-keyout", dir + "/ca.key", "-out", caFile, "-days", "2", "-subj", "/CN=cherry test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ], in: dir)
    try TLSListener.openssl(
      ["req"] + ec + [
        "-keyout", dir + "/leaf.key", "-out", dir + "/leaf.csr", "-subj", "/CN=127.0.0.1",
      ], in: dir)
    _ = try directory.write(
      "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
        + "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n", to: "leaf.ext")
    try TLSListener.openssl(
      [
        "x509", "-req", "-in", dir + "/leaf.csr", "-CA", caFile, "-CAkey", dir + "/ca.key",
        "-CAcreateserial", "-out", dir + "/leaf.pem", "-days", "2", "-extfile", dir + "/leaf.ext",
      ], in: dir)
    let root = dir + "/www"
    for (path, contents) in files {
      let file = root + "/" + path
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(toFile: file, atomically: true, encoding: .utf8)
    }
    port = Peer.closedPort()
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "openssl", "s_server", "-accept", "127.0.0.1:\(port)", "-cert", dir + "/leaf.pem", "-key",
      dir + "/leaf.key", "-WWW", "-quiet",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let port = self.port
    let listening = Polling.until(seconds: 10) { TLSListener.accepts(port: port) }
    if !listening {
      kill(process.processIdentifier, SIGKILL)
      throw POSIXError(.ECONNREFUSED)
    }
  }

  /// Stops the server and removes the files.
  func stop() {
    // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    directory.remove()
  }

  /// Runs `openssl` with arguments, failing on a non-zero exit.
  private static func openssl(_ arguments: [String], in directory: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw POSIXError(.EINVAL)
    }
  }

  /// Whether something accepts TCP connections on the port.
  private static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
