/// Hides keys in everything cherry prints or records (DESIGN §1.1): key lists, echoed
/// script lines, history, error messages and traces.
///
/// ``mask(_:)`` follows Cherry Studio's `maskApiKey`, except that a short key is
/// hidden too. ``looksLikeKey(_:)`` and ``maskLine(_:)`` run on every echoed line,
/// so they scan UTF-8 bytes and allocate only when something is masked.
public enum KeyMask {
  /// Masks one key.
  ///
  /// Longer than 24 characters: the first 8, `****`, the last 8; 17–24: 4 and 4;
  /// 9–16: 2 and 2; 8 or fewer: `****`. An `env:NAME` reference is not a secret and
  /// is returned as is.
  ///
  /// - Parameter key: A literal key or an `env:NAME` reference.
  /// - Returns: The masked form, never the whole key.
  public static func mask(_ key: String) -> String {
    if APIKeyList.referenceName(key[...]) != nil { return key }
    let count = key.count
    let kept: Int
    switch count {
    case 25...: kept = 8
    case 17...24: kept = 4
    case 9...16: kept = 2
    default: return "****"
    }
    return String(key.prefix(kept)) + "****" + String(key.suffix(kept))
  }

  /// Whether a word looks like a secret that must not be echoed.
  ///
  /// It catches keys with a known prefix (`sk-…`, `sk-ant-…`, `AIza…`, `gsk_…`,
  /// `hf_…`, …), UUIDs, and long random-looking tokens (20 or more characters with
  /// a run of 16 or more letters and digits mixed). It leaves alone ordinary words,
  /// commands, URLs, paths, `env:NAME`, provider ids and model ids such as
  /// `gpt-4o-mini` or `claude-3-5-sonnet-20241022`, whose parts are short words,
  /// numbers and dates. A comma list, `NAME=value` or `name:value`, and a URL query
  /// value are looked into, so the answer is `true` exactly when
  /// ``maskLine(_:)`` would change the word.
  ///
  /// - Parameter word: One word, without surrounding whitespace.
  /// - Returns: `true` when the word holds something that looks like a key.
  public static func looksLikeKey(_ word: String) -> Bool {
    var text = word
    return text.withUTF8 { bytes in
      var found = false
      KeyScanner.forEachSecret(in: bytes) { _ in found = true }
      return found
    }
  }

  /// Masks every key-looking word of a line, and each key-looking element of a
  /// comma list, leaving everything else (spacing included) as it was.
  ///
  /// Used for echoed script lines, history entries and any message that repeats
  /// the user's words.
  ///
  /// - Parameter line: A line of user input or output.
  /// - Returns: The line with each secret replaced by ``mask(_:)`` of it; the same
  ///   string when there is none.
  public static func maskLine(_ line: String) -> String {
    var text = line
    return text.withUTF8 { bytes in
      var result = ""
      var found = false
      var cursor = 0
      KeyScanner.forEachSecret(in: bytes) { secret in
        // Already masked (`sk-a****wxyz`): masking it again would hide less of
        // nothing and more of what tells keys apart.
        let star = UInt8(ascii: "*")
        if bytes[secret].indices.contains(where: { index in
          index + 3 < secret.upperBound && bytes[index] == star && bytes[index + 1] == star
            && bytes[index + 2] == star && bytes[index + 3] == star
        }) {
          return
        }
        if !found {
          found = true
          result.reserveCapacity(bytes.count)
        }
        result += String(decoding: bytes[cursor..<secret.lowerBound], as: UTF8.self)
        result += mask(String(decoding: bytes[secret], as: UTF8.self))
        cursor = secret.upperBound
      }
      guard found else { return line }
      result += String(decoding: bytes[cursor...], as: UTF8.self)
      return result
    }
  }
}
