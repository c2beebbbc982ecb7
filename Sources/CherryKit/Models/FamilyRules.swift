/// The app's anchored model-family regexes, written as byte tests on the lower-cased
/// base name (``ModelKindInference/baseName(of:)``).
///
/// Each runs only when the pattern table found its marker (`deepseek-v`, `qwen`,
/// `kimi-k`), so the 10,000-model listing of DESIGN §5 pays for them only on the ids
/// they concern.
enum FamilyRules {
  typealias F = KindRules.F

  /// DeepSeek's hybrid models (`isDeepSeekHybridInferenceModel`): `deepseek-chat`
  /// anywhere, `deepseek-v3.N` or `deepseek-v3-N` with at most one more part
  /// (`(\w+-)?deepseek-v3(?:\.\d|-\d)(?:[.-](?!speciale$)\w+)?$`), and V4 and later
  /// (`deepseek-v([4-9]|\d{2,})([.-]\w+)*$`, before any `:provider` suffix).
  static func isDeepSeekHybrid(_ f: IDFeatures, base: [UInt8]) -> Bool {
    if f.contains(F.deepSeekChat) { return true }
    guard f.contains(F.deepSeekV) else { return false }
    let marker = Array("deepseek-v".utf8)
    for start in occurrences(of: marker, in: base) {
      let rest = base[(start + marker.count)...]
      if isV3Point(rest) || isV4Plus(rest.prefix { $0 != UInt8(ascii: ":") }) { return true }
    }
    return false
  }

  /// `3`, then `.d` or `-d`, then optionally one `[.-]\w+` that is not `speciale`, then
  /// the end.
  private static func isV3Point(_ rest: ArraySlice<UInt8>) -> Bool {
    let bytes = Array(rest)
    guard bytes.count >= 3, bytes[0] == UInt8(ascii: "3"), isDotOrDash(bytes[1]),
      IDBytes.isDigit(bytes[2])
    else { return false }
    let tail = bytes[3...]
    if tail.isEmpty { return true }
    guard let first = tail.first, isDotOrDash(first) else { return false }
    let word = tail.dropFirst()
    return !word.isEmpty && word.allSatisfy(IDBytes.isWord)
      && word.elementsEqual("speciale".utf8) == false
  }

  /// `[4-9]` or two digits or more, then `[.-]\w+` parts to the end.
  private static func isV4Plus(_ rest: ArraySlice<UInt8>) -> Bool {
    let digits = rest.prefix(while: IDBytes.isDigit)
    guard let first = digits.first else { return false }
    guard digits.count >= 2 || first >= UInt8(ascii: "4") else { return false }
    return isDottedParts(rest.dropFirst(digits.count))
  }

  /// The words that keep a Qwen model from thinking, as UTF-8.
  private static let qwenNotThinking = [
    "coder", "asr", "tts", "reranker", "embedding", "instruct", "thinking",
  ].map { Array($0.utf8) }

  /// Qwen models that think (`isQwenReasoningModel` without its `qwq`, `qvq` and
  /// "thinking" parts, which are plain substrings): those with thinking control.
  static func isQwenThinking(_ f: IDFeatures, base: [UInt8]) -> Bool {
    guard f.contains(F.qwen), IDBytes.hasPrefix(base, Array("qwen".utf8)) else { return false }
    for excluded in qwenNotThinking where IDBytes.contains(base, excluded) { return false }
    let text = String(decoding: base, as: UTF8.self)
    let rest = text.dropFirst(4)
    // qwen3.5 … qwen3.9: every model.
    if rest.hasPrefix("3."), let digit = rest.dropFirst(2).first, ("5"..."9").contains(digit) {
      return true
    }
    for name in ["-plus", "-flash", "-turbo", "-max-latest"] where endsPart(rest, after: name) {
      return true
    }
    if endsPart(rest, after: "3-max"), !rest.hasPrefix("3-max-2025-09-23") { return true }
    // Open-weight Qwen3 with a size: qwen3-8b, qwen3-235b-a22b.
    return rest.hasPrefix("3-") && rest.dropFirst(2).first?.isNumber == true
  }

