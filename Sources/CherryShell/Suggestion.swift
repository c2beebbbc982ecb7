import CherryKit

/// "Did you mean": the closest word by edit distance (DESIGN §2.2).
enum Suggestion {
  /// The closest command name or alias to an unknown word, or `nil` when none is
  /// close.
  ///
  /// A word that looks like a key gets no suggestion (it is never echoed).
  static func closestCommand(to word: String) -> String? {
    guard !KeyMask.looksLikeKey(word) else { return nil }
    return closest(to: word, among: CommandTable.all.flatMap(\.allNames))
  }

  /// The closest of `candidates` to `word`: at most a third of the word's length
  /// (and at least 1, at most 3) edits away, ties going to the earlier candidate.
  static func closest(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    let limit = min(3, max(1, target.count / 3))
    var best: (String, Int)?
    for candidate in candidates where candidate.lowercased() != word.lowercased() {
      // Never suggest what was typed: it is no help, and it means the word is
      // known somewhere else (a catalogue entry this session does not hold).
      let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
      if distance <= limit, best == nil || distance < (best?.1 ?? .max) {
        best = (candidate, distance)
      }
    }
    // A prefix is a good guess too: `prov` → `providers`.
    if best == nil, target.count >= 2,
      let prefixed = candidates.first(where: {
        $0.lowercased().hasPrefix(word.lowercased()) && $0.lowercased() != word.lowercased()
      })
    {
      return prefixed
    }
    return best?.0
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit,
  /// giving up early once every cell passes `limit`.
  static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previousPrevious[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }
}
