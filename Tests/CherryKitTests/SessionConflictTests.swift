import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// Two shells on one file in one process (DESIGN §2.4): what each save keeps, what
/// it refuses, and which selection each shell goes on with.
@Suite struct SessionConflictTests {
  typealias Fixture = SessionStoreTests.Fixture

  /// The fixture's session loaded twice, as two shells that started together.
  private static func twoShells(_ fixture: Fixture) throws -> (first: Session, second: Session) {
    (try fixture.store.load().session, try fixture.store.load().session)
  }

  @Test func changesToDifferentFieldsAreBothKept() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.providers[1].url = "https://b2.example"
    theirs.selected = "beta"
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    var mine = first
    mine.providers[0].name = "Alpha One"
    let outcome = try fixture.store.save(mine, base: first, onConflict: .refuse)
    #expect(outcome.conflicts.isEmpty)
    #expect(outcome.session.provider("alpha")?.name == "Alpha One")
    #expect(outcome.session.provider("beta")?.url == "https://b2.example")
    // The file's default selection is the other shell's `use`; this shell keeps its own.
    #expect(outcome.session.selected == "alpha")
    let saved = try fixture.store.load().session
    #expect(saved.selected == "beta")
    var expected = outcome.session
    expected.selected = "beta"
    #expect(saved == expected)
  }

  @Test func underRefuseAFieldBothChangedWritesNothing() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.providers[0].name = "Theirs"
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    let before = fixture.bytes
    var mine = first
    mine.providers[0].name = "Mine"
    mine.providers[1].enabled = true
    let refusal = StoreError.conflict(path: fixture.path, fields: ["providers.alpha.name"])
    #expect(throws: refusal) { try fixture.store.save(mine, base: first, onConflict: .refuse) }
    // The shell's form without a policy refuses in the same way.
    #expect(throws: refusal) { try fixture.store.save(mine, base: first) }
    #expect(refusal.what.contains("providers.alpha.name"))
    #expect(refusal.fix.contains("the other cherry's value"))
    #expect(fixture.bytes == before)
  }

  @Test func underKeepTheirsTheRestIsSavedAndLaterSavesGoOn() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.providers[0].name = "Theirs"
    theirs.providers[0].keys = ["sk-theirs-1"]
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)

    var mine = first
    mine.providers[0].name = "Mine"
    mine.providers[0].keys = ["sk-mine-1"]
    mine.providers[1].enabled = true
    let outcome = try fixture.store.save(mine, base: first, onConflict: .keepTheirs)
    #expect(outcome.conflicts.map(\.place) == ["providers.alpha.name", "providers.alpha.keys"])
    #expect(outcome.conflicts.first?.mine?.name == "Mine")
    #expect(outcome.conflicts.first?.theirs?.name == "Theirs")
    #expect(outcome.session.provider("alpha")?.name == "Theirs")
    #expect(outcome.session.provider("alpha")?.keys == ["sk-theirs-1"])
    #expect(outcome.session.provider("beta")?.enabled == true)
    #expect(try fixture.store.load().session == outcome.session)

    // The shell goes on from the outcome: its next change saves without a conflict.
    var next = outcome.session
    next.providers[0].url = "https://a3.example/"
    let later = try fixture.store.save(next, base: outcome.session, onConflict: .refuse)
    #expect(later.conflicts.isEmpty)
    #expect(try fixture.store.load().session.provider("alpha")?.url == "https://a3.example/")
    #expect(try fixture.store.load().session.provider("alpha")?.name == "Theirs")
  }

  @Test func aProviderRemovedOnOneSideAndChangedOnTheOtherIsNamed() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.providers.removeAll { $0.id == "beta" }
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    var mine = first
    mine.providers[1].name = "Beta Two"
    let outcome = try fixture.store.save(mine, base: first, onConflict: .keepTheirs)
    #expect(outcome.conflicts.map(\.place) == ["providers.beta"])
    #expect(outcome.conflicts.first?.theirs == nil)
    #expect(outcome.session.provider("beta") == nil)
  }

  @Test func twoShellsSelectingDifferentProvidersNeverConflict() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.selected = "beta"
    theirs.providers[1].keys = ["sk-beta-1"]
    let theirOutcome = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    #expect(theirOutcome.session.selected == "beta")
    var mine = first
    mine.selected = "beta"
    mine.providers[1].name = "B"
    _ = try fixture.store.save(mine, base: first, onConflict: .refuse)
    // This shell's `use alpha`: the default in the file is rewritten, no conflict.
    var shell = try fixture.store.load().session
    let base = shell
    shell.selected = "alpha"
    shell.providers[0].keys = ["sk-alpha-9"]
    let outcome = try fixture.store.save(shell, base: base, onConflict: .refuse)
    #expect(outcome.conflicts.isEmpty)
    #expect(outcome.session.selected == "alpha")
    #expect(try fixture.store.load().session.selected == "alpha")
    // A later change that leaves the selection alone does not rewrite the default
    // that a third shell saved meanwhile.
    var third = try fixture.store.load().session
    let thirdBase = third
    third.selected = "beta"
    _ = try fixture.store.save(third, base: thirdBase, onConflict: .refuse)
    var later = outcome.session
    later.providers[0].name = "A"
    let laterOutcome = try fixture.store.save(later, base: outcome.session, onConflict: .refuse)
    #expect(laterOutcome.session.selected == "alpha")
    #expect(try fixture.store.load().session.selected == "beta")
  }

  @Test func aUseIsSavedAsTheDefaultAndTheLastOneWins() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.selected = "beta"
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    var mine = first
    mine.selected = nil
    let outcome = try fixture.store.save(mine, base: first, onConflict: .refuse)
    #expect(outcome.conflicts.isEmpty)
    #expect(outcome.session.selected == nil)
    #expect(try fixture.store.load().session.selected == nil)
  }

  @Test func aShellWhoseProviderAnotherRemovedHasNoSelection() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let (first, second) = try Self.twoShells(fixture)
    var theirs = second
    theirs.providers.removeAll { $0.id == "alpha" }
    theirs.selected = nil
    _ = try fixture.store.save(theirs, base: second, onConflict: .refuse)
    var mine = first
    mine.providers[1].enabled = true
    let outcome = try fixture.store.save(mine, base: first, onConflict: .refuse)
    #expect(outcome.session.provider("alpha") == nil)
    #expect(outcome.session.selected == nil)
  }

  @Test func twoShellsRotatingOneProviderDoNotConflict() throws {
    let fixture = try Fixture()
    defer { fixture.folder.remove() }
    let base = try fixture.store.load().session
    var theirs = base
    theirs.providers[0].rotationCursor = 0
    _ = try fixture.store.save(theirs, base: base, onConflict: .refuse)
    var mine = base
    mine.providers[0].rotationCursor = 1
    let outcome = try fixture.store.save(mine, base: base, onConflict: .refuse)
    #expect(outcome.conflicts.isEmpty)
    #expect(outcome.session.provider("alpha")?.rotationCursor == 1)
  }
}
