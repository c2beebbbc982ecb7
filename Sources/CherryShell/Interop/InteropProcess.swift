import CherryInteropCore
import CherrySystem
import FoundationEssentials
import Glibc

/// Runs `cherry-interop` for `import` and `export` (DESIGN §1.7), as git runs its
/// subcommands: the YAML and zip libraries those need load all of Foundation, and
/// `cherry` starts faster without them (DESIGN §5).
///
/// The request goes in through an unlinked temporary file (mode 0600: it may hold
/// keys; a file, not a pipe, so a child that dies early cannot raise SIGPIPE here),
/// and the answer comes back as JSON on the child's standard output.
enum InteropProcess {
  /// The largest answer read back (an export of a big session is a few MiB).
  static let answerLimit = 64 << 20

  /// Runs one request.
  ///
  /// - Parameters:
  ///   - request: The request.
  ///   - environment: The shell's environment (`CHERRY_INTEROP`, `PATH`, `TMPDIR`).
  /// - Returns: The answer.
  /// - Throws: ``ShellError`` when the executable cannot be found, run or understood.
  static func run(_ request: InteropRequest, environment: [String: String]) throws(ShellError)
    -> InteropResponse
  {
    let executable = try locate(environment: environment)
    let input = try requestFile(request, environment: environment)
    defer { close(input) }
    var output: [Int32] = [-1, -1]
    var errors: [Int32] = [-1, -1]
    guard pipe(&output) == 0 else { throw failure("cannot make a pipe", executable) }
    guard pipe(&errors) == 0 else {
      close(output[0])
      close(output[1])
      throw failure("cannot make a pipe", executable)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, 0)
    posix_spawn_file_actions_adddup2(&actions, output[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
    for fd in [input, output[0], output[1], errors[0], errors[1]] {
      posix_spawn_file_actions_addclose(&actions, fd)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(executable), nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    close(output[1])
    close(errors[1])
    guard code == 0 else {
      close(output[0])
      close(errors[0])
      throw failure("cannot start it: \(String(cString: strerror(code)))", executable)
    }
    let (answer, complaint) = drain(output[0], errors[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    guard let response = try? JSONDecoder().decode(InteropResponse.self, from: Data(answer)) else {
      let said = String(decoding: complaint.prefix(2_000), as: UTF8.self)
      throw failure(
        "it ended without an answer (status \(status))" + (said.isEmpty ? "" : ": " + said),
        executable)
    }
    return response
  }

  /// `$CHERRY_INTEROP`, else `cherry-interop` next to the running executable, else
  /// on the `PATH`.
  static func locate(environment: [String: String]) throws(ShellError) -> String {
    if let explicit = environment["CHERRY_INTEROP"], !explicit.isEmpty {
      guard access(explicit, X_OK) == 0 else {
        throw ShellError(
          "CHERRY_INTEROP names \(explicit), which is not an executable",
          fix: ["point it at the cherry-interop that was built with this cherry, or unset it"])
      }
      return explicit
    }
    var candidates: [String] = []
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if length > 0 {
      let own = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if let slash = own.lastIndex(of: "/") {
        candidates.append(String(own[..<slash]) + "/cherry-interop")
      }
    }
    for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
      candidates.append(folder + "/cherry-interop")
    }
    if let found = candidates.first(where: { access($0, X_OK) == 0 }) { return found }
    throw ShellError(
      "cannot find cherry-interop, which import and export run",
      fix: [
        "it is built with cherry (swift build --product cherry-interop): keep it next to cherry or on the PATH",
        "or set CHERRY_INTEROP to its path",
      ])
  }

  /// The request in an unlinked temporary file, read from its start.
  private static func requestFile(_ request: InteropRequest, environment: [String: String])
    throws(ShellError) -> Int32
  {
    let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((folder + "/cherry-request-XXXXXX").utf8CString)
    let fd = mkstemp(&template)
    guard fd >= 0 else {
      throw ShellError(
        "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))",
        fix: ["set TMPDIR to a folder you can write"])
    }
    unlink(template)
    fchmod(fd, 0o600)
    guard let data = try? JSONEncoder().encode(request) else {
      close(fd)
      throw ShellError("cannot encode the request for cherry-interop")
    }
    do throws(SystemError) {
      try SystemCall.writeAll(fd, [UInt8](data))
    } catch {
      close(fd)
      throw ShellError(
        "cannot write a temporary file in \(folder): \(FileText.reason(error.code))",
        fix: ["free some space there, or set TMPDIR to another folder"])
    }
    lseek(fd, 0, SEEK_SET)
    return fd
  }

  /// Reads both outputs to their end (the answer up to ``answerLimit``).
  private static func drain(_ out: Int32, _ err: Int32) -> ([UInt8], [UInt8]) {
    var answer: [UInt8] = []
    var complaint: [UInt8] = []
    var open: Set<Int32> = [out, err]
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while !open.isEmpty {
      var fds = open.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for entry in fds where entry.revents != 0 {
        let count = read(entry.fd, &buffer, buffer.count)
        if count > 0 {
          if entry.fd == out {
            if answer.count < answerLimit { answer.append(contentsOf: buffer[..<count]) }
          } else if complaint.count < 64 << 10 {
            complaint.append(contentsOf: buffer[..<count])
          }
        } else if count == 0 || errno != EINTR {
          close(entry.fd)
          open.remove(entry.fd)
        }
      }
    }
    return (answer, complaint)
  }

  private static func failure(_ what: String, _ executable: String) -> ShellError {
    ShellError(
      "cherry-interop (\(executable)) failed: \(what)",
      fix: ["check that it was built with this cherry (swift build --product cherry-interop)"])
  }
}
