import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The throw-away session of `cherry --demo`.
@Suite struct SessionDemoTests {
  @Test func oneProviderPerStylePointingAtTheServer() {
    let session = DemoSession.make(port: 4321)
    #expect(
      session.providers.map(\.id) == [
        "demo-openai", "demo-openai-response", "demo-anthropic", "demo-gemini", "demo-ollama",
        "demo-azure-openai",
      ])
    #expect(Set(session.providers.map(\.style)) == Set(APIStyle.allCases))
    #expect(session.selected == "demo-openai")
    for provider in session.providers {
      #expect(provider.url == "http://127.0.0.1:4321")
      #expect(provider.keys == DemoSession.keys)
      #expect(!provider.isBuiltIn)
      #expect(!provider.enabled)
      #expect(provider.models.isEmpty)
      #expect(provider.name.hasPrefix("Demo ("))
    }
    #expect(session.provider("demo-azure-openai")?.apiVersion == "2024-10-21")
    #expect(session.provider("demo-openai")?.apiVersion == nil)
  }
}

/// The standalone `cherry-demo` executable.
@Suite struct ExecutableDemoTests {
  @Test func printsItsPortFirstAndServes() async throws {
    let path = BuiltBinary.path("cherry-demo")
    try #require(FileManager.default.isExecutableFile(atPath: path), "no \(path)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--latency", "1", "--models", "50", "--keys", "exe-key-123,exe-key-456"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let handle = output.fileHandleForReading
    let firstLine = try await TestHTTPClient.onThread { () -> String in
      var bytes: [UInt8] = []
      while !bytes.contains(10) {
        let data = handle.availableData
        if data.isEmpty { break }
        bytes += data
      }
      return String(decoding: bytes.prefix { $0 != 10 }, as: UTF8.self)
    }
    #expect(firstLine.hasPrefix("port "))
    let port = try #require(Int(firstLine.dropFirst(5)))
    let list = try await TestHTTPClient.request(
      port: port, "GET", "/v1/models", headers: DemoStyle.headers(.openai, key: "exe-key-456"))
    #expect(try DemoStyle.listedIDs(.openai, list).count == 50)
    let refused = try await TestHTTPClient.request(
      port: port, "GET", "/v1/models", headers: DemoStyle.headers(.openai, key: "demo-key-1"))
    #expect(refused.status == 401)
  }

  @Test func refusesAnUnknownFlag() throws {
    let path = BuiltBinary.path("cherry-demo")
    try #require(FileManager.default.isExecutableFile(atPath: path), "no \(path)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = ["--fault", "teapot"]
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 2)
  }
}
