public import Foundation

/// The exact bytes of a file, to assert that a failed command left it untouched.
public enum FileDigest {
  /// Reads a file's bytes, or `nil` when it does not exist or cannot be read.
  ///
  /// - Parameter path: The file.
  /// - Returns: Its contents.
  public static func bytes(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }
}
