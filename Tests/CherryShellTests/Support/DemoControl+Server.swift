import CherryDemo
import CherryKit

@testable import CherryShell

extension DemoControl {
  /// The shell's handle on a demo server, as `cherry --demo` makes it (the
  /// executable's own copy is in Sources/cherry, which tests cannot import).
  init(_ server: DemoServer) {
    self.init(
      faultWords: DemoFault.words,
      setFault: { words, provider in try server.setFault(words: words, for: provider) },
      status: { server.faultStatus }, reset: { server.resetToStart() },
      startingProvider: { server.startingProvider($0) },
      root: DemoSession.root(port: server.port))
  }
}
