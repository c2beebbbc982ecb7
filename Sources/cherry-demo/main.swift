// cherry-demo: runs the demo provider server alone, for scripts, benchmarks and
// teaching. The first line of output is `port <N>`; it runs until killed.
import CherryDemo
import Glibc

let usage = """
  usage: cherry-demo [--host H] [--port N] [--latency MS] [--fault WORDS] [--hostile WORDS]
                     [--models N] [--keys K1,K2,…] [--ollama-needs-key]
    --host H            listen on H, a 127.x.y.z address (default: 127.0.0.1)
    --port N            listen on port N (default: a free port)
    --latency MS        wait MS ms before each answer and between stream chunks
    --fault WORDS       fail every request, one of (quote the words):
                          \(DemoFault.synopses.joined(separator: ", "))
    --hostile WORDS     behave as a hostile provider on every request, one of:
                          \(DemoHostility.synopses.joined(separator: "\n                          "))
    --models N          serve N generated models instead of the standard list
    --keys K1,K2,…      accept these keys instead of the demo keys
    --ollama-needs-key  check keys on the Ollama routes too
  The first line printed is `port <N>`; control routes are under /_demo/.
  """

/// Prints a command-line error and the usage, and exits 2.
func fail(_ message: String) -> Never {
  print("cherry-demo: \(message)\n\(usage)")
  fflush(nil)
  exit(2)
}

var configuration = DemoConfiguration()
var arguments = CommandLine.arguments.dropFirst()

/// The integer value of an option, or a usage error.
func number(after option: String, from arguments: inout ArraySlice<String>) -> Int {
  guard let text = arguments.popFirst(), let value = Int(text), value >= 0 else {
    fail("\(option) needs a number")
  }
  return value
}

while let argument = arguments.popFirst() {
  switch argument {
  case "--port": configuration.port = number(after: argument, from: &arguments)
  case "--latency": configuration.latencyMilliseconds = number(after: argument, from: &arguments)
  case "--models":
    let count = number(after: argument, from: &arguments)
    configuration.models = DemoModelCatalog.generated(count: count)
  case "--ollama-needs-key": configuration.ollamaNeedsKey = true
  case "--keys":
    let keys = (arguments.popFirst() ?? "").split(separator: ",").map(String.init)
    guard !keys.isEmpty else { fail("--keys needs a comma-separated list") }
    configuration.keys = keys
  case "--host":
    guard let host = arguments.popFirst() else { fail("--host needs an address") }
    configuration.host = host
  case "--fault":
    do throws(DemoFaultError) {
      let fault = try DemoFault.parse(arguments.popFirst() ?? "")
      configuration.faults = fault.map { [DemoFaultRule($0)] } ?? []
    } catch {
      fail("--fault: \(error.what); \(error.fix)")
    }
  case "--hostile":
    guard let hostility = arguments.popFirst().flatMap(DemoHostility.parse) else {
      fail("--hostile needs one of: \(DemoHostility.synopses.joined(separator: "; "))")
    }
    configuration.hostileRules = [DemoHostileRule(hostility)]
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    fail("unknown argument \(argument)")
  }
}

do {
  let server = try await DemoServer.start(configuration: configuration)
  print("port \(server.port)")
  print("url \(server.url)")
  fflush(nil)
  await server.waitUntilStopped()
} catch {
  print("cherry-demo: cannot start: \(error)")
  fflush(nil)
  exit(1)
}
