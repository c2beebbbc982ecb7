// cherry-bench-probe: in-process measurements for scripts/bench that the binary's
// command line cannot show, such as one Tab completion over a 10,000-model listing.
//
// usage: cherry-bench-probe complete <provider-root-url>
// Prints `seconds=<median of one completion> rss_mib=<peak resident memory>`.
import CherryKit
import CherryShell
import Glibc

/// The process's peak resident memory in MiB, from /proc/self/status (VmHWM).
func peakMemoryMiB() -> Double {
  guard let file = fopen("/proc/self/status", "r") else { return .nan }
  defer { fclose(file) }
  var line = [CChar](repeating: 0, count: 256)
  while fgets(&line, Int32(line.count), file) != nil {
    let text = String(
      decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if text.hasPrefix("VmHWM:") {
      let kib = text.split(separator: " ").compactMap { Double($0) }.first ?? .nan
      return kib / 1024
    }
  }
  return .nan
}

/// Seconds on the monotonic clock.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 3, arguments[1] == "complete" else {
  print("usage: cherry-bench-probe complete <provider-root-url>")
  exit(2)
}
var options = ShellOptions(sessionPath: nil, environment: [:])
options.isTerminal = false
let output = Output(sink: CapturingOutputSink(), color: false)
let shell = try Shell(options: options, output: output, session: Session())
let status = await shell.runBatch([
  .command("provider add big --type openai --url \(arguments[2])", index: 1),
  .command("use big", index: 2),
  .command("key demo-key-1", index: 3),
  .command("manage", index: 4),
])
guard status == .success else {
  print("setup failed: \(status)")
  exit(1)
}
var samples: [Double] = []
var candidates = 0
for prefix in ["+ ", "+ q", "+ qwen3-demo-0", "- ", "+ group:"] {
  for _ in 0..<10 {
    let start = now()
    candidates = max(candidates, shell.complete(prefix).candidates.count)
    samples.append(now() - start)
  }
}
samples.sort()
print(
  "seconds=\(samples[samples.count / 2]) worst=\(samples[samples.count - 1])"
    + " candidates=\(candidates) rss_mib=\(peakMemoryMiB())")
await shell.shutdown()
