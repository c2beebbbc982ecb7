import Foundation
import Testing

/// Decides whether the terminal tests run: they need tmux.
///
/// Without it they are
/// skipped on a developer's machine, but under CI (where `scripts/test` installs
/// tmux) they run and fail, so a missing tmux never passes silently.
enum TerminalTestGate {
  /// The tmux executable found on PATH, or `nil`.
  static let tmuxPath: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  /// Whether the suites run.
  static var enabled: Bool {
    tmuxPath != nil || ProcessInfo.processInfo.environment["CI"] != nil
  }

  /// Why they are skipped.
  static let reason: Comment =
    "tmux is not installed (scripts/test installs it; with CI set these tests fail instead)"
}
