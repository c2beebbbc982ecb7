import CherrySystem
import Glibc

/// The session file's path: which paths can be one, and which file a path that is a
/// symbolic link really names (DESIGN §2.4).
enum SessionPath {
  /// Refuses a path that cannot name a session file, before anything is created
  /// next to it (the lock file is `<path>.lock`, so an empty path would lock `.lock`
  /// in the current folder).
  ///
  /// - Parameter path: The path as the user gave it.
  /// - Throws: ``StoreError/invalidPath(path:reason:)`` for an empty path or one
  ///   that ends in `/` (a folder).
  static func check(_ path: String) throws(StoreError) {
    if path.isEmpty {
      throw .invalidPath(path: path, reason: "it is empty")
    }
    if path.hasSuffix("/") {
      throw .invalidPath(path: path, reason: "it ends with \"/\", so it names a folder")
    }
  }

  /// The file that reading and saving `path` use: symbolic links are followed
  /// link by link, also to a target that does not exist yet, so that saving
  /// through a link (a session kept in a dotfiles repository) writes the target
  /// and keeps the link, and a dangling link's target is created.
  ///
  /// - Parameter path: The session file as the user named it.
  /// - Returns: The path with every link followed; `path` itself when it is no link.
  /// - Throws: ``StoreError/unreadable(path:reason:)`` for a loop of links.
  static func target(of path: String) throws(StoreError) -> String {
    var current = path
    for _ in 0..<40 {  // Linux's own limit on links followed in one lookup
      var status = stat()
      guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
        let link = linkText(current)
      else { return current }
      current = link.hasPrefix("/") ? link : directory(of: current) + "/" + link
    }
    throw .unreadable(path: path, reason: "too many symbolic links")
  }

  /// What a symbolic link holds, or `nil` when it cannot be read.
  private static func linkText(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The folder part of a path (`.` for a bare name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// The last component of a path.
  static func fileName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// Why a path cannot be opened, in the user's words.
  static func reason(_ error: SystemError) -> String {
    switch error.code {
    case EACCES: return "permission denied"
    case ENOTDIR: return "a part of the path is not a folder"
    case ELOOP: return "too many symbolic links"
    default: return error.description
    }
  }
}
