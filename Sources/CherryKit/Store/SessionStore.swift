public import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads and saves the session file (DESIGN §2.4).
///
/// A shell loads once, keeps the loaded session as its *base*, and passes both its
/// current session and that base to every ``save(_:base:)``; the session a save
/// returns is what the file now holds and becomes the next base. Saving takes a
/// lock, re-reads the file, merges field by field (``SessionMerge``) and replaces the
/// file atomically (``AtomicFile``), so two shells on one file never lose each other's
/// changes, and a field both changed is refused rather than overwritten.
///
/// A file that cannot be read or decoded is never written over: every save re-reads
/// it first and stops at the same error.
public struct SessionStore: Sendable {
  /// The session file, as the user named it (errors name this path).
  public var path: String
  /// How long a save waits for another process's lock, in seconds.
  public var lockTimeout: Double
  /// Test-only observer of a save's stages; see ``SaveStage``.
  @_spi(Testing) public var observer: (@Sendable (SaveStage) -> Void)?

  /// Points of a save that the store's tests stop a probe process at.
  @_spi(Testing) public enum SaveStage: Sendable {
    /// The lock is held and nothing has been read yet.
    case locked
    /// Half of the new file's bytes are written (and flushed) to this temporary file;
    /// the session file itself is not touched yet.
    case halfWritten(temporaryPath: String)
  }

  /// Creates a store for a file; nothing is read until ``load()``.
  ///
  /// - Parameters:
  ///   - path: The session file.
  ///   - lockTimeout: The longest wait for the lock, in seconds; 5 by default.
  public init(path: String, lockTimeout: Double = 5) {
    self.path = path
    self.lockTimeout = lockTimeout
    self.observer = nil
  }

  /// Reads the session file.
  ///
  /// - Returns: The session (migrated when older); for a missing file, the
  ///   catalogue's fresh session with ``LoadedSession/existed`` `false`. Warnings say
  ///   when others can read or write the file.
  /// - Throws: ``StoreError/unreadable(path:reason:)``, ``StoreError/corrupt(path:reason:)``
  ///   or ``StoreError/newerVersion(path:found:supported:)``; the file is left as it is.
  public func load() throws(StoreError) -> LoadedSession {
    guard let file = try read(resolvedPath()) else {
      return LoadedSession(session: ProviderCatalogue.freshSession(), existed: false)
    }
    let (session, migratedFrom) = try SessionMigration.decode(file.data, path: path)
    return LoadedSession(
      session: session, existed: true, warnings: permissionWarnings(mode: file.mode),
      migratedFrom: migratedFrom)
  }

  /// Saves `session`, keeping what other processes saved since `base` was loaded.
  ///
  /// Under the lock: re-reads the file (a missing file counts as `base`), merges
  /// `base`, `session` and the file's session, and writes the result to a temporary
  /// file that is flushed and renamed into place with mode 0600. Missing folders are
  /// created with mode 0700. When the merged bytes equal the file's, nothing is
  /// written.
  ///
  /// - Parameters:
  ///   - session: This process's session.
  ///   - base: The session this process last loaded or saved.
  /// - Returns: The merged session now on disk; use it as the next `base`.
  /// - Throws: ``StoreError/conflict(path:field:)`` when another process changed a
  ///   field this one changed too; ``StoreError/cannotLock(path:reason:)``,
  ///   ``StoreError/cannotWrite(path:reason:)``, or any error of ``load()`` for the
  ///   file on disk. The file on disk is unchanged whenever an error is thrown.
  public func save(_ session: Session, base: Session) throws(StoreError) -> Session {
    let target = resolvedPath()
    try AtomicFile.createParentDirectories(of: target, reportedPath: path)
    let lock = try FileLock.acquire(path: target, reportedPath: path, timeout: lockTimeout)
    defer { lock.release() }
    observer?(.locked)
    AtomicFile.removeLeftovers(of: target)

    let existing = try read(target)
    let theirs = try existing.map { file throws(StoreError) in
      try SessionMigration.decode(file.data, path: path).session
    }
    let merged = try SessionMerge.merge(
      base: base, mine: session, theirs: theirs ?? base, path: path)
    let data = try Self.encode(merged, path: path)
    if let existing, existing.data == data, existing.mode & 0o777 == 0o600 {
      return merged
    }
    let observer = self.observer
    try AtomicFile.write(
      data, to: target, reportedPath: path,
      halfWritten: observer.map { observe in { observe(.halfWritten(temporaryPath: $0)) } })
    return merged
  }

  /// The bytes a session is stored as: pretty-printed JSON with sorted keys (so a
  /// change shows as a small diff) and a final newline.
  ///
  /// - Parameters:
  ///   - session: The session.
  ///   - path: The file, named in errors.
  /// - Returns: The file's contents.
  /// - Throws: ``StoreError/cannotWrite(path:reason:)`` when a value has no JSON form
  ///   (such as a timeout that is not a number).
  public static func encode(_ session: Session, path: String) throws(StoreError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(session)
      data.append(0x0A)
      return data
    } catch {
      throw .cannotWrite(path: path, reason: "the session cannot be encoded: \(error)")
    }
  }

  /// The file to read and replace: a symbolic link is followed, so that a session
  /// file kept elsewhere (a dotfiles repository) is updated in place rather than
  /// having its link replaced by a plain file.
  private func resolvedPath() -> String {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
      let resolved = realpath(path, nil)
    else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The file's bytes and mode, or `nil` when it does not exist.
  private func read(_ target: String) throws(StoreError) -> (data: Data, mode: mode_t)? {
    // O_NONBLOCK: a FIFO in the file's place must not hang the shell.
    let fd = SystemCall.open(target, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT { return nil }
      throw .unreadable(path: path, reason: Self.reason(for: code))
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      throw .unreadable(path: path, reason: SystemCall.lastError())
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder, not a file")
    default: throw .unreadable(path: path, reason: "it is not a regular file")
    }
    // A session is a few kilobytes; a huge file is not one, and reading it whole
    // would only exhaust memory.
    let limit = 64 << 20
    guard status.st_size <= limit else {
      throw .corrupt(path: path, reason: "it is \(status.st_size) bytes, too large for a session")
    }
    switch SystemCall.readAll(fd, limit: limit) {
    case .failure(let code):
      throw .unreadable(path: path, reason: SystemCall.describe(code.number))
    case .success(nil):
      throw .corrupt(path: path, reason: "it is too large for a session")
    case .success(let bytes?):
      return (Data(bytes), status.st_mode)
    }
  }

  private static func reason(for code: Int32) -> String {
    switch code {
    case EACCES: return "permission denied"
    case ENOTDIR: return "a part of the path is not a folder"
    case ELOOP: return "too many symbolic links"
    default: return SystemCall.describe(code)
    }
  }

  /// The session holds API keys: others being able to read (or change) it is
  /// worth a line, though not a refusal.
  private func permissionWarnings(mode: mode_t) -> [String] {
    let shown = SystemCall.octal(mode & 0o777)
    let fix = "run chmod 600 \(Self.shellQuoted(path))"
    if mode & 0o044 != 0 {
      return ["\(path) is readable by others (mode \(shown)); \(fix)"]
    }
    if mode & 0o022 != 0 {
      return ["\(path) is writable by others (mode \(shown)); \(fix)"]
    }
    return []
  }

  /// `path` as a shell word: quoted only when it needs it.
  private static func shellQuoted(_ text: String) -> String {
    let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@%,~".contains($0) }
    if plain, !text.isEmpty { return text }
    return "'"
      + text.split(separator: "'", omittingEmptySubsequences: false)
      .joined(separator: "'\\''") + "'"
  }
}
