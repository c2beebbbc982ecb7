import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// The listing is kept beside the session file for later processes (issue 9,
/// DESIGN §1.3): `cherry -c manage` then `cherry -c '+ 3'` works; a new URL or a
/// removed provider drops it; the keys a test rejected can be removed later.
struct ListingCacheTests {
  @Test func aListingOutlivesItsProcess() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
      let manage = try await cherry.start(["--no-rc", "-c", "manage"])
      #expect(manage.status == 0, "\(manage.stderr)")
      let third = try #require(
        manage.stdout.split(separator: "\n").first { $0.hasPrefix("   3  ") }?
          .split(separator: " ").dropFirst().first.map(String.init))

      let add = try await cherry.start(["--no-rc", "-c", "+ 3", "-c", "+ gpt-4o"])
      #expect(add.status == 0, "\(add.stderr)")
      #expect(add.stderr.contains("added \(third)"), "\(add.stderr)")
      #expect(!add.stderr.contains("without checking"), "the listing was not found")

      // Kept beside the session, one file a provider, mode 0600; the session stays small.
      let folder = ListingCache.folder(forSession: cherry.sessionPath)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
      #expect(files.count == 1 && files[0].hasPrefix("listing-"), "\(files)")
      let mode =
        try FileManager.default.attributesOfItem(atPath: folder + "/" + files[0])[
          .posixPermissions] as? Int
      #expect(mode == 0o600)
      let session = try String(contentsOfFile: cherry.sessionPath, encoding: .utf8)
      #expect(!session.contains("text-embedding-3-large"), "the listing is in the session file")

      // A new URL makes the listing stale: numbers need a new manage.
      let moved = try await cherry.start([
        "--no-rc", "-c", "url http://127.0.0.1:\(server.port)/v1/", "-c", "+ 4",
      ])
      #expect(moved.status == 1)
      #expect(moved.stderr.contains("manage"), "\(moved.stderr)")
    }
  }

  @Test func keysRejectedInOneProcessAreRemovedInTheNext() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
      let wrong = "sk-wrong-key-0123456789abcdef"
      let keys = try await cherry.start(["--no-rc", "-c", "key demo-key-1,\(wrong),demo-key-3"])
      #expect(keys.status == 0)
      let test = try await cherry.start(["--no-rc", "-c", "test"])
      #expect(test.status == 1)
      let remove = try await cherry.start(["--no-rc", "-c", "key rm --failed", "-c", "key list"])
      #expect(remove.status == 0, "\(remove.stderr)")
      #expect(remove.stderr.contains("removing #2 \(KeyMask.mask(wrong))"), "\(remove.stderr)")
      #expect(remove.stdout.contains("#1 de****-1") && remove.stdout.contains("#2 de****-3"))
      #expect(!remove.stdout.contains(KeyMask.mask(wrong)))
      let again = try await cherry.start(["--no-rc", "-c", "key rm --failed"])
      #expect(again.stderr.contains("no key failed"), "\(again.stderr)")
    }
  }

  @Test func aRemovedProviderTakesItsListingWithIt() async throws {
    try await EndToEnd.withDemoServer { server in
      let cherry = Cherry()
      try EndToEnd.writeDemoSession(port: server.port, to: cherry.sessionPath)
      let root = DemoSession.root(port: server.port)
      _ = try await cherry.start([
        "--no-rc", "-c", "provider add mine --type openai --url \(root)", "-c",
        "key demo-key-1", "-c", "manage",
      ])
      let file = ListingCache.file(sessionPath: cherry.sessionPath, providerID: "mine")
      #expect(FileManager.default.fileExists(atPath: file))
      _ = try await cherry.start(["--no-rc", "-c", "provider rm mine"])
      #expect(!FileManager.default.fileExists(atPath: file))
    }
  }
}