  /// Kimi's thinking models (`isKimiReasoningModel`): `kimi-k2-thinking(-turbo)`
  /// exactly, and K2.5 and later, K3 and later, with any `.`/`-` parts.
  static func isKimiReasoning(_ f: IDFeatures, base: [UInt8]) -> Bool {
    guard f.contains(F.kimi) else { return false }
    let text = String(decoding: base, as: UTF8.self)
    if text == "kimi-k2-thinking" || text == "kimi-k2-thinking-turbo" { return true }
    guard text.hasPrefix("kimi-k") else { return false }
    let rest = base[6...]
    if rest.starts(with: "2.".utf8) {
      let after = rest.dropFirst(2)
      guard let digit = after.first, digit >= UInt8(ascii: "5"), digit <= UInt8(ascii: "9") else {
        return false
      }
      return isDottedParts(after.drop(while: IDBytes.isDigit))
    }
    guard let digit = rest.first, digit >= UInt8(ascii: "3"), digit <= UInt8(ascii: "9") else {
      return false
    }
    return isDottedParts(rest.drop(while: IDBytes.isDigit))
  }

  /// Kimi K3 and later (`kimiK3Plus`: `kimi-k[3-9]\d*` anywhere, or a bare `k3`…`k9`
  /// id), which call tools like the K2 line.
  static func isKimiK3Plus(_ f: IDFeatures, base: [UInt8]) -> Bool {
    if base.count >= 2, base[0] == UInt8(ascii: "k"), base[1] >= UInt8(ascii: "3"),
      base[1] <= UInt8(ascii: "9"),
      base.count == 2
        || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(base[2])
    {
      return true
    }
    guard f.contains(F.kimi) else { return false }
    let marker = Array("kimi-k".utf8)
    return occurrences(of: marker, in: base).contains { start in
      let index = start + marker.count
      return index < base.count && base[index] >= UInt8(ascii: "3")
        && base[index] <= UInt8(ascii: "9")
    }
  }

  /// Vision by exact id: MiMo V2.5 is the only full-modal MiMo chat model
  /// (`mimo-v2.5-pro` and the TTS models are not).
  static func isVisionExact(_ base: [UInt8]) -> Bool {
    base.elementsEqual("mimo-v2.5".utf8)
  }

  /// Reasoning by exact id: the MiMo models with thinking control, Baichuan M2 and M3.
  static func isReasoningExact(_ base: [UInt8]) -> Bool {
    exactReasoning.contains { $0.count == base.count && $0 == base }
  }

  private static let exactReasoning: [[UInt8]] = [
    "mimo-v2-flash", "mimo-v2-pro", "mimo-v2-omni", "mimo-v2.5", "mimo-v2.5-pro", "baichuan-m2",
    "baichuan-m3",
  ].map { Array($0.utf8) }

  // MARK: - Bytes

  /// `([.-]\w+)*` to the end.
  private static func isDottedParts(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      guard isDotOrDash(bytes[index]) else { return false }
      index += 1
      let start = index
      while index < bytes.endIndex, IDBytes.isWord(bytes[index]) { index += 1 }
      guard index > start else { return false }
    }
    return true
  }

  /// Whether `text` starts with `part` followed by `-` or its end (`(?:-|$)`).
  private static func endsPart(_ text: Substring, after part: String) -> Bool {
    guard text.hasPrefix(part) else { return false }
    let next = text.dropFirst(part.count).first
    return next == nil || next == "-"
  }

  private static func isDotOrDash(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
  }

  private static func occurrences(of marker: [UInt8], in bytes: [UInt8]) -> [Int] {
    guard bytes.count >= marker.count else { return [] }
    return (0...(bytes.count - marker.count)).filter { start in
      bytes[start..<(start + marker.count)].elementsEqual(marker)
    }
  }
}
