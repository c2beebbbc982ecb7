import Testing

@testable import CherryShell

/// `timeout 30`, `test --timeout 2.5s`: what counts as a number of seconds.
struct SecondsTests {
  @Test(arguments: [("30", 30.0), ("2.5", 2.5), ("30s", 30.0), ("86400", 86_400.0)])
  func accepts(_ text: String, _ seconds: Double) {
    #expect(Seconds.parse(text) == seconds)
  }

  @Test(arguments: ["0", "-1", "abc", "", "s", "inf", "nan", "86401", "1e9", "30 s"])
  func refuses(_ text: String) {
    #expect(Seconds.parse(text) == nil)
  }
}
