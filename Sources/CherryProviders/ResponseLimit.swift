import AsyncHTTPClient
import NIOCore

/// Reads a response body into memory under a cap (issue 4: "a cap on the response
/// size"), so a wrong URL that streams a huge file cannot exhaust memory.
enum ResponseLimit {
  /// The most bytes of an error body kept for its message.
  static let errorBodyBytes = 64 * 1024

  /// Reads the whole body, failing once it exceeds the cap.
  ///
  /// - Parameters:
  ///   - response: The response.
  ///   - limit: The cap, in bytes.
  /// - Returns: The body's bytes.
  /// - Throws: ``ResponseTooLargeError`` past the cap (at once when `content-length`
  ///   already says so), or the transport's error.
  static func collect(_ response: HTTPClientResponse, limit: Int) async throws -> [UInt8] {
    if let length = response.headers.first(name: "content-length").flatMap(Int.init),
      length > limit
    {
      throw ResponseTooLargeError(limit: limit)
    }
    var bytes: [UInt8] = []
    for try await chunk in response.body {
      guard bytes.count + chunk.readableBytes <= limit else {
        throw ResponseTooLargeError(limit: limit)
      }
      bytes.append(contentsOf: chunk.readableBytesView)
    }
    return bytes
  }

  /// Reads the start of a body, dropping the rest (an error body: only its message
  /// matters).
  ///
  /// - Parameters:
  ///   - response: The response.
  ///   - limit: The most bytes kept.
  /// - Returns: Up to `limit` bytes; an empty array when reading fails.
  static func prefix(_ response: HTTPClientResponse, limit: Int) async -> [UInt8] {
    var bytes: [UInt8] = []
    do {
      for try await chunk in response.body {
        bytes.append(contentsOf: chunk.readableBytesView.prefix(limit - bytes.count))
        if bytes.count >= limit { break }
      }
    } catch {
      // A body cut short still has its start, which is where the message is.
    }
    return bytes
  }
}
