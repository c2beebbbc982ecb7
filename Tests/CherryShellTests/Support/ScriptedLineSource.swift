import CherryKit

@testable import CherryShell

/// A prompt stand-in: gives its inputs one by one (lines, Ctrl-C), then Ctrl-D,
/// and remembers the prompts it was shown.
final class ScriptedLineSource: LineSource {
  private var inputs: [LineSourceInput]
  private(set) var prompts: [String] = []

  init(_ inputs: [LineSourceInput]) {
    self.inputs = inputs
  }

  convenience init(lines: [String]) {
    self.init(lines.map { .line($0) })
  }

  func nextLine(prompt: String) -> LineSourceInput {
    prompts.append(prompt)
    return inputs.isEmpty ? .endOfFile : inputs.removeFirst()
  }
}

extension ShellHarness {
  /// Runs lines at a stand-in prompt (interactive mode).
  func interactive(
    _ inputs: [LineSourceInput], rcFile: String? = nil,
    configure: (inout ShellOptions) -> Void = { _ in }
  ) async -> (run: Run, source: ScriptedLineSource) {
    var options = self.options
    configure(&options)
    let sink = CapturingOutputSink()
    let source = ScriptedLineSource(inputs)
    do {
      let shell = try Shell(options: options, output: Output(sink: sink, color: false))
      let status = await shell.runInteractive(source, rcFile: rcFile)
      await shell.shutdown()
      return (
        Run(
          status: status, stdout: sink.standardOutput, stderr: sink.standardError,
          combined: sink.combined,
          session: shell.currentSession), source
      )
    } catch {
      return (
        Run(
          status: CherryShell.ExitStatus.sessionFile, stdout: "", stderr: error.description,
          combined: "", session: Optional<Session>.none), source
      )
    }
  }
}
