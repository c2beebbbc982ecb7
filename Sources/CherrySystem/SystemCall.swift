package import Glibc

#if !os(Linux)
  // cherry is built and tested on Linux only (glibc, libedit from pkg-config, tmux
  // in the terminal tests); every target imports Glibc without a fallback.
  #error("cherry builds on Linux only")
#endif

/// The small POSIX primitives every cherry target shares (DESIGN §3): writing all
/// of a buffer, reading without losing a signal's interruption, opening, and time
/// for deadlines.
///
/// Each retries `EINTR` itself, so that a signal arriving mid-call (a window resize,
/// a child's exit) never loses output or reads a short file; a caller that must stop
/// on a signal (Ctrl-C while reading a secret) says so explicitly.
package enum SystemCall {
  /// `open(2)`, retried when a signal interrupts it.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - flags: `O_RDONLY`, `O_CREAT`… (add `O_CLOEXEC`: cherry starts child processes).
  ///   - mode: The permissions of a created file.
  /// - Returns: The new descriptor.
  /// - Throws: ``SystemError`` with the call's error number.
  package static func open(
    _ path: String, _ flags: Int32, _ mode: mode_t = 0
  ) throws(SystemError) -> Int32 {
    while true {
      let fd = Glibc.open(path, flags, mode)
      if fd >= 0 { return fd }
      let error = SystemError.current
      if error.code != EINTR { throw error }
    }
  }

  /// Seconds on a clock that never jumps, for deadlines.
  ///
  /// - Returns: Seconds since an arbitrary fixed point.
  package static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// Waits `milliseconds`, going on after signals until the whole time has passed.
  ///
  /// Only for the gaps between attempts of a bounded retry (taking a lock); never to
  /// wait for something to happen.
  ///
  /// - Parameter milliseconds: The wait, at most a second.
  package static func pause(milliseconds: Int) {
    var interval = timespec(tv_sec: 0, tv_nsec: min(milliseconds, 999) * 1_000_000)
    var remaining = timespec()
    while nanosleep(&interval, &remaining) != 0, errno == EINTR {
      interval = remaining
    }
  }
}
