import CherryKit

/// `demo fault`, `demo status`, `demo reset`, `tour`: a teacher's controls in
/// `cherry --demo` (issue 11).
enum DemoCommands {
  static func fault(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let demo = shell.options.demo else { throw ErrorMessage.needsDemo(invocation.name) }
    let providerID = invocation.arguments[0]
    let words = Array(invocation.arguments.dropFirst())
    let effect: String
    do {
      effect = try demo.setFault(words, providerID)
    } catch {
      throw ErrorMessage.demo(error)
    }
    shell.note("\(providerID): \(effect)")
    return statusReport(demo)
  }

  static func status(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let demo = shell.options.demo else { throw ErrorMessage.needsDemo(invocation.name) }
    return statusReport(demo)
  }

  static func reset(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    guard let demo = shell.options.demo else { throw ErrorMessage.needsDemo(invocation.name) }
    shell.session = demo.reset()
    shell.listing = nil
    shell.note("the demo server and session are back as they started (demo-openai selected)")
    return statusReport(demo)
  }

  private static func statusReport(_ demo: DemoControl) -> any CommandReport {
    let rows = demo.status()
    return Report(
      JSONShapes.DemoStatus(
        root: demo.root,
        providers: rows.map { JSONShapes.DemoStatus.Row(id: $0.provider, fault: $0.fault) })
    ) { _ in
      var table = TextTable(headers: ["provider", "answers"])
      table.rows = rows.map { [$0.provider, $0.fault ?? "normally"] }
      return ["demo server at \(demo.root)"] + table.render()
    }
  }

  /// `tour`: the built-in lesson, run on the demo provider; `tour --print` writes
  /// it as a script a teacher can edit.
  static func tour(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    if invocation.has(Options.print) {
      // The lesson is cherry's own text: its demo keys are the demo's, shown whole
      // so that the printed lesson replays.
      var lesson = Report.text(Tour.lines)
      lesson.revealsSecrets = true
      return lesson
    }
    guard shell.options.demo != nil else { throw ErrorMessage.tourNeedsDemo() }
    await shell.runTour()
    return Report.none
  }
}

extension Shell {
  /// Runs the tour as a lesson.
  ///
  /// Every line is echoed, comments are narration, a failing step is shown and
  /// passed (the tour makes mistakes on purpose), `pause` waits between steps.
  /// Ctrl-C ends it and keeps what was done (the demo session).
  func runTour() async {
    let saved = settings
    settings.echo = true
    settings.continueOnError = true
    beginInterruptWatch()
    let result = await runLines(
      StringLineSource(Tour.text), frame: Frame(kind: .file(path: "tour")))
    endInterruptWatch()
    settings = saved
    // The tour's own mistakes are lessons, not failures of the command.
    failedLines.removeAll()
    note(
      result.failure == .interrupted
        ? "the tour stopped; the demo session keeps what it did ('tour' starts it again)"
        : "that is the whole page: 'help' lists every command; 'tour --print' writes this lesson as a script"
    )
  }
}
