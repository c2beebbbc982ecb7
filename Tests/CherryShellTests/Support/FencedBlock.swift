import Foundation

/// A fenced code block of a Markdown file, and what its info string says about it.
///
/// The info string's first word is the block's language, which GitHub shows
/// nothing of; the words after it are for the README walk-through only:
/// `no-run` (or `no-run: why`) keeps the block from running, and `file=NAME`
/// names the file a `cherryrc` block is saved as.
struct FencedBlock: Equatable {
  /// The line of the opening fence, from 1.
  let line: Int
  /// The info string's first word (`sh`, `cherry`); empty when there is none.
  let language: String
  /// Whether the block is only parsed, never run.
  let noRun: Bool
  /// The `file=NAME` attribute.
  let fileName: String?
  /// Info string words that mean nothing here (a typo in `no-run`, say).
  let unknownAttributes: [String]
  /// The lines between the fences.
  let lines: [String]

  /// Every fenced block of a CommonMark text, in order.
  ///
  /// - Parameter markdown: The text.
  /// - Returns: The blocks; an unclosed block runs to the end, as CommonMark says.
  static func all(in markdown: String) -> [FencedBlock] {
    var blocks: [FencedBlock] = []
    var open: (line: Int, fence: String, indent: Int, info: String)?
    var body: [String] = []
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (offset, line) in lines.enumerated() {
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      if let current = open {
        let closing = rest.prefix { $0 == current.fence.first }
        if indent < 4, closing.count >= current.fence.count,
          rest.dropFirst(closing.count).allSatisfy(\.isWhitespace)
        {
          blocks.append(make(line: current.line, info: current.info, lines: body))
          open = nil
        } else {
          body.append(String(line.dropFirst(min(indent, current.indent))))
        }
        continue
      }
      guard indent < 4, let marker = rest.first, marker == "`" || marker == "~" else { continue }
      let fence = rest.prefix { $0 == marker }
      let info = rest.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
      guard fence.count >= 3, marker == "~" || !info.contains("`") else { continue }
      open = (offset + 1, String(fence), indent, info)
      body = []
    }
    if let current = open {
      blocks.append(make(line: current.line, info: current.info, lines: body))
    }
    return blocks
  }

  private static func make(line: Int, info: String, lines: [String]) -> FencedBlock {
    var words = info.split(separator: " ").map(String.init)
    let language = words.isEmpty ? "" : words.removeFirst()
    var noRun = false
    var fileName: String?
    var unknown: [String] = []
    for word in words {
      if word == "no-run" || word == "no-run:" {
        noRun = true
        break  // the rest says why
      } else if word.hasPrefix("file=") {
        fileName = String(word.dropFirst("file=".count))
      } else {
        unknown.append(word)
      }
    }
    return FencedBlock(
      line: line, language: language, noRun: noRun, fileName: fileName,
      unknownAttributes: unknown, lines: lines)
  }
}
