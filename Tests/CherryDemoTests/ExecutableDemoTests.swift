import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The standalone `cherry-demo` executable.
@Suite struct ExecutableDemoTests {
  /// Runs `cherry-demo` with arguments, reads its port from the first line,
  /// runs the body against it, and ends the process.
  static func withExecutable(
    _ arguments: [String], _ body: (Int) async throws -> Void
  ) async throws {
    let path = BuiltBinary.path("cherry-demo")
    try #require(FileManager.default.isExecutableFile(atPath: path), "no \(path)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
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
    try await body(try #require(Int(firstLine.dropFirst(5))))
  }

  @Test func printsItsPortFirstAndServes() async throws {
    let arguments = ["--latency", "1", "--models", "50", "--keys", "exe-key-123,exe-key-456"]
    try await Self.withExecutable(arguments) { port in
      let list = try await TestHTTPClient.request(
        port: port, "GET", "/v1/models", headers: DemoStyle.headers(.openai, key: "exe-key-456"))
      #expect(try DemoStyle.listedIDs(.openai, list).count == 50)
      let refused = try await TestHTTPClient.request(
        port: port, "GET", "/v1/models", headers: DemoStyle.headers(.openai, key: "demo-key-1"))
      #expect(refused.status == 401)
    }
  }

  @Test func takesFaultAndHostileWords() async throws {
    let arguments = ["--fault", "wrong-model", "--hostile", "list entries 3"]
    try await Self.withExecutable(arguments) { port in
      let headers = DemoStyle.headers(.openai, key: "demo-key-1")
      let list = try await TestHTTPClient.request(port: port, "GET", "/v1/models", headers: headers)
      #expect(try DemoStyle.listedIDs(.openai, list).count == 3)
      let (target, body) = DemoStyle.chat(.openai, model: "gpt-4o", stream: false)
      let chat = try await TestHTTPClient.request(
        port: port, "POST", target, headers: headers, body: body)
      #expect(chat.status == 404)
    }
  }

  /// Bad arguments, and the exit status each gets (2: usage; 1: cannot start).
  static let badArguments: [([String], Int32)] = [
    (["--fault", "teapot"], 2), (["--fault", "slow"], 2), (["--hostile", "teapot"], 2),
    (["--host", "10.0.0.1"], 1),
  ]

  @Test(arguments: badArguments)
  func refusesBadArguments(arguments: [String], status: Int32) throws {
    let path = BuiltBinary.path("cherry-demo")
    try #require(FileManager.default.isExecutableFile(atPath: path), "no \(path)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = Pipe()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
  }
}
