import CEditLine
import Synchronization

/// Set by the SIGINT handler; read after `readline()` or `read()` returns.
///
/// It tells Ctrl-C from end of input. An atomic, because a signal handler may only touch
/// lock-free state.
private let interruptFlag = Atomic<Bool>(false)

/// The SIGINT handler: only records that the signal came.
///
/// A global function, so it converts to a C function pointer without capturing anything.
private func recordInterrupt(_ signal: Int32) {
  interruptFlag.store(true, ordering: .relaxed)
}

/// Catches Ctrl-C for the length of one blocking read.
///
/// The handler is installed without SA_RESTART, so the blocked `read()` fails with
/// EINTR and the read returns; the action that was there before (the shell's, or
/// the default) is put back afterwards, so Ctrl-C outside a read behaves as the
/// caller chose.
enum InterruptSignal {
  /// Runs `body` with the handler installed.
  ///
  /// - Parameter body: The blocking read.
  /// - Returns: What `body` returned, and whether Ctrl-C came during it.
  static func catching<T>(_ body: () -> T) -> (value: T, interrupted: Bool) {
    interruptFlag.store(false, ordering: .relaxed)
    let installed = cel_sigint_install(recordInterrupt) == 0
    defer {
      if installed { cel_sigint_restore() }
    }
    let value = body()
    return (value, interruptFlag.load(ordering: .relaxed))
  }

  /// Whether Ctrl-C has come since the current `catching` call began.
  static var pending: Bool { interruptFlag.load(ordering: .relaxed) }
}
