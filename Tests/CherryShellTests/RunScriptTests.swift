import CherryTestSupport
import Foundation
import Testing

/// `scripts/run` builds only when something the binary is made from changed
/// (issue 11: with nothing to rebuild it starts at once).
///
/// It runs in a copy of the repository's `Package.swift`, `Sources/` and
/// `scripts/`, with a `swift` on the PATH that logs each call and writes a
/// stand-in `cherry` the way `swift build` would; the real build is `swift
/// build`'s own business.
struct RunScriptTests {
  /// A copy of the repository with a logging `swift`.
  private final class Checkout {
    let folder = TemporaryFolder()
    var root: String { folder.path + "/repo" }
    var log: String { folder.path + "/swift.log" }

    init() throws {
      let manager = FileManager.default
      try manager.createDirectory(atPath: root, withIntermediateDirectories: true)
      for item in ["Package.swift", "Sources", "scripts"] {
        try manager.copyItem(atPath: Repository.path(item), toPath: root + "/" + item)
      }
      try manager.createDirectory(
        atPath: folder.path + "/tools", withIntermediateDirectories: true)
      // The stand-in prints its arguments and how many builds made it.
      let swift = folder.write(
        "tools/swift",
        """
        #!/bin/bash
        echo "$*" >>"\(log)"
        product=${@: -1}
        mkdir -p .build/release
        builds=$(grep -c -- "--product $product\\$" "\(log)")
        printf '#!/bin/bash\\necho "built %s: $*"\\n' "$builds" >".build/release/$product"
        chmod +x ".build/release/$product"
        """)
      try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift)
    }

    /// Runs `scripts/run` with arguments for cherry.
    func run(_ arguments: [String] = ["--demo"]) throws -> ProcessResult {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return try ProcessRunner.run(
        "/bin/bash", [root + "/scripts/run"] + arguments,
        environment: ["PATH": folder.path + "/tools:" + path])
    }

    /// How many times `swift` built cherry.
    var builds: Int {
      ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
        .filter { $0.hasSuffix("--product cherry") }.count
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
      let path = root + "/" + relative
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try change(text).write(toFile: path, atomically: false, encoding: .utf8)
    }
  }

  @Test func buildsOnlyWhenWhatTheBinaryIsMadeFromChanges() throws {
    let checkout = try Checkout()
    let first = try checkout.run()
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout == "built 1: --demo\n")
    #expect(
      (try? String(contentsOfFile: checkout.log, encoding: .utf8))
        == """
        build -c release --static-swift-stdlib --product cherry
        build -c release --static-swift-stdlib --product cherry-interop

        """)

    // Nothing changed: no build, the arguments still reach cherry.
    let again = try checkout.run(["-c", "providers"])
    #expect(again.stdout == "built 1: -c providers\n")
    #expect(checkout.builds == 1)

    // A file's time alone changes nothing; its contents do.
    let version = checkout.root + "/Sources/cherry/CherryVersion.swift"
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: version)
    _ = try checkout.run()
    #expect(checkout.builds == 1)
    try checkout.edit("Sources/cherry/CherryVersion.swift") { $0 + "\n// changed\n" }
    #expect(try checkout.run().stdout == "built 2: --demo\n")
    #expect(try checkout.run().stdout == "built 2: --demo\n")

    // A new file, a removed one, and Package.swift count too.
    _ = checkout.folder.write("repo/Sources/cherry/New.swift", "// new\n")
    #expect(try checkout.run().stdout == "built 3: --demo\n")
    try FileManager.default.removeItem(atPath: checkout.root + "/Sources/cherry/New.swift")
    #expect(try checkout.run().stdout == "built 4: --demo\n")
    try checkout.edit("Package.swift") { $0 + "\n" }
    #expect(try checkout.run().stdout == "built 5: --demo\n")

    // A binary that something else rebuilt, or removed, is not trusted.
    try "#!/bin/bash\necho other\n".write(
      toFile: checkout.root + "/.build/release/cherry", atomically: false, encoding: .utf8)
    #expect(try checkout.run().stdout == "built 6: --demo\n")
    try FileManager.default.removeItem(atPath: checkout.root + "/.build/release/cherry-interop")
    #expect(try checkout.run().stdout == "built 7: --demo\n")
    #expect(checkout.builds == 7)
  }
}
