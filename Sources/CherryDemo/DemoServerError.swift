/// Why a demo server could not start.
public enum DemoServerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The configured address is not in 127.0.0.0/8: the demo serves loopback only.
  case notLoopback(String)

  /// What went wrong, then how to fix it.
  public var description: String {
    switch self {
    case .notLoopback(let host):
      return "the demo server listens on loopback only, not on \(host)\n"
        + "use 127.0.0.1 (or another 127.x.y.z address)"
    }
  }
}
