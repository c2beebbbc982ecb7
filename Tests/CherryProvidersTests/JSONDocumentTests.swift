import Foundation
import Testing

@testable import CherryProviders

/// The one-pass JSON check behind lazy list decoding: strict syntax, a cap on the top
/// lists, cancellation at once, and cursors that read only what is asked.
struct JSONDocumentTests {
  @Test(arguments: [
    "{}", "[]", " [1, -2.5e+3, true, false, null, \"x\"] ", #"{"a":{"b":[{},[]]},"c":"\u00e9\n"}"#,
    "0", "\"s\"", #"{"data":[{"id":"a"},{"id":"b"}]}"#,
  ])
  func acceptsValidJSON(text: String) throws {
    _ = try JSONDocument(Array(text.utf8), what: "x")
  }

  @Test(arguments: [
    "{", "[1,]", #"{"a":1,}"#, "{'a':1}", "[01]", "[1.]", "[.5]", "tru", "[nul]", "{} {}",
    #"{"a" 1}"#, "[\"\u{1}\"]", #"["\x"]"#, #"["\u12"]"#, "[1 2]", "{\"a\":}", "-",
    String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
  ])
  func refusesInvalidJSON(text: String) {
    #expect(throws: MalformedResponseError.self) {
      try JSONDocument(Array(text.utf8), what: "x")
    }
  }

  @Test func anEmptyBodySaysSo() {
    #expect {
      try JSONDocument(Array("  \n".utf8), what: "a model list")
    } throws: { error in
      (error as? MalformedResponseError)?.reason.contains("empty body") == true
    }
  }

  @Test func countsTheTopListsOnly() throws {
    let three = Array(#"{"data":[{},{},{}],"deep":{"x":[1,2,3,4,5]}}"#.utf8)
    _ = try JSONDocument(three, what: "x", maxEntries: 3)
    #expect(throws: TooManyModelsError.self) {
      try JSONDocument(Array("[1,2,3,4]".utf8), what: "x", maxEntries: 3)
    }
    #expect(throws: TooManyModelsError.self) {
      try JSONDocument(Array(#"{"models":[{},{},{},{}]}"#.utf8), what: "x", maxEntries: 3)
    }
  }

  @Test func stopsAtOnceWhenCancelled() async {
    let body = Array(
      ("[" + Array(repeating: "{\"id\":\"m\"}", count: 100_000).joined(separator: ",") + "]").utf8)
    // Each task cancels itself first, as Ctrl-C does to a running command.
    let task = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try JSONDocument(body, what: "x")
    }
    await #expect(throws: CancellationError.self) { try await task.value }
    let root = try? JSONDocument(body, what: "x").root
    let elements = Task {
      withUnsafeCurrentTask { $0?.cancel() }
      return try root?.elements()
    }
    await #expect(throws: CancellationError.self) { try await elements.value }
  }

  @Test func cursorsReadMembersElementsAndStrings() throws {
    let text =
      #" { "a" : [ 1 , {"id":"x\"y\u00e9\ud83d\ude00"} ] , "i\u0064" : "by escape", "t": true } "#
    let root = try JSONDocument(Array(text.utf8), what: "x").root
    let elements = try #require(try root.member("a")?.elements())
    #expect(elements.count == 2)
    #expect(elements[1].member("id")?.string == "x\"yé😀")
    #expect(root.member("id")?.string == "by escape")
    #expect(root.member("t")?.bool == true)
    #expect(root.member("missing") == nil)
    #expect(
      String(decoding: elements[1].slice, as: UTF8.self) == #"{"id":"x\"y\u00e9\ud83d\ude00"}"#)
    #expect(try root.elements() == nil)
    #expect(elements[0].string == nil)
  }
}
