import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/cherry-shell-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file in the folder and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let file = path + "/" + name
    _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
    return file
  }
}

/// Drives a ``Shell`` with strings and captures what it prints.
final class ShellHarness {
  let folder = TemporaryFolder()
  var environment: [String: String]
  var sessionPath: String
  var options: ShellOptions

  init(environment extra: [String: String] = [:]) {
    sessionPath = folder.path + "/session.json"
    environment = ["HOME": folder.path, "CHERRY_HOME": folder.path].merging(extra) { $1 }
    options = ShellOptions(sessionPath: sessionPath, environment: environment)
  }

  /// The result of one run.
  struct Run {
    var status: CherryShell.ExitStatus
    var stdout: String
    var stderr: String
    var combined: String
    var session: Session?
  }

  /// Runs `script` as piped stdin in a new shell on the session file.
  func run(
    _ script: String, colour: Bool = false, configure: (inout ShellOptions) -> Void = { _ in }
  ) async -> Run {
    await run([.standardInput(StringLineSource(script))], colour: colour, configure: configure)
  }

  /// Runs inputs in a new shell on the session file.
  func run(
    _ inputs: [ShellInput], colour: Bool = false,
    configure: (inout ShellOptions) -> Void = { _ in }
  ) async -> Run {
    var options = self.options
    configure(&options)
    let sink = CapturingOutputSink()
    let output = Output(sink: sink, color: colour)
    do {
      let shell = try Shell(options: options, output: output)
      let status = await shell.runBatch(inputs)
      await shell.shutdown()
      return Run(
        status: status, stdout: sink.standardOutput, stderr: sink.standardError,
        combined: sink.combined,
        session: shell.currentSession)
    } catch {
      return Run(
        status: CherryShell.ExitStatus.sessionFile, stdout: "", stderr: error.description,
        combined: error.description, session: Optional<Session>.none)
    }
  }

  /// The session on disk, or `nil` when there is no file.
  func savedSession() throws -> Session? {
    guard FileManager.default.fileExists(atPath: sessionPath) else { return nil }
    return try SessionStore(path: sessionPath).load().session
  }

  /// The session file's bytes, or `nil` when there is none.
  func sessionBytes() -> Data? {
    FileManager.default.contents(atPath: sessionPath)
  }
}
