import CherrySystem
import Glibc

/// An exclusive `flock(2)` on a sidecar file `<session file>.lock`, held while a save
/// re-reads, merges and replaces the session file (DESIGN §2.4).
///
/// The lock is on a separate file because the session file itself is replaced by a
/// rename on every save: a lock on it would stay with the old inode while the next
/// saver locks the new one. The sidecar is never deleted — deleting a lock file
/// lets a waiter lock the unlinked inode while a newcomer locks a fresh one. The
/// kernel drops the lock when the process dies, so a killed save never leaves the
/// file locked.
struct FileLock {
  /// The descriptor holding the lock; closing it releases the lock.
  private let descriptor: Int32

  /// The sidecar lock file of a session file.
  static func lockPath(for path: String) -> String {
    path + ".lock"
  }

  /// Takes the lock, waiting at most `timeout` seconds.
  ///
  /// - Parameters:
  ///   - path: The session file whose sidecar is locked.
  ///   - reportedPath: The path errors name (the one the user gave).
  ///   - timeout: The longest wait, in seconds.
  /// - Returns: The held lock; call ``release()`` when done.
  /// - Throws: ``StoreError/cannotWrite(path:reason:)`` when the lock file cannot be
  ///   created (the folder is not writable), ``StoreError/cannotLock(path:reason:)``
  ///   when another process holds it past the deadline.
  static func acquire(
    path: String, reportedPath: String, timeout: Double
  ) throws(StoreError) -> FileLock {
    let lockPath = lockPath(for: path)
    let fd: Int32
    do throws(SystemError) {
      fd = try SystemCall.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    } catch {
      throw .cannotWrite(
        path: reportedPath, reason: "cannot create the lock file \(lockPath): \(error)")
    }
    // Polling with a deadline rather than a blocking flock: a blocking call can only
    // be bounded with signals, which a multithreaded process cannot use safely.
    let deadline = SystemCall.monotonicSeconds() + timeout
    var wait = 1
    while true {
      if flock(fd, LOCK_EX | LOCK_NB) == 0 {
        return FileLock(descriptor: fd)
      }
      let error = SystemError.current
      if error.code == EINTR { continue }
      guard error.code == EWOULDBLOCK || error.code == EAGAIN else {
        close(fd)
        throw .cannotLock(path: reportedPath, reason: "flock on \(lockPath): \(error)")
      }
      if SystemCall.monotonicSeconds() >= deadline {
        close(fd)
        throw .cannotLock(
          path: reportedPath,
          reason: "another process has held \(lockPath) for over \(formatted(timeout)) s")
      }
      SystemCall.pause(milliseconds: wait)
      wait = min(wait * 2, 25)
    }
  }

  /// Releases the lock.
  func release() {
    close(descriptor)
  }

  private static func formatted(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
