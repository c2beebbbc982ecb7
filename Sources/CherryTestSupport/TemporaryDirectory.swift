import Foundation

/// A fresh directory under the system's temporary folder, removed by ``remove()``.
///
/// Tests use one per test so that session files, history and rc files never
/// touch the user's own `~/.config/cherry`.
public struct TemporaryDirectory: Sendable {
  /// The directory's absolute path.
  public let path: String

  /// Creates a new, empty, uniquely named directory.
  ///
  /// - Parameter prefix: A readable prefix for the directory name.
  /// - Throws: The file system's error when the directory cannot be made.
  public init(prefix: String = "cherry-test") throws {
    let base = FileManager.default.temporaryDirectory.path
    let name = "\(prefix)-\(UUID().uuidString.prefix(8))"
    path = (base as NSString).appendingPathComponent(name)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The absolute path of a file or folder inside this directory.
  ///
  /// - Parameter name: A relative path.
  /// - Returns: The joined path.
  public func file(_ name: String) -> String {
    (path as NSString).appendingPathComponent(name)
  }

  /// Writes text to a file inside this directory.
  ///
  /// - Parameters:
  ///   - text: The contents.
  ///   - name: A relative path.
  /// - Returns: The file's absolute path.
  /// - Throws: The file system's error.
  @discardableResult
  public func write(_ text: String, to name: String) throws -> String {
    let target = file(name)
    try text.write(toFile: target, atomically: true, encoding: .utf8)
    return target
  }

  /// Removes the directory and everything in it; errors are ignored.
  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
