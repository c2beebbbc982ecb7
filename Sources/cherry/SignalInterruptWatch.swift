import CherryShell
import Glibc
import Synchronization

/// Set by the SIGINT handler while a request runs.
private let interruptPressed = Atomic<Bool>(false)

private func recordInterrupt(_ signal: Int32) {
  interruptPressed.store(true, ordering: .relaxed)
}

/// Ctrl-C during a request: a SIGINT handler sets a flag the shell polls, so the
/// request is cancelled and the shell keeps going (the default would end it).
final class SignalInterruptWatch: InterruptWatch {
  private let previous = Mutex<sigaction?>(nil)

  func start() {
    interruptPressed.store(false, ordering: .relaxed)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = recordInterrupt
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    var old = sigaction()
    if sigaction(SIGINT, &action, &old) == 0 {
      previous.withLock { $0 = old }
    }
  }

  var interrupted: Bool { interruptPressed.load(ordering: .relaxed) }

  func stop() {
    previous.withLock { saved in
      guard var old = saved else { return }
      sigaction(SIGINT, &old, nil)
      saved = nil
    }
  }
}
