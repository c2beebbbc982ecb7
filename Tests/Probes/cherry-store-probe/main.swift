// A child process for the store's crash and concurrency tests
// (Tests/CherryKitTests/SessionStoreTests.swift): it loads a session file, changes
// one thing, saves, and reports on stdout, one line per event, flushed at once so
// the test can wait for a line instead of sleeping.
//
//   cherry-store-probe FILE show                    print the providers as id=name
//   cherry-store-probe FILE add ID NAME             add a custom openai provider
//   cherry-store-probe FILE set-name ID NAME        rename a provider
//   cherry-store-probe FILE select ID               select a provider
//   cherry-store-probe FILE use-rename ID NAME      select a provider and rename it (what
//                                                   a script `use ID` + a change does)
//   cherry-store-probe FILE rename-then-enable ID NAME
//                                                   rename and save keeping the other
//                                                   cherry's value on a conflict (print
//                                                   "kept-theirs FIELD" for each), then
//                                                   enable the provider and save again
//   cherry-store-probe FILE rotate ID               move the rotation cursor on by one
//   cherry-store-probe FILE rename-loop ID PREFIX N rename N times (PREFIX-1 … PREFIX-N),
//                                                   each a load, a change and a save
//   cherry-store-probe FILE hold-lock               take the save lock, print "locked",
//                                                   keep it until a line (or EOF) on stdin
//   cherry-store-probe FILE crash-mid-write ID NAME rename, then stop half-way through
//                                                   writing the temporary file: print
//                                                   "half-written <temp>" and wait for a
//                                                   line on stdin (the test kills it there)
// Options, after the command: --wait (print "loaded" after loading, save only after a
// line on stdin, so two probes can save at the same moment), --lock-timeout SECONDS.
// Saves refuse a conflict (as a script does) except in rename-then-enable.
// Exit status: 0 saved; 2 bad command line; 3 a StoreError, printed on stdout as
// "store-error <case> <detail>" and in full on stderr.

@_spi(Testing) import CherryKit
import CherrySystem
import Glibc

/// Writes a line straight to a descriptor: stdout is a pipe, which stdio would
/// buffer until exit, and the test waits for each line as it comes.
func emit(_ descriptor: Int32, _ line: String) {
  try? SystemCall.writeAll(descriptor, line + "\n")
}

/// Prints a line on stdout at once.
func say(_ line: String) {
  emit(1, line)
}

func usage(_ problem: String) -> Never {
  emit(2, "cherry-store-probe: \(problem)")
  exit(2)
}

/// The short machine-readable form of an error, for the tests.
func summary(_ error: StoreError) -> String {
  switch error {
  case .invalidPath: return "invalid-path"
  case .unreadable: return "unreadable"
  case .corrupt: return "corrupt"
  case .invalidValue(_, let field, _): return "invalid-value \(field)"
  case .newerVersion(_, let found, _): return "newer-version \(found)"
  case .conflict(_, let fields): return "conflict \(fields.joined(separator: " "))"
  case .cannotWrite: return "cannot-write"
  case .cannotLock: return "cannot-lock"
  }
}

var arguments = Array(CommandLine.arguments.dropFirst())
var wait = false
var lockTimeout = 5.0
if let index = arguments.firstIndex(of: "--wait") {
  wait = true
  arguments.remove(at: index)
}
if let index = arguments.firstIndex(of: "--lock-timeout") {
  guard index + 1 < arguments.count, let seconds = Double(arguments[index + 1]) else {
    usage("--lock-timeout needs a number of seconds")
  }
  lockTimeout = seconds
  arguments.removeSubrange(index...(index + 1))
}
guard arguments.count >= 2 else { usage("usage: cherry-store-probe FILE COMMAND [ARGUMENTS]") }
let file = arguments[0]
let command = arguments[1]
let rest = Array(arguments.dropFirst(2))

func argument(_ index: Int) -> String {
  guard index < rest.count else { usage("\(command): missing argument \(index + 1)") }
  return rest[index]
}

