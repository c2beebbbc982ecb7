/// A request that outlived its total time limit (the test's `--timeout`).
struct TotalTimeoutError: Error {}

/// A response body larger than the cap.
struct ResponseTooLargeError: Error {
  /// The cap, in bytes.
  var limit: Int
}

/// A model list with more entries than cherry keeps (DESIGN §2.4: 200,000).
struct TooManyModelsError: Error {
  /// The cap, in entries.
  var limit: Int
}

/// A body that is not what the style sends.
struct MalformedResponseError: Error {
  /// What was wrong, in a few words.
  var reason: String
  /// The start of what came instead, as it came: it is masked before it is cut short
  /// for the message, so a secret it echoes never shows in part.
  var excerpt: String?

  /// Creates the error.
  ///
  /// - Parameters:
  ///   - reason: What was wrong.
  ///   - excerpt: The start of what came (a few KiB at most), or `nil`.
  init(reason: String, excerpt: String? = nil) {
    self.reason = reason
    self.excerpt = excerpt
  }

  /// The most bytes of a body kept as an excerpt.
  static let excerptBytes = 4096

  /// An excerpt of a body: its first bytes as text.
  ///
  /// - Parameter bytes: The body.
  /// - Returns: Up to ``excerptBytes`` bytes, decoded as UTF-8, trimmed.
  static func excerpt(of bytes: some Collection<UInt8>) -> String {
    String(decoding: bytes.prefix(excerptBytes), as: UTF8.self).trimmingWhitespace
  }
}
