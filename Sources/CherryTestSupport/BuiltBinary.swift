import Foundation

/// Finds the executables that `swift build` put next to the test bundle.
///
/// `swift test` runs the test bundle from the build products folder, so the
/// `cherry`, `cherry-demo` and probe binaries sit in the same folder. The
/// environment variable `CHERRY_BIN_DIR` overrides that folder (for example to
/// test a release build).
public enum BuiltBinary {
  /// The folder that holds the built executables.
  public static var directory: String {
    if let dir = ProcessInfo.processInfo.environment["CHERRY_BIN_DIR"], !dir.isEmpty {
      return dir
    }
    var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    // The bundle may be `…/debug/cherryPackageTests.xctest` itself or a file inside it.
    while url.pathComponents.count > 1 {
      url.deleteLastPathComponent()
      if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("cherry").path) {
        return url.path
      }
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
  }

  /// The absolute path of a built executable.
  ///
  /// - Parameter name: The product name, such as `cherry`.
  /// - Returns: The path in ``directory``.
  public static func path(_ name: String) -> String {
    (directory as NSString).appendingPathComponent(name)
  }
}
