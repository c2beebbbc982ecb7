/// Shell-style globs for `+ 'gpt-4o*'` and `manage <pattern>` (DESIGN §1.3).
///
/// `*` matches any run of characters, `?` one character, `[abc]`, `[a-z]` and
/// `[!a]`/`[^a]` one character of (or not of) a set. Matching is case-insensitive
/// and covers the whole text. A `[` without a closing `]` is a literal `[`.
public enum Glob {
  /// Whether the text contains a glob metacharacter (`*`, `?` or `[`).
  ///
  /// - Parameter text: A term or pattern.
  /// - Returns: `true` when it should be matched as a glob.
  public static func isPattern(_ text: String) -> Bool {
    text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
  }

  /// Whether the whole text matches the pattern, ignoring case.
  ///
  /// - Parameters:
  ///   - pattern: The glob.
  ///   - text: The text, e.g. a model id.
  /// - Returns: `true` on a match.
  public static func matches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.lowercased())
    let t = Array(text.lowercased())
    // Iterative matcher with single-star backtracking: linear in practice, and no
    // exponential blow-up on patterns like `*a*a*a*b`.
    var pi = 0
    var ti = 0
    var starP = -1
    var starT = 0
    while ti < t.count {
      if pi < p.count, p[pi] == "*" {
        starP = pi
        starT = ti
        pi += 1
        continue
      }
      if pi < p.count, let next = matchOne(p, pi, t[ti]) {
        pi = next
        ti += 1
        continue
      }
      guard starP >= 0 else { return false }
      pi = starP + 1
      starT += 1
      ti = starT
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
  }

  /// Matches one pattern element at `index` against `character`; returns the index
  /// after the element on a match.
  private static func matchOne(_ p: [Character], _ index: Int, _ character: Character) -> Int? {
    switch p[index] {
    case "?":
      return index + 1
    case "[":
      guard let (matched, end) = matchClass(p, index, character) else {
        return character == "[" ? index + 1 : nil
      }
      return matched ? end : nil
    default:
      return p[index] == character ? index + 1 : nil
    }
  }

  /// Matches a `[...]` class starting at `open`; `nil` when the class is not closed.
  private static func matchClass(_ p: [Character], _ open: Int, _ c: Character) -> (Bool, Int)? {
    var i = open + 1
    var negate = false
    if i < p.count, p[i] == "!" || p[i] == "^" {
      negate = true
      i += 1
    }
    var found = false
    var first = true
    while i < p.count {
      if p[i] == "]", !first { return (found != negate, i + 1) }
      first = false
      if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
        if p[i] <= c && c <= p[i + 2] { found = true }
        i += 3
      } else {
        if p[i] == c { found = true }
        i += 1
      }
    }
    return nil
  }
}
