import Foundation

/// Finds the executables that `swift build` put next to the test bundle: the one
/// binary locator of every test suite.
///
/// `swift test` runs the test bundle from the build products folder, so the
/// `cherry`, `cherry-demo` and probe binaries sit in the same folder (or, for a
/// bundle that nests its executable, a few folders up). Two environment variables
/// test other builds: `CHERRY_BIN_DIR` names the folder of all of them (a release
/// build), and `CHERRY_BIN` names the `cherry` executable itself.
public enum BuiltBinary {
  /// The absolute path of a built executable.
  ///
  /// - Parameter name: The product name, such as `cherry` or `cherry-demo`.
  /// - Returns: `$CHERRY_BIN` for `cherry` when set; else the file in
  ///   `$CHERRY_BIN_DIR`; else the first executable of that name in the test
  ///   bundle's folder or one above it; else the path it would have next to the
  ///   bundle (so that running it fails with a clear "no such file").
  public static func path(_ name: String) -> String {
    let environment = ProcessInfo.processInfo.environment
    if name == "cherry", let explicit = environment["CHERRY_BIN"], !explicit.isEmpty {
      return explicit
    }
    if let folder = environment["CHERRY_BIN_DIR"], !folder.isEmpty {
      return (folder as NSString).appendingPathComponent(name)
    }
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = bundle
    while folder.pathComponents.count > 1 {
      folder.deleteLastPathComponent()
      let candidate = folder.appendingPathComponent(name).path
      if isExecutableFile(candidate) { return candidate }
    }
    return bundle.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// The path of a built executable when there is one.
  ///
  /// - Parameter name: The product name.
  /// - Returns: ``path(_:)`` when an executable file is there, else `nil` (for a test
  ///   that reports a missing build instead of failing to start it).
  public static func existing(_ name: String) -> String? {
    let path = path(name)
    return isExecutableFile(path) ? path : nil
  }

  private static func isExecutableFile(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      && !isFolder.boolValue && FileManager.default.isExecutableFile(atPath: path)
  }
}
