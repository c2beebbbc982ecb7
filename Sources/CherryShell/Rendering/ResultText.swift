import CherryKit
import CherryProviders

/// `manage`'s listing as text: grouped, numbered, kinds, added and stale marks.
enum ListingText {
  static func lines(
    _ listing: ModelListing, total: Int, provider: Provider, key: Int?, stale: [String],
    filter: String?, output: Output
  ) -> [String] {
    var lines: [String] = []
    let shownCount = listing.entries.count
    var head =
      "\(provider.id): \(Describe.count(total, "model")) in \(Describe.count(listing.groups.count, "group"))"
    if let filter {
      head += "; \(shownCount) match \(KeyMask.maskLine(filter).visible)"
    }
    if let key { head += "  (key #\(key))" }
    lines.append(head)
    let width = String(total).count
    let idWidth = min(48, listing.entries.map { TextTable.width($0.id.visible) }.max() ?? 0)
    for group in listing.groups {
      lines.append(output.paint(group.name.visible, .bold))
      for entry in group.entries {
        let number = String(entry.number)
        var line = "  " + String(repeating: " ", count: width - number.count) + number + "  "
        line += entry.id.visible.padding(idWidth + 2) + Describe.kinds(entry.kinds)
        if listing.isFree(entry) { line += "  " + output.paint("free", .yellow) }
        if let name = entry.displayName, !sameWords(name, entry.id) {
          line += "  “\(name.visible)”"
        }
        if entry.added { line += "  " + output.paint("✓ added", .green) }
        lines.append(line)
      }
    }
    if !stale.isEmpty {
      lines.append(
        output.paint("stale", .yellow) + " (added, no longer listed; kept): "
          + stale.map(\.visible).joined(separator: ", "))
    }
    lines.append("add with: + <number|id|group:<name>|'glob'>")
    return lines
  }
}

/// Whether a display name only respells the id (`Gpt 4o` for `gpt-4o`): then it
/// says nothing and is not shown.
private func sameWords(_ name: String, _ id: String) -> Bool {
  func letters(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter || $0.isNumber })
  }
  return letters(name) == letters(id)
}

/// `test` and `check` results as text.
enum ResultText {
  /// One line per key: number and masked key, ✓ or ✗, latency, the error; then
  /// the error's hint.
  static func keyLines(_ results: [KeyTestResult], output: Output) -> [String] {
    var lines: [String] = []
    let labels = results.map { result in
      result.keyNumber.map { "#\($0) \(result.maskedKey ?? "")" } ?? "(no key)"
    }
    let width = labels.map(TextTable.width).max() ?? 0
    var lastHint: String?
    for (result, label) in zip(results, labels) {
      var line = "  " + label.padding(width + 1)
      line += result.ok ? output.paint("✓", .green) : output.paint("✗", .red)
      let latency = "\(result.latencyMs) ms"
      if let error = result.error {
        lines.append(line + "  " + latency.padding(8) + error.summary.visible)
        // Keys failing the same way share one hint, printed after the first.
        if error.hint != lastHint { lines.append("      " + error.hint.visible) }
        lastHint = error.hint
      } else {
        lines.append(line + "  " + latency)
      }
      if let note = result.note { lines.append("      " + note.visible) }
    }
    return lines
  }

  /// The health check's table (a column per key) and its summary line.
  static func checkLines(_ report: HealthReport, output: Output) -> [String] {
    let keyCount = report.rows.map(\.results.count).max() ?? 0
    var headers = ["model"]
    for index in 0..<keyCount {
      let number = report.rows.first?.results[safe: index]?.keyNumber
      headers.append(number.map { "#\($0)" } ?? "key")
    }
    headers += ["latency", "error"]
    var table = TextTable(headers: headers)
    for row in report.rows {
      var cells = [row.model.visible]
      for index in 0..<keyCount {
        guard let result = row.results[safe: index] else {
          cells.append("")
          continue
        }
        cells.append(result.ok ? output.paint("✓", .green) : output.paint("✗", .red))
      }
      cells.append(row.latencyMs.map { "\($0) ms" } ?? "-")
      cells.append(row.errorSummary?.visible ?? "")
      table.rows.append(cells)
    }
    var lines = table.render()
    // What was checked some other way (an image-only model against the list).
    var seen = Set<String>()
    for note in report.rows.flatMap(\.results).compactMap(\.note) where seen.insert(note).inserted {
      lines.append("note: " + note.visible)
    }
    if !report.skipped.isEmpty {
      lines.append(
        "skipped (rerank models cannot be checked): "
          + report.skipped.map(\.visible).joined(separator: ", "))
    }
    lines.append(report.summary)
    return lines
  }
}

extension Array {
  subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
