import Glibc

extension SystemCall {
  /// Writes every byte of `bytes` to `fd`.
  ///
  /// Goes on after short writes and `EINTR`; when `fd` is non-blocking and full
  /// (`EAGAIN`), waits with `poll(2)` until it can take more, so a terminal or pipe
  /// left non-blocking by another program still gets the whole text.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - bytes: What to write.
  /// - Throws: ``SystemError`` for any other failure (`EPIPE` for a closed pipe,
  ///   `ENOSPC`…); the bytes before the failure have been written.
  package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    guard let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(fd, start + offset, bytes.count - offset)
      if written > 0 {
        offset += written
        continue
      }
      // write(2) returns 0 only for an empty request; anything else would spin.
      let error = written == 0 ? SystemError(code: EIO) : SystemError.current
      switch error.code {
      case EINTR: continue
      case EAGAIN, EWOULDBLOCK: try waitUntilWritable(fd)
      default: throw error
      }
    }
  }

  /// Writes every byte of `bytes` to `fd`, as the buffer form above does.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - bytes: What to write, such as an `[UInt8]` or a slice of one.
  /// - Throws: ``SystemError`` as the buffer form does.
  package static func writeAll<Bytes: Collection<UInt8>>(
    _ fd: Int32, _ bytes: Bytes
  ) throws(SystemError) {
    var failure: SystemError?
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      do throws(SystemError) {
        try writeAll(fd, UnsafeRawBufferPointer(buffer))
      } catch {
        failure = error
      }
    }
    if done == nil {
      try writeAll(fd, Array(bytes))
      return
    }
    if let failure { throw failure }
  }

  /// Writes `text` as UTF-8 to `fd`, as the buffer form above does.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - text: What to write.
  /// - Throws: ``SystemError`` as the buffer form does.
  package static func writeAll(_ fd: Int32, _ text: String) throws(SystemError) {
    try writeAll(fd, text.utf8)
  }

  /// Blocks until `fd` can be written to (or has failed, which the next write reports).
  private static func waitUntilWritable(_ fd: Int32) throws(SystemError) {
    var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
    while Glibc.poll(&descriptor, 1, -1) < 0 {
      let error = SystemError.current
      if error.code != EINTR { throw error }
    }
  }
}
