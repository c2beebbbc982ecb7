/// What to hand libedit for one Tab press: the caller's candidates re-expressed
/// against the word libedit will replace.
///
/// The completer says where its word starts (`replaceFrom`, in Characters); libedit
/// has its own idea of the word (it splits at its break characters, such as `=`,
/// `"` or `$`) and replaces exactly that. When the two differ, each candidate is
/// cut or extended by the text between the two starts, so the line ends up as the
/// completer meant.
struct CompletionPlan: Equatable {
  /// libedit's matches array: `[replacement]` for a unique candidate, else
  /// `[common prefix, candidate, candidate, …]`; an empty replacement leaves the
  /// line as it is (libedit beeps, and a second Tab lists the candidates).
  var matches: [String]
  /// Whether a space follows a unique candidate (not after a directory's `/`).
  var appendsSpace: Bool

  /// Plans a completion, or returns `nil` when nothing fits.
  ///
  /// - Parameters:
  ///   - line: The line up to the cursor.
  ///   - wordStart: Where libedit's word starts, in Unicode scalars (libedit
  ///     counts wide characters, which on Linux are scalars).
  ///   - replaceFrom: Where the completer's word starts, in Characters.
  ///   - candidates: Full replacements for the completer's word.
  init?(line: String, wordStart: Int, replaceFrom: Int, candidates: [String]) {
    let scalars = Array(line.unicodeScalars)
    let libStart = min(max(wordStart, 0), scalars.count)
    let ourStart = line.prefix(max(replaceFrom, 0)).unicodeScalars.count

    var adjusted: [String] = []
    if ourStart <= libStart {
      let cut = Array(scalars[ourStart..<libStart])
      for candidate in candidates {
        let candidateScalars = Array(candidate.unicodeScalars)
        guard candidateScalars.starts(with: cut) else { continue }
        adjusted.append(Self.string(candidateScalars.dropFirst(cut.count)))
      }
    } else {
      let extra = Self.string(scalars[libStart..<ourStart])
      adjusted = candidates.map { extra + $0 }
    }

    var seen = Set<String>()
    adjusted = adjusted.filter { !$0.isEmpty && seen.insert($0).inserted }
    guard let first = adjusted.first else { return nil }

    if adjusted.count == 1 {
      matches = [first]
      appendsSpace = !first.hasSuffix("/")
      return
    }
    let typed = Array(scalars[libStart...])
    let common = Self.commonPrefix(adjusted)
    // A common prefix that does not extend what was typed (a completer may match
    // case-insensitively) would delete the user's text: leave the line instead.
    let extendsTyped = Array(common.unicodeScalars).starts(with: typed)
    matches = [extendsTyped ? common : ""] + adjusted
    appendsSpace = false
  }

  /// The longest common prefix, by Characters so a grapheme is never split.
  static func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map(Array.init) else { return "" }
    for word in words.dropFirst() {
      let characters = Array(word)
      var length = 0
      while length < prefix.count, length < characters.count,
        prefix[length] == characters[length]
      {
        length += 1
      }
      prefix.removeSubrange(length...)
    }
    return String(prefix)
  }

  /// A String from a run of scalars.
  private static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}
