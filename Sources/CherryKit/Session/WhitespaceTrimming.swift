extension StringProtocol {
  /// The text without whitespace (spaces, tabs, line breaks, and Unicode's other
  /// white space) at either end; the text a user meant when they typed a value.
  ///
  /// The one trim of the package: every layer trims with it, so "whitespace"
  /// means one thing everywhere.
  package var trimmingWhitespace: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}
