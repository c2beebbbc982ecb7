import CherryInterop
import Glibc

// `cherry-interop`: what `cherry` runs for `import` and `export`, as git runs its
// subcommands (DESIGN §1.7, §5). One JSON request on standard input, one JSON answer
// on standard output; the YAML and zip libraries it needs stay out of `cherry`'s
// start-up. It is not meant to be run by hand.

if isatty(STDIN_FILENO) != 0 {
  let text = "cherry-interop is run by cherry for import and export; use: cherry -c 'help import'\n"
  _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
  exit(2)
}
var input: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 1 << 16)
while true {
  let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
  if count < 0, errno == EINTR { continue }
  if count <= 0 { break }
  input.append(contentsOf: buffer[0..<count])
}
let output = InteropService.handle(json: input)
var offset = 0
while offset < output.count {
  let written = output[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  if written < 0, errno == EINTR { continue }
  if written <= 0 { exit(1) }
  offset += written
}
exit(0)
