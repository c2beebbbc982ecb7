/// A word for a POSIX shell (`eval`, a command to paste): single-quoted unless it is
/// made only of characters the shell leaves alone.
enum ShellWord {
  /// Quotes a word.
  ///
  /// - Parameter word: The word.
  /// - Returns: The word, or `'…'` with each `'` written `'\''`.
  static func quote(_ word: String) -> String {
    let plain = word.unicodeScalars.allSatisfy {
      $0.isASCII
        && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
          || "/._-+:@%,=".unicodeScalars.contains($0))
    }
    if plain, !word.isEmpty { return word }
    return "'"
      + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
      + "'"
  }
}
