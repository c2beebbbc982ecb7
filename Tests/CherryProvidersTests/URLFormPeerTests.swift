import CherryDemo
import CherryKit
import CherryProviders
import Testing

/// The exact path the server sees for each form of the API URL (DESIGN §1.2), and a
/// wrong URL's 404 explained with the rule that built it.
struct URLFormPeerTests {
  /// A URL form (after `http://127.0.0.1:P`), and the list and chat paths it gives.
  struct Form: Sendable, CustomTestStringConvertible {
    var suffix: String
    var listPath: String
    var chatPath: String
    var testDescription: String { suffix.isEmpty ? "(root)" : suffix }
  }

  static let forms: [Form] = [
    Form(suffix: "", listPath: "/v1/models", chatPath: "/v1/chat/completions"),
    Form(suffix: "/v1/", listPath: "/v1/models", chatPath: "/v1/chat/completions"),
    Form(suffix: "/", listPath: "/models", chatPath: "/chat/completions"),
    Form(suffix: "/v1", listPath: "/v1/models", chatPath: "/v1/chat/completions"),
    Form(suffix: "/gw/v2", listPath: "/gw/v2/models", chatPath: "/gw/v2/chat/completions"),
    Form(suffix: "/gw", listPath: "/gw/v1/models", chatPath: "/gw/v1/chat/completions"),
    Form(
      suffix: "/v1/chat/completions#", listPath: "/v1/models", chatPath: "/v1/chat/completions"),
  ]

  @Test("each URL form reaches the expected paths", arguments: forms)
  func paths(form: Form) async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = server.url + form.suffix
      _ = try? await client.listModels(provider, keyIndex: 0)
      _ = await client.test(provider, model: Peer.model("gpt-4o"), keyIndex: 0, timeout: 5)
      let paths = server.recordedRequests().map(\.path)
      #expect(paths == [form.listPath, form.chatPath])
    }
  }

  @Test("a 404 names the URL tried and the rule that built it")
  func wrongURL() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = server.url + "/nowhere/"
      let endpoints = try EndpointResolver.resolve(provider, model: nil)
      do {
        _ = try await client.listModels(provider, keyIndex: 0)
        Issue.record("a wrong URL must fail")
      } catch let error as ProviderError {
        #expect(error.kind == .notFound)
        #expect(error.status == 404)
        #expect(error.url == server.url + "/nowhere/models")
        #expect(error.message.contains(server.url + "/nowhere/models"))
        #expect(error.hint.contains(endpoints.ruleExplanation))
      }
    }
  }

  @Test("a pasted endpoint without # is refused before any request")
  func pastedEndpoint() async throws {
    try await Peer.withDemo { server, session, client in
      var provider = Peer.provider(.openai, in: session)
      provider.url = server.url + "/v1/chat/completions"
      let result = await client.test(provider, model: Peer.model("gpt-4o"), keyIndex: 0, timeout: 5)
      #expect(result.error?.kind == .configuration)
      #expect(result.error?.hint.contains("#") == true)
      #expect(server.recordedRequests().isEmpty)
    }
  }
}
