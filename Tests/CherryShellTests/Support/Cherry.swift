import CherryTestSupport
import Foundation

/// Runs the built `cherry` binary ($CHERRY_BIN, or the one next to the test bundle)
/// in a temporary CHERRY_HOME.
struct Cherry {
  let folder = TemporaryFolder()

  static var binary: String { BuiltBinary.path("cherry") }

  var sessionPath: String { folder.path + "/session.json" }

  func run(_ arguments: [String], stdin: String? = nil, environment: [String: String?] = [:]) throws
    -> ProcessResult
  {
    var env: [String: String?] = ["CHERRY_HOME": folder.path, "HOME": folder.path]
    for (name, value) in environment { env[name] = value }
    return try ProcessRunner.run(
      Self.binary, arguments, environment: env, stdin: stdin, currentDirectory: folder.path)
  }

  func sessionBytes() -> Data? {
    FileManager.default.contents(atPath: sessionPath)
  }
}
