#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small helpers around the C calls the store makes itself, where FoundationEssentials
/// gives too little control (fsync, flock, exact modes).
enum SystemCall {
  /// The text of the current `errno`, such as "Permission denied".
  static func lastError() -> String {
    describe(errno)
  }

  /// The text of an error number.
  static func describe(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  /// `open(2)`, retried when a signal interrupts it.
  static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    while true {
      #if canImport(Glibc)
        let fd = Glibc.open(path, flags, mode)
      #else
        let fd = Darwin.open(path, flags, mode)
      #endif
      if fd >= 0 || errno != EINTR { return fd }
    }
  }

  /// A mode as `ls` users know it, such as `0644`.
  static func octal(_ mode: mode_t) -> String {
    let digits = String(UInt32(mode & 0o7777), radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
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

  /// Seconds on a clock that never jumps, for deadlines.
  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// Waits `milliseconds`; used only between attempts to take a lock.
  static func pause(milliseconds: Int) {
    var interval = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
    var remaining = timespec()
    while nanosleep(&interval, &remaining) != 0, errno == EINTR {
      interval = remaining
    }
  }

  /// Writes every byte, going on after short writes and interruptions; returns the
  /// error number of a failure, `nil` on success.
  static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Int32? {
    var offset = bytes.startIndex
    while offset < bytes.endIndex {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        write(fd, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }

  /// An error number as an `Error`.
  struct Failure: Error {
    var number: Int32
  }

  /// Reads to the end of the file; `nil` when it holds more than `limit` bytes.
  static func readAll(_ fd: Int32, limit: Int) -> Result<[UInt8]?, Failure> {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count == 0 { return .success(bytes) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(number: errno))
      }
      bytes.append(contentsOf: buffer[0..<count])
      if bytes.count > limit { return .success(nil) }
    }
  }
}
