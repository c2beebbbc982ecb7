import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The store across processes (DESIGN §2.4): `cherry-store-probe` children are
/// killed half-way through a save, hold the lock, and save at the same moment.
@Suite struct SessionStoreProcessTests {
  typealias Fixture = SessionStoreTests.Fixture

  @Test func aSaveKilledHalfWayLeavesTheOldFileIntact() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let before = try #require(fixture.bytes)
    let probe = try StoreProbe([fixture.path, "crash-mid-write", "alpha", "Half"])
    let line = try #require(probe.line(startingWith: "half-written "), "\(probe.lines)")
    let temporary = String(line.dropFirst("half-written ".count))
    // The probe is stopped with a partial temporary file on disk and the lock held.
    let partial = try #require(FileDigest.bytes(temporary))
    #expect(!partial.isEmpty)
    #expect(partial.count < before.count)
    #expect(fixture.bytes == before)
    probe.kill()
    let result = probe.finish()
    #expect(result.status == 128 + SIGKILL)
    // The old file is whole and loads; the kernel dropped the dead probe's lock.
    #expect(fixture.bytes == before)
    let loaded = try fixture.store.load()
    #expect(loaded.session == SessionStoreTests.sample())
    // The next save removes the dead probe's temporary file.
    var session = loaded.session
    session.selected = "beta"
    _ = try SessionStore(path: fixture.path, lockTimeout: 2).save(session, base: loaded.session)
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(try fixture.store.load().session.selected == "beta")
  }

  @Test func aSaveWaitsForTheLockThenGivesUp() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let before = fixture.bytes
    let probe = try StoreProbe([fixture.path, "hold-lock"])
    #expect(probe.line(startingWith: "locked") != nil, "\(probe.lines)")
    var session = SessionStoreTests.sample()
    session.selected = "beta"
    let impatient = SessionStore(path: fixture.path, lockTimeout: 0.2)
    let error = #expect(throws: StoreError.self) {
      try impatient.save(session, base: SessionStoreTests.sample())
    }
    guard case .cannotLock(let path, let reason)? = error else {
      Issue.record("expected .cannotLock, got \(String(describing: error))")
      return
    }
    #expect(path == fixture.path)
    #expect(reason.contains("session.json.lock"))
    #expect(fixture.bytes == before)
    // Once the holder lets go, the same save goes through.
    probe.send("go")
    #expect(probe.finish().status == 0)
    _ = try impatient.save(session, base: SessionStoreTests.sample())
    #expect(try fixture.store.load().session.selected == "beta")
  }

  @Test func twoProcessesSavingDifferentProvidersAtOnceLoseNothing() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let first = try StoreProbe([fixture.path, "set-name", "alpha", "From First", "--wait"])
    let second = try StoreProbe([fixture.path, "set-name", "beta", "From Second", "--wait"])
    // Both have loaded the same file before either saves.
    #expect(first.line(startingWith: "loaded") != nil, "\(first.lines)")
    #expect(second.line(startingWith: "loaded") != nil, "\(second.lines)")
    first.send("go")
    second.send("go")
    let results = [first.finish(), second.finish()]
    #expect(results.map(\.status) == [0, 0], "\(results)")
    let session = try fixture.store.load().session
    #expect(session.provider("alpha")?.name == "From First")
    #expect(session.provider("beta")?.name == "From Second")
  }

  @Test func twoProcessesChangingOneFieldAtOnceGetOneRefusal() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let names = ["From First", "From Second"]
    let probes = try names.map {
      try StoreProbe([fixture.path, "set-name", "alpha", $0, "--wait"])
    }
    for probe in probes {
      #expect(probe.line(startingWith: "loaded") != nil, "\(probe.lines)")
    }
    for probe in probes {
      probe.send("go")
    }
    let results = probes.map { $0.finish() }
    #expect(results.map(\.status).sorted() == [0, 3], "\(results)")
    guard let winner = results.firstIndex(where: { $0.status == 0 }) else { return }
    let loser = results[1 - winner]
    #expect(loser.stdout.contains("store-error conflict providers.alpha.name"), "\(loser)")
    #expect(loser.stderr.contains("providers.alpha.name"))
    #expect(try fixture.store.load().session.provider("alpha")?.name == names[winner])
  }

  /// Three scripts, each `use`-ing a different provider and changing it: the default
  /// selection never conflicts, and every change is kept.
  @Test func threeProcessesEachChangingADifferentProviderAllSave() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let base = try fixture.store.load().session
    var withGamma = base
    withGamma.providers.append(Provider(id: "gamma", name: "Gamma", style: .ollama))
    _ = try fixture.store.save(withGamma, base: base)
    let ids = ["alpha", "beta", "gamma"]
    let probes = try ids.map {
      try StoreProbe([fixture.path, "use-rename", $0, "By \($0)", "--wait"])
    }
    for probe in probes {
      #expect(probe.line(startingWith: "loaded") != nil, "\(probe.lines)")
    }
    for probe in probes {
      probe.send("go")
    }
    let results = probes.map { $0.finish() }
    #expect(results.map(\.status) == [0, 0, 0], "\(results)")
    let session = try fixture.store.load().session
    #expect(session.providers.map(\.name) == ids.map { "By \($0)" })
    #expect(ids.contains(session.selected ?? ""))
  }

  /// A shell whose change was refused takes the other's value, says so, and its
  /// next change is saved.
  @Test func aRefusedFieldDoesNotStopTheNextSave() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let first = try StoreProbe([fixture.path, "set-name", "alpha", "From First", "--wait"])
    let second = try StoreProbe([
      fixture.path, "rename-then-enable", "alpha", "From Second", "--wait",
    ])
    #expect(first.line(startingWith: "loaded") != nil, "\(first.lines)")
    #expect(second.line(startingWith: "loaded") != nil, "\(second.lines)")
    first.send("go")
    #expect(first.finish().status == 0)
    second.send("go")
    let result = second.finish()
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("kept-theirs providers.alpha.name"), "\(result)")
    #expect(result.stdout.filter { $0.hasPrefix("saved ") }.count == 2, "\(result)")
    let session = try fixture.store.load().session
    #expect(session.provider("alpha")?.name == "From First")
    #expect(session.provider("alpha")?.enabled == true)
  }

  @Test func twoProcessesSavingInALoopLoseNothing() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let rounds = 25
    let first = try StoreProbe([fixture.path, "rename-loop", "alpha", "a", "\(rounds)"])
    let second = try StoreProbe([fixture.path, "rename-loop", "beta", "b", "\(rounds)"])
    let results = [first.finish(), second.finish()]
    #expect(results.map(\.status) == [0, 0], "\(results)")
    let session = try fixture.store.load().session
    #expect(session.provider("alpha")?.name == "a-\(rounds)")
    #expect(session.provider("beta")?.name == "b-\(rounds)")
  }

  @Test func twoProcessesRotatingOneProviderBothSave() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let probes = try (0..<2).map { _ in try StoreProbe([fixture.path, "rotate", "alpha", "--wait"])
    }
    for probe in probes {
      #expect(probe.line(startingWith: "loaded") != nil, "\(probe.lines)")
    }
    for probe in probes {
      probe.send("go")
    }
    #expect(probes.map { $0.finish().status } == [0, 0])
    #expect(try fixture.store.load().session.provider("alpha")?.rotationCursor == 0)
  }

  @Test func theProbeExitsThreeOnABadFile() throws {
    let folder = try TemporaryDirectory()
    defer { folder.remove() }
    let path = try folder.write("{ nope", to: "session.json")
    let result = try StoreProbe.run([path, "show"])
    #expect(result.status == 3)
    #expect(result.stdout == ["store-error corrupt"])
    #expect(result.stderr.contains(path))
    #expect(FileDigest.bytes(path) == Data("{ nope".utf8))
  }
}
