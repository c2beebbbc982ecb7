/// The byte-level test behind ``KeyMask/looksLikeKey(_:)``.
///
/// It answers whether one token (no whitespace, no commas, no quotes around it)
/// looks like a secret.
///
/// Model ids are the hard case: `claude-3-5-sonnet-20241022` is long and mixes
/// letters and digits, yet every part of it between `-`, `.`, `/`, `:` or `_` is a
/// short word, a version or a date, each all letters or all digits. Random keys are
/// one long run in which letters and digits alternate. So a token is a key when it
/// has a known key prefix, is a UUID, or is 20 characters or more with a run of 16
/// or more letters and digits that holds both.
enum KeyHeuristics {
  /// A known key prefix and how much must follow it before it counts.
  private struct Prefix {
    let bytes: [UInt8]
    let minimumRest: Int
    /// Whether the rest must look random (a digit, or both letter cases), because
    /// the prefix alone could begin an ordinary word (`hf_transfer`).
    let needsRandomRest: Bool

    init(_ text: String, rest: Int, random: Bool) {
      bytes = Array(text.utf8)
      minimumRest = rest
      needsRandomRest = random
    }
  }

  /// The known prefixes: `sk-` and the usual vendor prefixes.
  ///
  /// `sk-` (OpenAI, Anthropic's `sk-ant-`, OpenRouter's `sk-or-`, DeepSeek, the
  /// seed's `sk-xxxx1`) counts with one character after it: no word or model id
  /// starts with it.
  private static let prefixes: [Prefix] = [
    Prefix("sk-", rest: 1, random: false),
    Prefix("sk_", rest: 1, random: false),
    Prefix("AIza", rest: 16, random: false),
    Prefix("AKIA", rest: 12, random: true),
    Prefix("xai-", rest: 8, random: true),
    Prefix("gsk_", rest: 8, random: true),
    Prefix("ghp_", rest: 8, random: true),
    Prefix("gho_", rest: 8, random: true),
    Prefix("ghu_", rest: 8, random: true),
    Prefix("ghs_", rest: 8, random: true),
    Prefix("github_pat_", rest: 8, random: true),
    Prefix("hf_", rest: 8, random: true),
    Prefix("pplx-", rest: 8, random: true),
    Prefix("r8_", rest: 8, random: true),
    Prefix("nvapi-", rest: 8, random: true),
    Prefix("glpat-", rest: 8, random: true),
    Prefix("xoxb-", rest: 8, random: true),
    Prefix("xoxp-", rest: 8, random: true),
    Prefix("tvly-", rest: 8, random: true),
    Prefix("csk-", rest: 8, random: true),
    Prefix("fw_", rest: 8, random: true),
    Prefix("jina_", rest: 8, random: true),
  ]

  /// Whether a token looks like a secret.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 bytes holding the token.
  ///   - range: The token's bytes, already cut out of a line and unquoted.
  /// - Returns: `true` for a known-prefix key, a UUID or a long random token.
  static func isKeyToken(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let token = UnsafeBufferPointer(rebasing: bytes[range])
    let count = token.count
    guard count >= 4 else { return false }
    if hasPrefix(token, envPrefix) { return false }
    for prefix in prefixes where hasPrefix(token, prefix.bytes) {
      let rest = UnsafeBufferPointer(rebasing: token[prefix.bytes.count...])
      guard rest.count >= prefix.minimumRest else { continue }
      if !prefix.needsRandomRest || looksRandom(rest) { return true }
    }
    if count == 36, isUUID(token) { return true }
    guard count >= 20 else { return false }
    return isRandomToken(token)
  }

  // MARK: - Private

  private static let envPrefix = Array("env:".utf8)

  private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
    guard bytes.count >= prefix.count else { return false }
    for index in prefix.indices where bytes[index] != prefix[index] { return false }
    return true
  }

  /// A digit, or both an upper- and a lower-case letter.
  private static func looksRandom(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var upper = false
    var lower = false
    for byte in bytes {
      if isDigit(byte) { return true }
      if byte >= 0x41 && byte <= 0x5A { upper = true }
      if byte >= 0x61 && byte <= 0x7A { lower = true }
    }
    return upper && lower
  }

  /// 8-4-4-4-12 hexadecimal digits: Volcengine and others issue UUID keys.
  private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    var letters = 0
    for (position, byte) in bytes.enumerated() {
      if position == 8 || position == 13 || position == 18 || position == 23 {
        guard byte == 0x2D else { return false }
      } else if isDigit(byte) {
        digits += 1
      } else if (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46) {
        letters += 1
      } else {
        return false
      }
    }
    return digits > 0 && letters > 0
  }

  /// Only URL-safe and base64 characters, not a URL or a path, and a run of 16 or
  /// more letters and digits that holds both.
  private static func isRandomToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, first != 0x2F, first != 0x2E, first != 0x7E else {
      return false
    }
    var run = 0
    var runLetters = false
    var runDigits = false
    var found = false
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in bytes {
      // "://" marks a URL, whose path parts are never secrets in themselves.
      if byte == 0x2F && previous == 0x2F && beforePrevious == 0x3A { return false }
      beforePrevious = previous
      previous = byte
      let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      let digit = isDigit(byte)
      if letter || digit {
        run += 1
        runLetters = runLetters || letter
        runDigits = runDigits || digit
        if run >= 16 && runLetters && runDigits { found = true }
        continue
      }
      switch byte {
      case 0x2D, 0x5F, 0x2E, 0x3D, 0x2B, 0x2F, 0x3A, 0x7E:  // - _ . = + / : ~
        run = 0
        runLetters = false
        runDigits = false
      default:
        return false
      }
    }
    return found
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
