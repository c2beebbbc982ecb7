import CherryKit
import CherryProviders
import CherrySystem
import Glibc
import Synchronization

/// Collects request traces from the client's threads until the shell prints them.
final class TraceCollector: Sendable {
  private let pending = Mutex<[RequestTrace]>([])

  @Sendable func record(_ trace: RequestTrace) {
    pending.withLock { $0.append(trace) }
  }

  func drain() -> [RequestTrace] {
    pending.withLock { traces in
      defer { traces.removeAll() }
      return traces
    }
  }
}

extension Shell {
  /// Catches Ctrl-C until the matching ``endInterruptWatch()``; nested calls share
  /// one watch (a request inside a command at the prompt).
  func beginInterruptWatch() {
    if interruptDepth == 0 { options.interrupts?.start() }
    interruptDepth += 1
  }

  /// Ends one ``beginInterruptWatch()``; the last one gives Ctrl-C back.
  func endInterruptWatch() {
    interruptDepth -= 1
    if interruptDepth == 0 { options.interrupts?.stop() }
  }

  /// Whether Ctrl-C was pressed while the watch was on.
  var isInterrupted: Bool { interruptDepth > 0 && options.interrupts?.interrupted == true }

  /// The HTTP client, made at the first request.
  func client() -> ProviderClient {
    if let providerClient { return providerClient }
    let configuration = ClientConfiguration(
      environment: options.environment, trace: traces.record, secrets: secrets)
    let client = ProviderClient(configuration: configuration)
    providerClient = client
    return client
  }

  /// Prints the requests made since the last call when `set trace on`.
  func printTraces() {
    let recorded = traces.drain()
    guard settings.trace else { return }
    for trace in recorded {
      out.errorLine(out.paint("trace:", .dim) + " " + trace.line)
      for header in trace.headers {
        out.errorLine(out.paint("trace:", .dim) + "   \(header.name): \(header.value)")
      }
    }
  }

  /// Runs a request with a spinner on a terminal and Ctrl-C cancelling it.
  ///
  /// - Parameters:
  ///   - label: What the spinner says.
  ///   - spinner: Whether to show the spinner.
  ///   - operation: The request.
  ///   - streaming: Runs on the shell's task while the request runs (prints a
  ///     streamed answer); it must return once the request is over, and call the
  ///     closure it is given before it prints, which takes the spinner away for
  ///     good (the spinner shows only while nothing has arrived yet).
  /// - Returns: The operation's result.
  /// - Throws: ``ErrorMessage/cancelled`` on Ctrl-C.
  func perform<T: Sendable>(
    _ label: String, spinner: Bool = true, _ operation: @escaping @Sendable () async -> T,
    streaming: ((_ stopSpinner: @escaping @Sendable () -> Void) async -> Void)? = nil
  ) async throws(ShellError) -> T {
    defer { printTraces() }
    let interrupts = options.interrupts
    let showSpinner = spinner && options.showSpinner
    out.sink.flush()
    guard interrupts != nil || showSpinner else {
      let task = Task { await operation() }
      if let streaming { await streaming {} }
      return await task.value
    }
    let line = SpinnerLine(enabled: showSpinner)
    beginInterruptWatch()
    defer { endInterruptWatch() }
    let task = Task { await operation() }
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        var tick = 0
        while !Task.isCancelled {
          if interrupts?.interrupted == true {
            task.cancel()
            break
          }
          line.draw(frames[tick % frames.count] + " " + label)
          tick += 1
          try? await Task.sleep(for: .milliseconds(80))
        }
      }
      if let streaming { await streaming { line.stop() } }
      _ = await task.value
      group.cancelAll()
    }
    line.stop()
    let value = await task.value
    if interrupts?.interrupted == true { throw ErrorMessage.cancelled }
    return value
  }
}

/// The spinner's line on standard error (a terminal only, so no one parses it).
///
/// Once stopped it never draws again: a streamed answer may then be on the
/// screen, and a late frame would erase its line. The lock makes "stop" and
/// "draw" exclusive, since the spinner ticks on another task than the printing.
private final class SpinnerLine: Sendable {
  private let stopped: Mutex<Bool>

  init(enabled: Bool) {
    stopped = Mutex(!enabled)
  }

  func draw(_ text: String) {
    stopped.withLock { stopped in
      if !stopped { Self.write("\r\u{1B}[K" + text) }
    }
  }

  func stop() {
    stopped.withLock { stopped in
      if !stopped { Self.write("\r\u{1B}[K") }
      stopped = true
    }
  }

  private static func write(_ text: String) {
    try? SystemCall.writeAll(STDERR_FILENO, text)
  }
}
