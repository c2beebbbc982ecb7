/// Long text broken at word boundaries to fit a width (help, long messages).
///
/// Widths are terminal columns (``TextTable/width(_:)``), so CJK text and colour
/// codes wrap where they show.
enum TextWrap {
  /// Breaks a paragraph into lines of at most `width` columns; a word longer than
  /// the width stays whole on its own line.
  ///
  /// - Parameters:
  ///   - text: The paragraph (spaces separate words; newlines are kept).
  ///   - width: The columns available.
  ///   - indent: Put before every line.
  /// - Returns: The lines.
  static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      var lineWidth = 0
      let room = max(10, width - TextTable.width(indent))
      for word in paragraph.split(separator: " ") {
        let wordWidth = TextTable.width(String(word))
        if lineWidth > 0 && lineWidth + 1 + wordWidth > room {
          lines.append(indent + line)
          line = ""
          lineWidth = 0
        }
        if lineWidth > 0 {
          line += " "
          lineWidth += 1
        }
        line += word
        lineWidth += wordWidth
      }
      lines.append(indent + line)
    }
    return lines
  }

  /// A term and its description: the term in the first column, the description
  /// wrapped in the second (a term too wide for its column gets a line of its own).
  ///
  /// - Parameters:
  ///   - term: The left text.
  ///   - text: The description.
  ///   - column: Where the description starts, counted after `indent`.
  ///   - width: The columns available.
  ///   - indent: Put before every line.
  /// - Returns: The lines.
  static func hanging(
    _ term: String, _ text: String, column: Int, width: Int, indent: String = ""
  ) -> [String] {
    let pad = String(repeating: " ", count: column)
    let body = wrap(text, width: width, indent: indent + pad)
    let termWidth = TextTable.width(term)
    guard termWidth + 2 <= column, let first = body.first else {
      return [indent + term] + body
    }
    let start = first.index(first.startIndex, offsetBy: indent.count + column)
    return [indent + term + String(repeating: " ", count: column - termWidth) + first[start...]]
      + body.dropFirst()
  }
}
