import CherryDemo
import CherryKit
import Foundation
import Testing

@testable import CherryShell

/// Coloured tables line up: cell widths are measured without the escape codes
/// (DESIGN §2.1), so `providers` with a provider on and `check`'s ✓/✗ columns keep
/// their columns on a colour terminal — every live demo.
///
/// The proof: the coloured output, its codes taken out, is the plain output
/// character for character.
struct ColourTableTests {
  static func strip(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  @Test func widthIgnoresColourCodes() {
    let output = Output(sink: CapturingOutputSink(), color: true)
    let painted = output.paint("on", .green)
    #expect(painted != "on")
    #expect(TextTable.width(painted) == 2)
    var table = TextTable(headers: ["on", "id"])
    table.rows = [[painted, "a"], ["off", "b"]]
    #expect(table.render().map(Self.strip) == ["on   id", "on   a", "off  b"])
  }

  @Test func providersLineUpWithAProviderOn() async {
    let script = "use deepseek\nkey sk-xxxx1\n+ deepseek-chat\nenable\nproviders\n"
    let plain = await ShellHarness().run(script)
    let coloured = await ShellHarness().run(script, colour: true)
    #expect(coloured.stdout.contains("\u{1B}[32mon"), "no colour in: \(coloured.stdout)")
    #expect(Self.strip(coloured.stdout) == plain.stdout)
  }

  @Test func checkLinesUpWithMarksAndFailures() async throws {
    let server = try await DemoServer.start()
    let data = try JSONEncoder().encode(DemoSession.make(port: server.port))
    let script = "key demo-key-1,sk-wrong-0123456789abcdef\n+ gpt-4o gpt-4o-mini\ncheck\n"
    var outputs: [String] = []
    for colour in [false, true] {
      let harness = ShellHarness()
      _ = FileManager.default.createFile(atPath: harness.sessionPath, contents: data)
      outputs.append(await harness.run(script, colour: colour).stdout)
    }
    try await server.stop()
    #expect(outputs[1].contains("\u{1B}[31m✗"), "no colour in: \(outputs[1])")
    let latency = try Regex("[0-9]+ ms *")
    #expect(
      Self.strip(outputs[1]).replacing(latency, with: "N ms ")
        == outputs[0].replacing(latency, with: "N ms "))
  }
}
