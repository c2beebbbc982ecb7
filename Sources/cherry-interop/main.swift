import CherryInterop
import CherrySystem
import Glibc

// `cherry-interop`: what `cherry` runs for `import` and `export`, as git runs its
// subcommands (DESIGN §1.7, §5). One JSON request on standard input, one JSON answer
// on standard output; the YAML and zip libraries it needs stay out of `cherry`'s
// start-up. It is not meant to be run by hand.

if isatty(STDIN_FILENO) != 0 {
  try? SystemCall.writeAll(
    STDERR_FILENO,
    "cherry-interop is run by cherry for import and export; use: cherry -c 'help import'\n")
  exit(2)
}
// The request holds the session, which the store caps at 64 MiB, and a little more.
guard let input = try? SystemCall.readAll(STDIN_FILENO, limit: 128 << 20) else {
  try? SystemCall.writeAll(STDERR_FILENO, "cherry-interop: cannot read the request\n")
  exit(1)
}
do {
  try SystemCall.writeAll(STDOUT_FILENO, InteropService.handle(json: input))
} catch {
  exit(1)
}
exit(0)
