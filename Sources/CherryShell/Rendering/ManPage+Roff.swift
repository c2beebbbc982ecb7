/// Sets a manual in roff with the man macros, as `man` and `groff -man` read it.
enum RoffWriter {
  /// The whole page.
  ///
  /// - Parameters:
  ///   - sections: The sections, in order.
  ///   - name: The program's name (`cherry`), for the title line.
  ///   - version: The version line, for the title line's footer.
  /// - Returns: The roff source.
  static func page(_ sections: [ManPage.Section], name: String, version: String) -> String {
    // No hyphenation and a ragged right: commands and URLs must read as typed.
    var lines = [
      ".TH \(argument(name.uppercased())) 1 \"\" \(argument(version)) \"User Commands\"",
      ".nh", ".ad l",
    ]
    for section in sections {
      lines.append(".SH \(argument(section.title))")
      append(section.blocks, depth: 0, to: &lines)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func append(_ blocks: [ManPage.Block], depth: Int, to lines: inout [String]) {
    for block in blocks {
      switch block {
      case .paragraph(let spans):
        lines += [".PP", text(spans)]
      case .lines(let code):
        lines += [".PP", ".RS 4", ".nf"] + code.map { line(escape($0)) } + [".fi", ".RE"]
      case .item(let term, let spans):
        lines += [".TP", line("\\fB\(escape(term))\\fR"), text(spans)]
      case .part(let title, let inner):
        if depth == 0 {
          lines.append(".SS \(argument(title.joined(separator: ", ")))")
          append(inner, depth: depth + 1, to: &lines)
        } else {
          lines.append(".PP")
          lines += title.enumerated().flatMap { offset, form in
            (offset == 0 ? [] : [".br"]) + [line("\\fB\(escape(form))\\fR")]
          }
          lines.append(".RS 4")
          append(inner, depth: depth + 1, to: &lines)
          lines.append(".RE")
        }
      }
    }
  }

  /// Running text on one input line (roff fills it), literals in bold.
  private static func text(_ spans: [ManPage.Span]) -> String {
    line(
      spans.map { span in
        switch span {
        case .text(let text): escape(text)
        case .literal(let text), .file(let text): "\\fB\(escape(text))\\fR"
        }
      }.joined())
  }

  /// An input line that roff reads as text, never as a request: a leading `.`
  /// or `'` is guarded.
  private static func line(_ text: String) -> String {
    text.hasPrefix(".") || text.hasPrefix("'") ? "\\&" + text : text
  }

  /// A macro argument, quoted.
  private static func argument(_ text: String) -> String {
    "\"" + escape(text).replacing("\"", with: "\\(dq") + "\""
  }

  /// Text as roff prints it literally: backslashes and minus signs escaped (a
  /// bare `-` may print as a hyphen that cannot be pasted into a shell), and
  /// every non-ASCII character named by its code point, which groff and mandoc
  /// read whatever the input encoding.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\e"
      case "-": out += "\\-"
      case "\n", "\t": out += " "
      default:
        if scalar.isASCII {
          out.unicodeScalars.append(scalar)
        } else {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
        }
      }
    }
    return out
  }
}
