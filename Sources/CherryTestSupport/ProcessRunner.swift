public import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
  /// The exit status, or 128 + the signal number when a signal ended it.
  public var status: Int32
  /// Everything it wrote to standard output, as UTF-8.
  public var stdout: String
  /// Everything it wrote to standard error, as UTF-8.
  public var stderr: String
}

/// Runs an executable to completion with given arguments, environment and input.
///
/// Output is collected on background reads so that a child writing more than a
/// pipe's buffer never blocks. A deadline kills a child that hangs, so a broken
/// test fails instead of stalling the run.
public enum ProcessRunner {
  /// Runs a program and waits for it.
  ///
  /// - Parameters:
  ///   - executable: The program's absolute path.
  ///   - arguments: Its arguments.
  ///   - environment: Variables to set on top of a clean base (`PATH`, `HOME`,
  ///     `NO_COLOR`); `nil` values remove a variable.
  ///   - stdin: Text for standard input; `nil` gives the null device.
  ///   - currentDirectory: The working directory, or `nil` for the current one.
  ///   - deadline: Seconds after which the child is killed.
  /// - Returns: The exit status and the collected output.
  /// - Throws: When the program cannot be started.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String?] = [:],
    stdin: String? = nil, currentDirectory: String? = nil, deadline: Double = 60
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for name in ["CHERRY_HOME", "CHERRY_RC", "XDG_CONFIG_HOME"] { env[name] = nil }
    env["NO_COLOR"] = "1"
    for (name, value) in environment { env[name] = value }
    process.environment = env
    if let currentDirectory {
      process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory)
    }
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    let inPipe = Pipe()
    if stdin != nil {
      process.standardInput = inPipe
    } else {
      process.standardInput = FileHandle.nullDevice
    }
    let collected = OutputCollector()
    let group = DispatchGroup()
    for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.store(data, isOut: isOut)
        group.leave()
      }
    }
    try process.run()
    if let stdin {
      DispatchQueue.global().async {
        inPipe.fileHandleForWriting.write(Data(stdin.utf8))
        try? inPipe.fileHandleForWriting.close()
      }
    }
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      process.waitUntilExit()
      finished.signal()
    }
    if finished.wait(timeout: .now() + deadline) == .timedOut {
      process.terminate()
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    group.wait()
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return ProcessResult(status: status, stdout: collected.out, stderr: collected.err)
  }
}

/// Collects the two output streams from background reads.
private final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var outData = Data()
  private var errData = Data()

  func store(_ data: Data, isOut: Bool) {
    lock.lock()
    defer { lock.unlock() }
    if isOut { outData = data } else { errData = data }
  }

  var out: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: outData, as: UTF8.self)
  }

  var err: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: errData, as: UTF8.self)
  }
}
