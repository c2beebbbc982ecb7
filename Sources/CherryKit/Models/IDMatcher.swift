/// Fast, regex-free matching over a lower-cased model id (DESIGN §5: 10,000 ids must
/// classify in well under 100 ms, so no Swift Regex and no NSRegularExpression).
///
/// Every pattern of every kind rule lives in one ``IDPatternTable``; one scan of an id
/// finds all the patterns it contains and returns them as a bit set of features
/// (``IDFeatures``), which the rules then combine. "Word" follows JavaScript's `\w`
/// (`[A-Za-z0-9_]`), because Cherry Studio's rules are JavaScript regexes whose `\b`
/// boundaries decide what matches.
enum IDBytes {
  /// Whether a byte is a JavaScript `\w` character (the text is lower-cased).
  @inline(__always)
  static func isWord(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 95
  }

  /// Whether a byte is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  /// Lower-cases ASCII letters; other bytes are kept (they never match a pattern).
  @inline(__always)
  static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

  /// Whether `text` starts with `prefix`.
  static func hasPrefix(_ text: [UInt8], _ prefix: [UInt8]) -> Bool {
    guard text.count >= prefix.count else { return false }
    var i = 0
    while i < prefix.count {
      if text[i] != prefix[i] { return false }
      i += 1
    }
    return true
  }

  /// Whether `text`, ASCII letters lower-cased, contains `pattern` (lower case).
  static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
    guard !pattern.isEmpty, text.count >= pattern.count else { return pattern.isEmpty }
    var start = 0
    while start <= text.count - pattern.count {
      var i = 0
      while i < pattern.count, lower(text[start + i]) == pattern[i] { i += 1 }
      if i == pattern.count { return true }
      start += 1
    }
    return false
  }

  /// Whether `text` ends with `suffix`.
  static func hasSuffix(_ text: [UInt8], _ suffix: [UInt8]) -> Bool {
    let offset = text.count - suffix.count
    guard offset >= 0 else { return false }
    var i = 0
    while i < suffix.count {
      if text[offset + i] != suffix[i] { return false }
      i += 1
    }
    return true
  }
}

/// A set of named pattern groups that matched an id (one bit per group).
struct IDFeatures: OptionSet, Sendable {
  /// The bits.
  let rawValue: UInt64
}

/// One pattern: a lower-case literal in which `#` stands for one or more digits, with
/// optional word boundaries before and after (JavaScript `\b` semantics).
struct IDPattern: Sendable {
  /// The pattern text.
  let text: String
  /// Require a word boundary before the match (`\bX`).
  let boundaryBefore: Bool
  /// Require a word boundary after the match (`X\b`).
  let boundaryAfter: Bool

  /// `\bX\b`: the literal as a whole word; `gpt-4o` matches `gpt-4o-mini`, not `gpt-4omni`.
  static func word(_ text: String) -> IDPattern {
    IDPattern(text: text, boundaryBefore: true, boundaryAfter: true)
  }

  /// `\bX`: the literal at the start of a word.
  static func prefix(_ text: String) -> IDPattern {
    IDPattern(text: text, boundaryBefore: true, boundaryAfter: false)
  }

  /// `X`: the literal anywhere.
  static func sub(_ text: String) -> IDPattern {
    IDPattern(text: text, boundaryBefore: false, boundaryAfter: false)
  }
}

/// All patterns, stored flat and bucketed by their first two bytes, so that scanning
/// an id costs one bucket lookup per position and almost no failed comparisons.
///
/// The storage is a few flat arrays walked through unsafe buffer pointers: debug
/// builds (where tests run) are otherwise several times slower.
struct IDPatternTable: Sendable {
  /// Every pattern's bytes, concatenated.
  private let bytes: [UInt8]
  /// Per pattern, four slots: start offset in ``bytes``, length, flags (bit 0 boundary
  /// before, bit 1 boundary after) and the feature bits it sets.
  private let meta: [UInt64]
  /// Bucket `k` (two 7-bit bytes) holds the entries `bucketStart[k]..<bucketStart[k+1]`
  /// of ``bucketItems``.
  private let bucketStart: [Int32]
  /// Pattern indexes, grouped by bucket.
  private let bucketItems: [Int32]

  /// The digit bytes a `#` stands for when it is a pattern's second byte.
  private static let digits: [UInt8] = Array("0123456789".utf8)

