import CherryKit
import CherryProviders
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
  /// The HTTP client, made at the first request.
  func client() -> ProviderClient {
    if let providerClient { return providerClient }
    let configuration = ClientConfiguration(environment: options.environment, trace: traces.record)
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
  ///   - spinner: Whether to show the spinner (not while an answer streams).
  ///   - operation: The request.
  ///   - streaming: Runs on the shell's task while the request runs (prints a
  ///     streamed answer); it must return once the request is over.
  /// - Returns: The operation's result.
  /// - Throws: ``ErrorMessage/cancelled`` on Ctrl-C.
  func perform<T: Sendable>(
    _ label: String, spinner: Bool = true, _ operation: @escaping @Sendable () async -> T,
    streaming: (() async -> Void)? = nil
  ) async throws(ShellError) -> T {
    defer { printTraces() }
    let interrupts = options.interrupts
    let showSpinner = spinner && options.showSpinner
    out.sink.flush()
    guard interrupts != nil || showSpinner else {
      let task = Task { await operation() }
      if let streaming { await streaming() }
      return await task.value
    }
    interrupts?.start()
    defer { interrupts?.stop() }
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
          if showSpinner { Spinner.draw(frames[tick % frames.count] + " " + label) }
          tick += 1
          try? await Task.sleep(for: .milliseconds(80))
        }
      }
      if let streaming { await streaming() }
      _ = await task.value
      group.cancelAll()
    }
    if showSpinner { Spinner.clear() }
    let value = await task.value
    if interrupts?.interrupted == true { throw ErrorMessage.cancelled }
    return value
  }
}

/// The spinner's line on standard error (a terminal only, so no one parses it).
private enum Spinner {
  static func draw(_ text: String) {
    write("\r\u{1B}[K" + text)
  }

  static func clear() {
    write("\r\u{1B}[K")
  }

  private static func write(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
