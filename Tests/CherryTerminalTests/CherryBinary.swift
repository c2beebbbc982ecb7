import Foundation

/// Finds the built `cherry` executable the terminal tests drive.
enum CherryBinary {
  /// `$CHERRY_BIN`, else `cherry` in `$CHERRY_BIN_DIR` (as CherryTestSupport's
  /// BuiltBinary reads it), else a `cherry` file next to the test bundle (SwiftPM puts
  /// products and the test bundle in the same `debug/` folder) or a few folders
  /// up from it (a macOS `.xctest` bundle nests its executable).
  static let path: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["CHERRY_BIN"], !explicit.isEmpty { return explicit }
    if let folder = environment["CHERRY_BIN_DIR"], !folder.isEmpty { return "\(folder)/cherry" }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      .deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("cherry").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isExecutableFile(atPath: candidate)
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return nil
  }()
}
