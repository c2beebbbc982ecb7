import CherryInteropCore
import CherryKit

/// The JSON shapes of `import` and `export` (`docs/json/import.schema.json`,
/// `docs/json/export.schema.json`), and the text that shows them.
enum InteropReport {
  /// `import`: the preview, and whether it was applied.
  struct Imported: Encodable {
    /// The source, as the user would name it.
    var source: String
    /// `--dry-run` was given.
    var dryRun: Bool
    /// Whether the session was changed.
    var applied: Bool
    /// The copy of the session file made before the change, if any.
    var backup: String?
    /// One entry per provider the source named.
    var providers: [ImportPlanEntry]
    /// Notes on the whole source.
    var notes: [String]
  }

  /// `export`: the text, and what it needs.
  struct Exported: Encodable {
    /// The format.
    var format: String
    /// The text written (to standard output, or to ``path``).
    var text: String
    /// The environment variables the text reads.
    var variables: [String]
    /// The file written, or `nil` for standard output.
    var path: String?
    /// Whether the text holds a key itself (`--with-keys`).
    var holdsKeys: Bool
  }

  /// The preview of an import, one block per provider; keys are masked.
  ///
  /// - Parameters:
  ///   - plan: The plan.
  ///   - source: The source's description.
  /// - Returns: The lines.
  static func preview(_ plan: ImportPlan, source: ImportedSource) -> [String] {
    var lines = ["from \(source.description):"]
    if plan.entries.isEmpty { lines.append("  no providers") }
    for entry in plan.entries {
      let mark: String
      let what: String
      switch entry.action {
      case .added:
        mark = "+"
        let style = plan.after.provider(entry.id)?.style.rawValue ?? "?"
        what = "new provider, \(style) style, off"
      case .changed:
        mark = "~"
        what = entry.changes.count == 1 ? "1 change" : "\(entry.changes.count) changes"
      case .unchanged:
        mark = "="
        what = "no change"
      case .skipped:
        mark = "!"
        what = "left alone"
      }
      lines.append("  \(mark) \(entry.id) (\(entry.name)): \(what)")
      for change in entry.changes {
        let value: String
        switch (change.from, change.to) {
        case (let from?, let to?): value = "\(from) → \(to)"
        case (nil, let to?): value = to
        case (let from?, nil): value = "\(from) → none"
        case (nil, nil): value = ""
        }
        // Keys come masked from the plan; anything else may hold a key-like word.
        let shown = change.field == "keys" ? value : KeyMask.maskLine(value)
        lines.append("      \(pad(change.field)) \(shown)")
      }
      for note in entry.notes { lines.append("      " + note) }
    }
    for note in source.notes { lines.append("  (\(note))") }
    return lines
  }

  private static func pad(_ field: String) -> String {
    field + String(repeating: " ", count: max(0, 13 - field.count))
  }
}
