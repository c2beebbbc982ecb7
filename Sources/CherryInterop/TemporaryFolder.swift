import CherryInteropCore
import Foundation

/// A private temporary folder (mode 0700) for the copies an import reads: keys
/// pass through it, so no one else may look in.
struct TemporaryFolder {
  /// The folder.
  let path: String

  /// Creates the folder.
  ///
  /// - Throws: ``InteropFailure`` when it cannot be created.
  init() throws(InteropFailure) {
    let base =
      ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/cherry-interop-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw InteropFailure("cannot create a temporary folder in \(base)")
    }
    path = String(cString: made)
  }

  /// Writes a file (mode 0600) in the folder.
  ///
  /// - Parameters:
  ///   - name: The file's name.
  ///   - bytes: Its contents.
  /// - Throws: ``InteropFailure`` when it cannot be written.
  func write(_ name: String, _ bytes: [UInt8]) throws(InteropFailure) {
    guard
      FileManager.default.createFile(
        atPath: path + "/" + name, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    else { throw InteropFailure("cannot write \(name) in the temporary folder \(path)") }
  }

  /// Removes the folder and everything in it.
  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
