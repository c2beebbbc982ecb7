import CherrySystem
import CherryTestSupport
import Foundation
import Synchronization
import Testing

/// Counts SIGUSR1 deliveries; a handler may only touch lock-free state.
private let signalsSeen = Atomic<Int>(0)

private func countSignal(_ signal: Int32) {
  signalsSeen.add(1, ordering: .relaxed)
}

/// A pipe whose ends are closed when the test is done.
private final class TestPipe {
  let read: Int32
  let write: Int32
  private var open: Set<Int32>

  init() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    read = ends[0]
    write = ends[1]
    open = [read, write]
  }

  func close(_ end: Int32) {
    if open.remove(end) != nil { Glibc.close(end) }
  }

  deinit {
    for end in open { Glibc.close(end) }
  }
}

/// The shared POSIX primitives: every byte written, interruptions retried, errors
/// reported by number.
@Suite(.serialized) struct SystemCallTests {
  /// 1 MiB of a repeating pattern: far more than a pipe holds (64 KiB on Linux), so
  /// writes are short and block.
  static let payload: [UInt8] = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }

  /// Installs the counting SIGUSR1 handler without SA_RESTART, so a blocked call
  /// fails with EINTR, as it does under cherry's own handlers.
  static func installInterruptingHandler() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = countSignal
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    sigaction(SIGUSR1, &action, nil)
  }

  /// Runs `body` on a new thread that receives SIGUSR1; returns the thread's id and
  /// a wait for its end.
  static func onThread(
    _ body: @escaping @Sendable () -> Void
  ) -> (thread: pthread_t, done: DispatchSemaphore) {
    let started = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    let id = Mutex<pthread_t?>(nil)
    Thread {
      // Threads started from the test runner's pool inherit its mask, which blocks
      // signals; this one must receive SIGUSR1.
      var signals = sigset_t()
      sigemptyset(&signals)
      sigaddset(&signals, SIGUSR1)
      pthread_sigmask(SIG_UNBLOCK, &signals, nil)
      id.withLock { $0 = pthread_self() }
      started.signal()
      body()
      done.signal()
    }.start()
    started.wait()
    return (id.withLock { $0 } ?? pthread_self(), done)
  }

  /// How many bytes a pipe holds unread.
  static func bytesWaiting(in fd: Int32) -> Int32 {
    var count: Int32 = 0
    _ = ioctl(fd, UInt(FIONREAD), &count)
    return count
  }

  /// Reads `fd` to its end.
  static func drain(_ fd: Int32) throws -> [UInt8] {
    try #require(try SystemCall.readAll(fd, limit: 1 << 30))
  }

  /// Writes ``payload`` to `pipe` from another thread, closing the write end after;
  /// `whileBlocked` runs meanwhile, then the pipe is read to its end.
  ///
  /// - Returns: What was read, and the error the write threw.
  private static func writeThroughPipe(
    _ pipe: TestPipe, whileBlocked: (pthread_t) throws -> Void = { _ in }
  ) throws -> (received: [UInt8], error: SystemError?) {
    let writeEnd = pipe.write
    let result = Mutex<SystemError?>(nil)
    let writer = onThread {
      do throws(SystemError) {
        try SystemCall.writeAll(writeEnd, payload)
      } catch {
        result.withLock { $0 = error }
      }
      Glibc.close(writeEnd)
    }
    try whileBlocked(writer.thread)
    let received = try drain(pipe.read)
    #expect(writer.done.wait(timeout: .now() + 30) == .success)
    return (received, result.withLock { $0 })
  }

  @Test func writeAllDeliversEveryByteThroughShortWrites() throws {
    let (received, error) = try Self.writeThroughPipe(try TestPipe())
    #expect(error == nil)
    #expect(received == Self.payload)
  }

  @Test func writeAllGoesOnAfterSignalsInterruptIt() throws {
    Self.installInterruptingHandler()
    signalsSeen.store(0, ordering: .relaxed)
    let pipe = try TestPipe()
    let (received, error) = try Self.writeThroughPipe(pipe) { writer in
      // Once the pipe is full the writer is blocked in write(2): interrupt it there.
      #expect(Polling.until(seconds: 10) { Self.bytesWaiting(in: pipe.read) >= 65_536 })
      #expect(
        Polling.until(seconds: 10) {
          pthread_kill(writer, SIGUSR1)
          return signalsSeen.load(ordering: .relaxed) >= 3
        })
    }
    #expect(signalsSeen.load(ordering: .relaxed) >= 3)
    #expect(error == nil)
    #expect(received == Self.payload)
  }

  @Test func writeAllWaitsOnAFullNonBlockingPipe() throws {
    let pipe = try TestPipe()
    let flags = fcntl(pipe.write, F_GETFL)
    try #require(fcntl(pipe.write, F_SETFL, flags | O_NONBLOCK) == 0)
    let (received, error) = try Self.writeThroughPipe(pipe)
    #expect(error == nil)
    #expect(received == Self.payload)
  }

  @Test func writeAllToAClosedPipeThrowsEPIPE() throws {
    signal(SIGPIPE, SIG_IGN)
    let pipe = try TestPipe()
    pipe.close(pipe.read)
    #expect(throws: SystemError(code: EPIPE)) { try SystemCall.writeAll(pipe.write, "text") }
  }

  @Test func writeAllOfTextWritesItsUTF8() throws {
    let pipe = try TestPipe()
    try SystemCall.writeAll(pipe.write, "clé ✓\n")
    pipe.close(pipe.write)
    #expect(try Self.drain(pipe.read) == Array("clé ✓\n".utf8))
  }

  @Test func readIsRetriedAfterASignalUnlessTheCallerStops() throws {
    Self.installInterruptingHandler()
    let pipe = try TestPipe()
    let readEnd = pipe.read
    for stops in [false, true] {
      signalsSeen.store(0, ordering: .relaxed)
      let outcome = Mutex<Result<Int, SystemError>?>(nil)
      let reader = Self.onThread {
        var byte: UInt8 = 0
        let result = withUnsafeMutableBytes(of: &byte) { buffer in
          Result { () throws(SystemError) in
            try SystemCall.read(readEnd, into: buffer) { stops }
          }
        }
        outcome.withLock { $0 = result }
      }
      if stops {
        // The first signal that finds it blocked ends the read.
        #expect(
          Polling.until(seconds: 10) {
            pthread_kill(reader.thread, SIGUSR1)
            return outcome.withLock { $0 } != nil
          })
      } else {
        // Signals come and go; the read is still waiting for its byte.
        #expect(
          Polling.until(seconds: 10) {
            pthread_kill(reader.thread, SIGUSR1)
            return signalsSeen.load(ordering: .relaxed) >= 5
          })
        #expect(outcome.withLock { $0 } == nil)
        try SystemCall.writeAll(pipe.write, [42])
      }
      try #require(reader.done.wait(timeout: .now() + 30) == .success)
      let result = try #require(outcome.withLock { $0 })
      if stops {
        #expect(throws: SystemError(code: EINTR)) { try result.get() }
      } else {
        #expect(try result.get() == 1)
      }
    }
  }

  @Test func readAllStopsPastItsLimit() throws {
    let zero = try SystemCall.open("/dev/zero", O_RDONLY | O_CLOEXEC)
    defer { close(zero) }
    #expect(try SystemCall.readAll(zero, limit: 100_000) == nil)
  }

  @Test func readAllReadsAFileWhole() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = try folder.write(String(repeating: "line\n", count: 30_000), to: "file")
    let fd = try SystemCall.open(path, O_RDONLY | O_CLOEXEC)
    defer { close(fd) }
    let bytes = try SystemCall.readAll(fd, limit: 1 << 20)
    #expect(
      bytes.map { String(decoding: $0, as: UTF8.self) }
        == String(repeating: "line\n", count: 30_000))
  }

  @Test func openNamesTheSystemsReason() throws {
    let error = #expect(throws: SystemError.self) {
      try SystemCall.open("/nonexistent/cherry", O_RDONLY)
    }
    #expect(error?.code == ENOENT)
    #expect(error?.description == "No such file or directory")
  }

  @Test func pauseWaitsAtLeastItsTime() {
    let start = SystemCall.monotonicSeconds()
    SystemCall.pause(milliseconds: 20)
    #expect(SystemCall.monotonicSeconds() - start >= 0.02)
  }
}
