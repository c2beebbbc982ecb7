/// A plain-text table: columns padded to their widest cell, CJK counted as two
/// columns so names like 硅基流动 line up.
struct TextTable {
  /// How a column's cells are aligned.
  enum Alignment {
    case left
    case right
  }

  /// The column headers.
  var headers: [String]
  /// The alignment of each column.
  var alignments: [Alignment]
  /// The rows; a row shorter than the headers leaves the rest empty, and its last
  /// cell may overflow (used for "not supported: …").
  var rows: [[String]] = []

  init(headers: [String], alignments: [Alignment]? = nil) {
    self.headers = headers
    self.alignments = alignments ?? headers.map { _ in .left }
  }

  /// The table as lines, with two spaces between columns and no trailing blanks.
  func render() -> [String] {
    var widths = headers.map(Self.width)
    for row in rows {
      // A short row's last cell overflows instead of widening its column.
      let counted = row.count >= headers.count ? row.count : row.count - 1
      for column in 0..<max(0, min(counted, widths.count)) {
        widths[column] = max(widths[column], Self.width(row[column]))
      }
    }
    var lines: [String] = []
    lines.reserveCapacity(rows.count + 1)
    for row in [headers] + rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column > 0 { line += "  " }
        let isLast = column == row.count - 1
        let pad = column < widths.count ? max(0, widths[column] - Self.width(cell)) : 0
        switch column < alignments.count ? alignments[column] : .left {
        case .left: line += isLast ? cell : cell + String(repeating: " ", count: pad)
        case .right: line += String(repeating: " ", count: pad) + cell
        }
      }
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    return lines
  }

  /// The columns a string takes on a terminal: colour codes (`ESC [ … m`, what
  /// ``Output/paint(_:_:)`` adds) take none, so coloured cells line up.
  static func width(_ text: String) -> Int {
    var total = 0
    var inEscape = false
    var afterEscape = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if afterEscape {
        afterEscape = false
        inEscape = v == 0x5B  // `[`: a control sequence follows
        continue
      }
      if inEscape {
        if (0x40...0x7E).contains(v) { inEscape = false }  // its final byte
        continue
      }
      if v == 0x1B {
        afterEscape = true
      } else if v < 0x20 || v == 0x7F {
        continue
      } else if v < 0x300 {
        total += 1
      } else if (0x300...0x36F).contains(v) || v == 0x200B || (0xFE00...0xFE0F).contains(v) {
        continue  // combining marks and zero-width characters
      } else if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v)
        || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
        || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || v >= 0x20000
      {
        total += 2
      } else {
        total += 1
      }
    }
    return total
  }
}