/// Changes the provider `id` in `session`, or exits 2 when there is none.
func change(_ session: inout Session, _ id: String, _ body: (inout Provider) -> Void) {
  guard let index = session.index(of: id) else { usage("no provider \(id)") }
  body(&session.providers[index])
}

/// Prints the providers of a saved session.
func saySaved(_ session: Session) {
  say("saved " + session.providers.map { "\($0.id)=\($0.name)" }.joined(separator: " "))
}

/// One load, change and save; returns the session the save handed back.
@discardableResult
func loadChangeSave(
  store: SessionStore, waitForGo: Bool, onConflict: ConflictPolicy = .refuse,
  _ body: (inout Session) -> Void
) throws(StoreError) -> Session {
  let loaded = try store.load()
  for warning in loaded.warnings {
    say("warning \(warning)")
  }
  var session = loaded.session
  body(&session)
  if waitForGo {
    say("loaded")
    _ = readLine()
  }
  let outcome = try store.save(session, base: loaded.session, onConflict: onConflict)
  for conflict in outcome.conflicts {
    say("kept-theirs \(conflict.place)")
  }
  saySaved(outcome.session)
  return outcome.session
}

var store = SessionStore(path: file, lockTimeout: lockTimeout)
do {
  switch command {
  case "show":
    let loaded = try store.load()
    for warning in loaded.warnings {
      say("warning \(warning)")
    }
    say("existed \(loaded.existed) migrated \(loaded.migratedFrom.map(String.init) ?? "no")")
    say(
      "providers " + loaded.session.providers.map { "\($0.id)=\($0.name)" }.joined(separator: " "))
  case "add":
    let id = argument(0)
    let name = argument(1)
    try loadChangeSave(store: store, waitForGo: wait) { session in
      session.providers.append(Provider(id: id, name: name, style: .openai))
    }
  case "set-name":
    let id = argument(0)
    let name = argument(1)
    try loadChangeSave(store: store, waitForGo: wait) { change(&$0, id) { $0.name = name } }
  case "select":
    let id = argument(0)
    try loadChangeSave(store: store, waitForGo: wait) { $0.selected = id }
  case "use-rename":
    let id = argument(0)
    let name = argument(1)
    try loadChangeSave(store: store, waitForGo: wait) { session in
      session.selected = id
      change(&session, id) { $0.name = name }
    }
  case "rename-then-enable":
    let id = argument(0)
    let name = argument(1)
    let saved = try loadChangeSave(store: store, waitForGo: wait, onConflict: .keepTheirs) {
      change(&$0, id) { $0.name = name }
    }
    var session = saved
    change(&session, id) { $0.enabled = true }
    saySaved(try store.save(session, base: saved, onConflict: .refuse).session)
  case "rotate":
    let id = argument(0)
    try loadChangeSave(store: store, waitForGo: wait) { session in
      change(&session, id) { provider in
        guard !provider.keys.isEmpty else { return }
        provider.rotationCursor = ((provider.rotationCursor ?? -1) + 1) % provider.keys.count
      }
    }
  case "rename-loop":
    let id = argument(0)
    let prefix = argument(1)
    guard let count = Int(argument(2)) else { usage("rename-loop: the count must be a number") }
    for round in 1...max(count, 1) {
      try loadChangeSave(store: store, waitForGo: false) {
        change(&$0, id) { $0.name = "\(prefix)-\(round)" }
      }
    }
  case "hold-lock":
    store.observer = { stage in
      if case .locked = stage {
        say("locked")
        _ = readLine()
      }
    }
    try loadChangeSave(store: store, waitForGo: false) { _ in }
  case "crash-mid-write":
    let id = argument(0)
    let name = argument(1)
    store.observer = { stage in
      if case .halfWritten(let temporary) = stage {
        say("half-written \(temporary)")
        _ = readLine()
      }
    }
    try loadChangeSave(store: store, waitForGo: wait) { change(&$0, id) { $0.name = name } }
  default:
    usage("unknown command \(command)")
  }
} catch {
  say("store-error \(summary(error))")
  emit(2, "cherry-store-probe: \(error)")
  exit(3)
}