  /// Builds the table from (feature, pattern) pairs; every pattern must be at least
  /// two bytes long and start with a literal.
  init(_ entries: [(IDFeatures, IDPattern)]) {
    var bytes: [UInt8] = []
    var meta: [UInt64] = []
    var buckets = [[Int32]](repeating: [], count: 128 * 128)
    for (feature, pattern) in entries {
      let p = Array(pattern.text.utf8)
      guard p.count >= 2, p[0] < 128, p[0] != 35, p[1] < 128 else { continue }
      let index = Int32(meta.count / 4)
      meta.append(UInt64(bytes.count))
      meta.append(UInt64(p.count))
      meta.append((pattern.boundaryBefore ? 1 : 0) | (pattern.boundaryAfter ? 2 : 0))
      meta.append(feature.rawValue)
      bytes.append(contentsOf: p)
      let seconds = p[1] == 35 ? Self.digits : [p[1]]
      for second in seconds { buckets[Int(p[0]) << 7 | Int(second)].append(index) }
    }
    var bucketStart: [Int32] = []
    var bucketItems: [Int32] = []
    bucketStart.reserveCapacity(buckets.count + 1)
    for bucket in buckets {
      bucketStart.append(Int32(bucketItems.count))
      bucketItems.append(contentsOf: bucket)
    }
    bucketStart.append(Int32(bucketItems.count))
    self.bytes = bytes
    self.meta = meta
    self.bucketStart = bucketStart
    self.bucketItems = bucketItems
  }

  /// The features of every pattern that occurs in the (lower-cased) text.
  func scan(_ text: [UInt8]) -> IDFeatures {
    guard text.count >= 2 else { return IDFeatures(rawValue: 0) }
    return text.withUnsafeBufferPointer { t in
      bytes.withUnsafeBufferPointer { pb in
        meta.withUnsafeBufferPointer { m in
          bucketStart.withUnsafeBufferPointer { bs in
            bucketItems.withUnsafeBufferPointer { bi in
              Self.scan(t, pb, m, bs, bi)
            }
          }
        }
      }
    }
  }

  /// The scan loop proper, over raw buffers.
  private static func scan(
    _ t: UnsafeBufferPointer<UInt8>, _ pb: UnsafeBufferPointer<UInt8>,
    _ m: UnsafeBufferPointer<UInt64>, _ bs: UnsafeBufferPointer<Int32>,
    _ bi: UnsafeBufferPointer<Int32>
  ) -> IDFeatures {
    var found: UInt64 = 0
    let last = t.count - 1
    var i = 0
    while i < last {
      let b0 = t[i]
      let b1 = t[i + 1]
      if b0 < 128 && b1 < 128 {
        let key = Int(b0) << 7 | Int(b1)
        var k = Int(bs[key])
        let end = Int(bs[key + 1])
        while k < end {
          let slot = Int(bi[k]) * 4
          let feature = m[slot + 3]
          if feature & found == 0,
            matches(
              t, at: i, pattern: pb, start: Int(m[slot]), length: Int(m[slot + 1]),
              flags: m[slot + 2])
          {
            found |= feature
          }
          k += 1
        }
      }
      i += 1
    }
    return IDFeatures(rawValue: found)
  }

  /// Whether the pattern at `start..<start+length` of `p` matches `t` at `i`.
  @inline(__always)
  private static func matches(
    _ t: UnsafeBufferPointer<UInt8>, at i: Int, pattern p: UnsafeBufferPointer<UInt8>, start: Int,
    length: Int, flags: UInt64
  ) -> Bool {
    if flags & 1 != 0, i > 0, IDBytes.isWord(t[i - 1]) == IDBytes.isWord(t[i]) { return false }
    let n = t.count
    var ti = i
    var pi = start
    let pend = start + length
    while pi < pend {
      let b = p[pi]
      if b == 35 {
        guard ti < n, IDBytes.isDigit(t[ti]) else { return false }
        while ti < n, IDBytes.isDigit(t[ti]) { ti += 1 }
      } else {
        guard ti < n, t[ti] == b else { return false }
        ti += 1
      }
      pi += 1
    }
    if flags & 2 != 0, ti < n, IDBytes.isWord(t[ti - 1]) == IDBytes.isWord(t[ti]) {
      return false
    }
    return true
  }
}
