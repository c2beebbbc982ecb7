/// Sets a manual in GitHub's Markdown, for the copy kept in the repository.
enum MarkdownWriter {
  /// The whole page.
  ///
  /// - Parameters:
  ///   - sections: The sections, in order.
  ///   - name: The program's name (`cherry`), for the title.
  /// - Returns: The Markdown text.
  static func page(_ sections: [ManPage.Section], name: String) -> String {
    var lines = [
      "# \(name)(1)", "",
      "<!-- Generated from the command table and the executable's flags; do not edit. After a change, CHERRY_UPDATE_DOCS=1 swift test --skip-build --filter ManPageTests rewrites it. -->",
      "",
      "The same text as `man \(name)` (which `scripts/install` installs). At the prompt, `help <command>` shows one command.",
    ]
    for section in sections {
      lines += ["", "## \(section.title.prefix(1) + section.title.dropFirst().lowercased())"]
      append(section.blocks, depth: 0, to: &lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func append(_ blocks: [ManPage.Block], depth: Int, to lines: inout [String]) {
    var previousWasItem = false
    for block in blocks {
      // Consecutive items make one list; anything else starts after a blank line.
      var isItem = false
      if case .item = block { isItem = true }
      if !(isItem && previousWasItem) { lines.append("") }
      previousWasItem = isItem
      switch block {
      case .paragraph(let spans):
        lines.append(text(spans))
      case .lines(let code):
        lines += ["```"] + code + ["```"]
      case .item(let term, let spans):
        lines.append("- \(literal(term)): \(text(spans))")
      case .part(let title, let inner):
        let level = String(repeating: "#", count: min(6, depth + 3))
        lines.append(level + " " + title.map(literal).joined(separator: ", "))
        append(inner, depth: depth + 1, to: &lines)
      }
    }
  }

  private static func text(_ spans: [ManPage.Span]) -> String {
    spans.map { span in
      switch span {
      case .text(let text): escape(text)
      case .literal(let text): literal(text)
      case .file(let path): "[\(literal(path))](\(relative(path)))"
      }
    }.joined()
  }

  /// A repository path as a link from `docs/`, where the page is kept.
  private static func relative(_ path: String) -> String {
    path.hasPrefix("docs/") ? String(path.dropFirst("docs/".count)) : "../" + path
  }

  /// A code span, fenced with more backticks than the text holds in a row.
  private static func literal(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + pad + text + pad + fence
  }

  /// Prose with every character Markdown could read as markup escaped (`~` too:
  /// GitHub strikes through between two of them).
  private static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>~#|".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
