import CherryKit
import CherryProviders
import Testing

/// A provider that echoes secrets back: every error, message and trace masks them by
/// value, whatever their shape, before anything is cut short (DESIGN §1.1).
struct SecretMaskingPeerTests {
  /// A key that no shape rule takes for a key.
  static let key = "correct-horse-battery"
  static let headerValue = "team-header-secret-77"
  static let urlPassword = "url-password-secret-5"
  static let registered = "registered-elsewhere-99"

  @Test("secrets echoed in a 401 body are masked whole, even past the 300-character cut")
  func echoedSecrets() async throws {
    // The key ends at character 300, where the message is cut: cut first, 19 of its
    // 21 characters would show.
    let padding = String(repeating: "x", count: 300 - 21 - "invalid key ".count)
    let message =
      padding + " invalid key " + Self.key + "; header " + Self.headerValue + "; password "
      + Self.urlPassword + "; other " + Self.registered
    let server = try LoopbackHTTPServer { _ in
      .json(#"{"error":{"message":"\#(message)","type":"invalid_request_error"}}"#, status: 401)
    }
    defer { server.stop() }
    let traces = TraceCollector()
    let registry = SecretRegistry(SecretSet([Self.registered]))
    let configuration = ClientConfiguration(trace: { traces.append($0) }, secrets: registry)
    try await Peer.withClient(configuration) { client in
      var provider = Provider(
        id: "s", name: "S", style: .openai,
        url: server.url.replacing("http://", with: "http://user:\(Self.urlPassword)@"))
      provider.keys = [Self.key]
      provider.headers = [HeaderEntry(name: "X-Team", value: Self.headerValue)]
      let result = await client.test(provider, model: Peer.model("m"), keyIndex: 0, timeout: 10)
      let failure = try #require(result.error)
      #expect(failure.kind == .auth)
      let shown =
        failure.message + "\n" + traces.all.map(\.line).joined(separator: "\n")
        + traces.all.flatMap(\.headers).map(\.value).joined(separator: "\n")
      for secret in [Self.key, Self.headerValue, Self.urlPassword, Self.registered] {
        // Not whole, and not the long start that a cut before masking leaves.
        #expect(!shown.contains(secret.prefix(12)), "\(secret) shows in \(shown)")
      }
      #expect(failure.providerMessage?.contains(KeyMask.mask(Self.key)) == true)
    }
    // The request's secrets joined the registry, for the shell's later output.
    for secret in [Self.key, Self.headerValue, Self.urlPassword] {
      #expect(registry.current.values.contains(secret))
    }
  }

  @Test("an env: key's value, once read, is registered and masked")
  func environmentKey() async throws {
    let value = "value-from-the-environment"
    let server = try LoopbackHTTPServer { _ in
      .json(#"{"error":{"message":"bad key \#(value)"}}"#, status: 403)
    }
    defer { server.stop() }
    let registry = SecretRegistry()
    let configuration = ClientConfiguration(environment: ["MY_KEY": value], secrets: registry)
    try await Peer.withClient(configuration) { client in
      var provider = Provider(id: "s", name: "S", style: .anthropic, url: server.url)
      provider.keys = ["env:MY_KEY"]
      let result = await client.test(provider, model: nil, keyIndex: 0, timeout: 10)
      let failure = try #require(result.error)
      #expect(!failure.message.contains(value))
      #expect(failure.maskedKey == "env:MY_KEY")
    }
    #expect(registry.mask("echo \(value)") == "echo \(KeyMask.mask(value))")
  }

  @Test("a short key echoed in a body is left there, but never shown in its own field")
  func shortKey() async throws {
    let server = try LoopbackHTTPServer { _ in .json(#"{"error":{"message":"no"}}"#, status: 401) }
    defer { server.stop() }
    let traces = TraceCollector()
    try await Peer.withClient(ClientConfiguration(trace: { traces.append($0) })) { client in
      var provider = Provider(id: "s", name: "S", style: .gemini, url: server.url)
      provider.keys = ["abc123"]
      provider.headers = [HeaderEntry(name: "X-Short", value: "tiny")]
      _ = await client.test(provider, model: nil, keyIndex: 0, timeout: 10)
      let headers = traces.all.flatMap(\.headers)
      #expect(headers.first { $0.name == "x-goog-api-key" }?.value == "****")
      #expect(headers.first { $0.name == "X-Short" }?.value == "****")
    }
  }
}
