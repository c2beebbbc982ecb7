import CherryTestSupport
import Foundation
import Glibc

/// A loopback TLS listener for the `SSL_CERT_FILE` and redirect tests: a CA and a leaf
/// certificate for 127.0.0.1 made with `openssl` at test time, served by
/// `openssl s_server -WWW` (which answers a GET with the file of that path) or by a few
/// lines of Python's `ssl` that answer every request with a redirect, so no TLS server
/// code is needed.
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
  convenience init(files: [String: String]) throws {
    let directory = try TemporaryDirectory(prefix: "cherry-tls")
    let root = directory.path + "/www"
    for (path, contents) in files {
      let file = root + "/" + path
      try FileManager.default.createDirectory(
        atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(toFile: file, atomically: true, encoding: .utf8)
    }
    try self.init(directory: directory, in: root) { dir, port in
      [
        "openssl", "s_server", "-accept", "127.0.0.1:\(port)", "-cert", dir + "/leaf.pem", "-key",
        dir + "/leaf.key", "-WWW", "-quiet",
      ]
    }
  }

  /// Makes the certificates and starts a server that answers every request with
  /// `302` to `location`.
  ///
  /// - Parameter location: The `Location` to send.
  /// - Throws: When `openssl` fails or the server does not start.
  convenience init(redirectingTo location: String) throws {
    let script = """
      import http.server, ssl, sys
      class H(http.server.BaseHTTPRequestHandler):
          def answer(self):
              self.send_response(302)
              self.send_header("Location", sys.argv[4])
              self.send_header("Content-Length", "0")
              self.end_headers()
          do_GET = do_POST = answer
          def log_message(self, *args): pass
      server = http.server.HTTPServer(("127.0.0.1", int(sys.argv[3])), H)
      context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
      context.load_cert_chain(sys.argv[1], sys.argv[2])
      server.socket = context.wrap_socket(server.socket, server_side=True)
      server.serve_forever()
      """
    let directory = try TemporaryDirectory(prefix: "cherry-tls")
    try self.init(directory: directory, in: directory.path) { dir, port in
      ["python3", "-c", script, dir + "/leaf.pem", dir + "/leaf.key", "\(port)", location]
    }
  }

  /// Makes the certificates in `directory` and starts the server `command` names.
  private init(
    directory: TemporaryDirectory, in workingDirectory: String,
    command: (_ directory: String, _ port: Int) -> [String]
  ) throws {
    self.directory = directory
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
    port = Peer.closedPort()
    process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command(dir, port)
    process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
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
    guard let fd = TestSockets.connect(host: "127.0.0.1", port: port) else { return false }
    close(fd)
    return true
  }
}
