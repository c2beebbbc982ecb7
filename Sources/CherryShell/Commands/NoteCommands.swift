import CherryKit

/// `note`: a provider's own notes, shown by `show` (the app's Markdown notes).
enum NoteCommands {
  static func note(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    if invocation.has(Options.clear) || !invocation.arguments.isEmpty {
      let text = invocation.has(Options.clear) ? "" : invocation.text()
      let changed = try shell.changeSelected { (provider) throws(ShellError) in
        provider.setNotes(text)
      }
      shell.note(text.isEmpty ? "\(changed.id): note removed" : "\(changed.id): note kept")
      return shell.pageReport(changed)
    }
    let provider = try shell.selectedProvider()
    return shell.pageReport(provider) { _ in
      guard let notes = provider.notes, !notes.isEmpty else {
        return ["\(provider.id) has no note; write one with: note <text>"]
      }
      return notes.split(separator: "\n", omittingEmptySubsequences: false).map {
        String($0).visible
      }
    }
  }
}
