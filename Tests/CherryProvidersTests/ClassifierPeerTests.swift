import CherryKit
import Testing

@testable import CherryProviders

/// The pure parts of error explanation: provider messages in each shape, TLS text
/// without source paths, Gemini's bad-key 400, NO_PROXY and masked URLs.
struct ClassifierPeerTests {
  @Test(
    "the provider's message is found in every error shape",
    arguments: [
      (#"{"error":{"message":"Bad key.","code":"invalid_api_key"}}"#, "Bad key."),
      (#"{"type":"error","error":{"type":"authentication_error","message":"Nope."}}"#, "Nope."),
      (
        #"[{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}]"#,
        "API key not valid."
      ),
      (
        #"{"error":"model \"x\" not found, try pulling it first"}"#,
        #"model "x" not found, try pulling it first"#
      ),
      (#"{"message":"Plain."}"#, "Plain."),
      ("upstream went away", "upstream went away"),
    ])
  func providerMessage(body: String, expected: String) {
    #expect(ProviderMessage.extract(from: Array(body.utf8)).text == expected)
  }

  @Test("a key echoed in a provider message is masked")
  func echoedKeyMasked() {
    let body =
      #"{"error":{"message":"Incorrect API key provided: sk-proj-abcdefghijklmnop1234567890."}}"#
    let raw = ProviderMessage.extract(from: Array(body.utf8)).text ?? ""
    let none = RequestSecrets(shared: SecretRegistry(), own: SecretSet())
    let text = ProviderMessage.display(raw, secrets: none)
    #expect(!text.contains("sk-proj-abcdefghijklmnop1234567890"))
  }

  @Test("TLS error text never shows a source path")
  func tlsText() {
    struct Fake: Error, CustomStringConvertible {
      var description: String
    }
    let raw =
      "handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435581 error:1000007d:SSL "
      + "routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED at /build/checkouts/swift-nio-ssl/"
      + "Sources/CNIOBoringSSL/ssl/handshake.cc:393]))"
    let clean = TLSErrorText.clean(Fake(description: raw))
    #expect(clean.contains("not trusted"))
    #expect(!clean.contains("handshake.cc"))
    let other = TLSErrorText.clean(
      Fake(description: "OPENSSL_internal:SOMETHING_ELSE at /x/y/z.cc:1"))
    #expect(other == "something else")
    #expect(TLSErrorText.stripPaths("failed at /a/b/c.cc:12 now") == "failed now")
  }

  @Test("Gemini's 400 API key not valid is a wrong key")
  func geminiBadKey() {
    let context = RequestContext(
      method: "GET", url: "https://g.example/v1beta/models", maskedKey: "AIza****", model: nil,
      operation: .list, style: .gemini, ruleExplanation: "root", proxy: nil, timeoutSeconds: nil,
      maxResponseBytes: 1 << 20, secrets: RequestSecrets(shared: SecretRegistry(), own: SecretSet())
    )
    let body =
      #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID"}]}}"#
    let error = ProviderErrorClassifier.classify(
      status: 400, retryAfter: nil, body: Array(body.utf8), context: context)
    #expect(error.kind == .auth)
  }

  @Test(
    "NO_PROXY matches hosts, domains, ports and *",
    arguments: [
      ("api.example.com", 443, "example.com", true),
      ("api.example.com", 443, ".example.com", true),
      ("example.com", 443, "*.example.com", true),
      ("notexample.com", 443, "example.com", false),
      ("api.example.com", 443, "api.example.com:8443", false),
      ("api.example.com", 8443, "api.example.com:8443", true),
      ("anything", 80, "*", true),
      ("10.0.0.1", 80, "10.0.0.1", true),
      ("::1", 80, "[::1]", true),
      ("::1", 80, "[::1]:8080", false),
    ])
  func noProxy(host: String, port: Int, list: String, bypass: Bool) {
    #expect(ProxySettings.bypasses(host: host, port: port, noProxy: list) == bypass)
  }
}
