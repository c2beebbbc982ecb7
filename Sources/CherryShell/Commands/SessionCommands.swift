import CherryKit

/// `save`, `session`, `dump` (DESIGN §2.2, §2.4).
enum SessionCommands {
  static func save(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let store = shell.store else {
      shell.note("this is a throw-away demo session: nothing is saved")
      return Report(JSONShapes.Saved(path: nil, saved: false))
    }
    guard shell.hasUnsavedChanges || !FileText.exists(store.path) else {
      shell.note("nothing to save: \(store.path) is up to date")
      return Report(JSONShapes.Saved(path: store.path, saved: false))
    }
    try shell.saveIfChanged(evenIfUnchanged: true)
    shell.note("saved to \(store.path)")
    return Report(JSONShapes.Saved(path: store.path, saved: true))
  }

  static func session(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let changes = differences(from: shell.base, to: shell.session)
    let path = shell.store?.path
    let atPrompt = shell.frames.first?.isPrompt == true
    return Report(JSONShapes.SessionState(path: path, unsaved: changes)) { _ in
      guard let path else {
        return ["session  in memory (a throw-away demo session; nothing is saved)"]
      }
      guard !changes.isEmpty else {
        return ["session  \(path)", "state    saved: no unsaved changes"]
      }
      let when = atPrompt ? "" : " (a script saves when it ends successfully)"
      return ["session  \(path)", "state    unsaved changes\(when):"] + changes.map { "  " + $0 }
    }
  }

  static func dump(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    var report = Report.text(
      DumpWriter.lines(shell.session, withKeys: invocation.has(Options.withKeys)))
    report.revealsSecrets = invocation.has(Options.withKeys)
    return report
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
