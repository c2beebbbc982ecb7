import CherryTestSupport
import Foundation
import Testing

/// What `scripts/install` puts in a temporary prefix, and what it says (issue 11).
///
/// The binary runs, the bash completion loads and completes, `man -l` renders the
/// page, and the script says how to put the bin folder on the PATH. It installs
/// the binaries the tests were built with (`--from`): the release build itself is
/// `swift build`'s.
@Suite(.enabled(if: ManRenderer.enabled, ManRenderer.reason))
struct InstallScriptTests {
  /// A prefix with a space in it, so every path in the script must be quoted.
  private static func install(into prefix: String, _ extra: [String] = []) throws -> ProcessResult {
    try ProcessRunner.run(
      "/bin/bash",
      [
        Repository.path("scripts/install"), "--prefix", prefix, "--from",
        (Cherry.binary as NSString).deletingLastPathComponent,
      ]
        + extra,
      deadline: 120)
  }

  @Test func installsTheBinaryTheManualAndTheCompletions() throws {
    let folder = TemporaryFolder()
    let prefix = folder.path + "/my prefix"
    let result = try Self.install(into: prefix)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")

    let cherry = prefix + "/bin/cherry"
    #expect(FileManager.default.isExecutableFile(atPath: cherry))
    let version = try ProcessRunner.run(cherry, ["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("cherry "))
    let size = { (path: String) in
      (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
    #expect(size(cherry) < size(Cherry.binary), "the installed binary is stripped")
    let interop = prefix + "/bin/cherry-interop"
    #expect(size(interop) < size(BuiltBinary.path("cherry-interop")))

    // import and export find cherry-interop next to the installed cherry.
    let export = try ProcessRunner.run(
      cherry, ["--demo", "-c", "export env demo-openai"],
      environment: ["PATH": "/usr/bin:/bin", "CHERRY_INTEROP": nil])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("export OPENAI_BASE_URL=http://127.0.0.1:"))

    // What it prints: every file, and the PATH line (the prefix is not on the PATH).
    for file in [
      "bin/cherry", "bin/cherry-interop", "share/man/man1/cherry.1",
      "share/bash-completion/completions/cherry",
      "share/zsh/site-functions/_cherry", "share/fish/vendor_completions.d/cherry.fish",
    ] {
      #expect(result.stdout.contains("\(prefix)/\(file)"), "\(file) is not reported")
      #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"))
    }
    #expect(result.stdout.contains("export PATH=\"\(prefix)/bin:$PATH\""))

    // The page renders, and is cherry's.
    let roff = try String(contentsOfFile: prefix + "/share/man/man1/cherry.1", encoding: .utf8)
    let page = try ManRenderer.render(roff)
    #expect(page.status == 0)
    #expect(page.warnings.isEmpty, "\(page.warnings)")
    #expect(
      ManRenderer.fold(page.text).contains("cherry - a shell for setting up LLM model providers"))

    // bash loads the completion and completes a flag with it.
    let bash = try ProcessRunner.run(
      "/bin/bash",
      [
        "-c",
        """
        source "$1" && complete -p cherry || exit 1
        COMP_LINE="cherry --keep"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(cherry --keep); COMP_CWORD=1
        _cherry cherry --keep cherry
        printf '%s\\n' "${COMPREPLY[@]}"
        """,
        "bash", prefix + "/share/bash-completion/completions/cherry",
      ])
    #expect(bash.status == 0, "\(bash.stderr)")
    #expect(bash.stdout.contains("complete -o filenames -F _cherry cherry"))
    #expect(bash.stdout.hasSuffix("--keep-going\n"))
    let zsh = try String(
      contentsOfFile: prefix + "/share/zsh/site-functions/_cherry", encoding: .utf8)
    #expect(zsh.hasPrefix("#compdef cherry"))
    let fish = try String(
      contentsOfFile: prefix + "/share/fish/vendor_completions.d/cherry.fish", encoding: .utf8)
    #expect(fish.contains("complete -c 'cherry'"))

    // Again: the files are replaced, and nothing is left behind.
    let again = try Self.install(into: prefix)
    #expect(again.status == 0, "\(again.stderr)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: prefix + "/bin")
    #expect(leftovers.sorted() == ["cherry", "cherry-interop"])
  }

  @Test func aBadArgumentIsRefused() throws {
    let folder = TemporaryFolder()
    let unknown = try Self.install(into: folder.path, ["--frobnicate"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown argument '--frobnicate'"))
    let missing = try Self.install(into: folder.path, ["--from", folder.path + "/nothing"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nothing/cherry is not an executable"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/bin"))
  }
}
