import CherryKit

/// `save`, `session`, `dump` (DESIGN §2.2, §2.4).
enum SessionCommands {
  static func save(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    guard let store = shell.store else {
      shell.out.line("this is a throw-away demo session: nothing is saved")
      return
    }
    guard shell.hasUnsavedChanges else {
      shell.out.line("nothing to save: \(store.path) is up to date")
      return
    }
    try shell.saveIfChanged()
    shell.out.line("saved to \(store.path)")
  }

  static func session(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    guard let store = shell.store else {
      shell.out.line("session  in memory (a throw-away demo session; nothing is saved)")
      return
    }
    shell.out.line("session  \(store.path)")
    let changes = differences(from: shell.base, to: shell.session)
    if changes.isEmpty {
      shell.out.line("state    saved: no unsaved changes")
    } else {
      let when =
        shell.frames.first?.isPrompt == true ? "" : " (a script saves when it ends successfully)"
      shell.out.line("state    unsaved changes\(when):")
      for change in changes { shell.out.line("  " + change) }
    }
  }

  static func dump(_ shell: Shell, _ invocation: Invocation) async throws {
    try invocation.expectAtMost(0)
    for line in DumpWriter.lines(shell.session, withKeys: invocation.flag("--with-keys")) {
      shell.out.line(line)
    }
  }

  /// What changed between two sessions, one line per provider.
  static func differences(from old: Session, to new: Session) -> [String] {
    var lines: [String] = []
    let oldByID = Dictionary(
      old.providers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newIDs = Set(new.providers.map(\.id))
    for provider in new.providers {
      guard let before = oldByID[provider.id] else {
        lines.append("\(provider.id): added")
        continue
      }
      var fields: [String] = []
      if before.name != provider.name { fields.append("name") }
      if before.keys != provider.keys { fields.append("keys") }
      if before.rotationCursor != provider.rotationCursor { fields.append("rotation") }
      if before.url != provider.url { fields.append("url") }
      if before.modelsURL != provider.modelsURL { fields.append("models-url") }
      if before.apiVersion != provider.apiVersion { fields.append("api-version") }
      if before.models != provider.models { fields.append("models") }
      if before.enabled != provider.enabled { fields.append("on/off") }
      if before.headers != provider.headers { fields.append("headers") }
      if before.proxy != provider.proxy { fields.append("proxy") }
      if before.timeout != provider.timeout { fields.append("timeout") }
      if !fields.isEmpty { lines.append("\(provider.id): " + fields.joined(separator: ", ")) }
    }
    for provider in old.providers where !newIDs.contains(provider.id) {
      lines.append("\(provider.id): removed")
    }
    if old.selected != new.selected {
      lines.append("selected: " + (new.selected ?? "none"))
    }
    return lines
  }
}
