import Glibc

extension SystemCall {
  /// `read(2)` into `buffer`, retried when a signal interrupts it.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - buffer: Where the bytes go; at most its size is read.
  ///   - stopsOnSignal: Asked after each interruption; when it returns `true` the read
  ///     stops with `EINTR` instead of being retried (a secret prompt that Ctrl-C
  ///     must end). By default every interruption is retried.
  /// - Returns: The number of bytes read; 0 at the end of the input.
  /// - Throws: ``SystemError``, also `EAGAIN` for a non-blocking descriptor with
  ///   nothing to read yet (its owner decides how to wait).
  package static func read(
    _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer,
    stopsOnSignal: () -> Bool = { false }
  ) throws(SystemError) -> Int {
    while true {
      let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      let error = SystemError.current
      guard error.code == EINTR, !stopsOnSignal() else { throw error }
    }
  }

  /// Reads `fd` to its end.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - limit: The most bytes accepted: reading stops as soon as more arrive, so a
  ///     huge or endless input (`/dev/zero`) costs at most this much memory.
  /// - Returns: Every byte, or `nil` when there were more than `limit`.
  /// - Throws: ``SystemError`` from ``read(_:into:stopsOnSignal:)``.
  package static func readAll(_ fd: Int32, limit: Int) throws(SystemError) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      var failure: SystemError?
      let count = chunk.withUnsafeMutableBytes { buffer in
        do throws(SystemError) {
          return try read(fd, into: buffer)
        } catch {
          failure = error
          return 0
        }
      }
      if let failure { throw failure }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit { return nil }
    }
  }
}
