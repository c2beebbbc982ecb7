import CherrySystem
import FoundationEssentials
import Glibc

/// Replaces a file so that a crash at any moment leaves either the old file or the
/// new one, never a mix (DESIGN §2.4): the bytes go to a temporary file in the same
/// folder (a rename is only atomic within one file system), which is flushed to disk
/// before it is renamed over the old file; then the folder is flushed so the rename
/// itself survives a power cut.
enum AtomicFile {
  /// Writes `data` to `path` atomically with the given mode.
  ///
  /// - Parameters:
  ///   - data: The new contents.
  ///   - path: The file to replace (or create).
  ///   - reportedPath: The path errors name.
  ///   - mode: The new file's permissions, set exactly (the umask does not apply).
  ///   - halfWritten: Called with the temporary file's path once half of `data` is
  ///     written and flushed; the store's crash tests kill the process there.
  /// - Throws: ``StoreError/cannotWrite(path:reason:)``; the old file is then untouched
  ///   and the temporary file removed.
  static func write(
    _ data: Data, to path: String, reportedPath: String, mode: mode_t = 0o600,
    halfWritten: ((String) -> Void)? = nil
  ) throws(StoreError) {
    let directory = SessionPath.directory(of: path)
    let temporary =
      directory + "/" + temporaryPrefix(for: path)
      + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd: Int32
    do throws(SystemError) {
      fd = try SystemCall.open(
        temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
    } catch {
      throw .cannotWrite(
        path: reportedPath, reason: "cannot create a file in \(directory): \(error)")
    }
    func fail(_ step: String, _ error: SystemError) -> StoreError {
      close(fd)
      unlink(temporary)
      return .cannotWrite(path: reportedPath, reason: "\(step): \(error)")
    }
    // The umask may have removed bits from `mode`; the file must end up exactly so.
    guard fchmod(fd, mode) == 0 else { throw fail("setting the mode", .current) }
    let bytes = [UInt8](data)
    let half = halfWritten == nil ? bytes.count : bytes.count / 2
    do throws(SystemError) {
      try SystemCall.writeAll(fd, bytes[0..<half])
      if let halfWritten {
        guard fsync(fd) == 0 else { throw SystemError.current }
        halfWritten(temporary)
        try SystemCall.writeAll(fd, bytes[half...])
      }
    } catch {
      throw fail("writing \(temporary)", error)
    }
    guard fsync(fd) == 0 else { throw fail("flushing \(temporary)", .current) }
    guard close(fd) == 0 else {
      let error = SystemError.current
      unlink(temporary)
      throw .cannotWrite(path: reportedPath, reason: "closing \(temporary): \(error)")
    }
    guard rename(temporary, path) == 0 else {
      let error = SystemError.current
      unlink(temporary)
      throw .cannotWrite(path: reportedPath, reason: "renaming the new file into place: \(error)")
    }
    // The new file is in place; a folder that cannot be flushed (some file systems
    // refuse fsync on folders) is no reason to report a failed save.
    if let folder = try? SystemCall.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC) {
      _ = fsync(folder)
      close(folder)
    }
  }

  /// The name prefix of the temporary files for `path`: hidden, and tied to the
  /// file's name so leftovers can be found and removed.
  static func temporaryPrefix(for path: String) -> String {
    "." + SessionPath.fileName(of: path) + ".tmp-"
  }

  /// Removes temporary files a killed save left next to `path`.
  ///
  /// Call it only while holding the file's lock: only a lock holder writes them, so
  /// any found then belongs to a dead process.
  ///
  /// - Parameter path: The session file.
  static func removeLeftovers(of path: String) {
    let directory = SessionPath.directory(of: path)
    let prefix = temporaryPrefix(for: path)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    for name in names where name.hasPrefix(prefix) {
      unlink(directory + "/" + name)
    }
  }

  /// Creates the missing folders above `path`, each with mode 0700 (the session
  /// holds keys); existing folders are left as they are.
  ///
  /// - Parameters:
  ///   - path: The file whose folders are needed.
  ///   - reportedPath: The path errors name.
  /// - Throws: ``StoreError/cannotWrite(path:reason:)`` naming the folder that could
  ///   not be created.
  static func createParentDirectories(of path: String, reportedPath: String) throws(StoreError) {
    let directory = SessionPath.directory(of: path)
    var status = stat()
    if stat(directory, &status) == 0 { return }
    var prefix = directory.hasPrefix("/") ? "" : "."
    for component in directory.split(separator: "/") {
      prefix += "/" + component
      if mkdir(prefix, 0o700) == 0 {
        // The umask may have removed bits; the folder must be exactly 0700.
        chmod(prefix, 0o700)
        continue
      }
      let error = SystemError.current
      if error.code == EEXIST, stat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
        continue
      }
      let reason = error.code == EEXIST ? "it exists and is not a folder" : error.description
      throw .cannotWrite(
        path: reportedPath, reason: "cannot create the folder \(prefix): \(reason)")
    }
  }
}
