import CherryKit
import Testing

/// Secrets are masked by value (DESIGN §1.1): everywhere when they are long enough,
/// in their own field when short, before anything is cut short.
struct SecretSetTests {
  @Test func masksALongSecretWhateverItsShape() {
    let secrets = SecretSet(["correct-horse-battery-staple-42"])
    let text =
      "the key correct-horse-battery-staple-42 was refused (correct-horse-battery-staple-42)"
    let masked = secrets.mask(text)
    #expect(!masked.contains("correct-horse-battery-staple-42"))
    #expect(masked == "the key correct-****taple-42 was refused (correct-****taple-42)")
  }

  @Test func aShortSecretIsMaskedOnlyInItsField() {
    let secrets = SecretSet(["blue"])
    #expect(secrets.mask("the sky is blue") == "the sky is blue")
    #expect(secrets.maskField("blue") == "****")
    #expect(secrets.maskField("Bearer blue") == "Bearer ****")
  }

  @Test func theBoundaryIsEightCharacters() {
    let secrets = SecretSet(["abcdefgh", "abcdefg"])
    #expect(secrets.mask("x abcdefgh y") == "x **** y")
    #expect(secrets.mask("x abcdefg y") == "x abcdefg y")
  }

  @Test func echoesInAnotherEncodingAreMaskedToo() {
    let secret = "p@ss/word+with\"quotes\""
    let secrets = SecretSet([secret])
    #expect(!secrets.mask("?key=p%40ss%2Fword%2Bwith%22quotes%22").contains("p%40ss%2Fword"))
    #expect(!secrets.mask(#"{"echo":"p@ss\/word+with\"quotes\""}"#).contains("word+with"))
  }

  @Test func overlappingSecretsAreHiddenTogether() {
    let secrets = SecretSet(["abcdefghij", "ghijklmnopq"])
    let masked = secrets.mask("<abcdefghijklmnopq>")
    #expect(!masked.contains("klmnopq") && !masked.contains("abcdef"))
    #expect(masked.hasPrefix("<") && masked.hasSuffix(">"))
  }

  @Test func referencesAndEmptyValuesAreNotSecrets() {
    let secrets = SecretSet(["", "env:OPENAI_API_KEY"])
    #expect(secrets.isEmpty)
  }

  @Test func registryIsSharedAndGrows() async {
    let registry = SecretRegistry()
    await withTaskGroup(of: Void.self) { group in
      for index in 0..<50 {
        group.addTask { registry.register("secret-value-number-\(index)") }
      }
    }
    #expect(registry.current.values.contains("secret-value-number-49"))
    #expect(registry.mask("x secret-value-number-7 y") == "x secr****er-7 y")
    #expect(registry.maskField("secret-value-number-7") == "secr****er-7")
  }

  // MARK: - URLs

  @Test func urlSecretsArePasswordsAndKeyLikeQueryValues() {
    let url = "https://user:pa%24%24word@h.example/v1?key=AIzaKey123&api-version=2024-10-21&x=1"
    #expect(URLSecrets.secrets(in: url) == ["pa%24%24word", "pa$$word", "AIzaKey123"])
    let masked = URLSecrets.masked(url)
    #expect(masked == "https://user:pa****rd@h.example/v1?key=AI****23&api-version=2024-10-21&x=1")
  }

  @Test(arguments: [
    "key", "api_key", "API-KEY", "apikey", "x-api-key", "access_token", "client_secret", "sig",
    "password", "auth",
  ])
  func keyLikeNames(name: String) {
    #expect(URLSecrets.isSecretQueryName(name))
  }

  @Test(arguments: ["api-version", "alt", "model", "page", "limit"])
  func ordinaryNames(name: String) {
    #expect(!URLSecrets.isSecretQueryName(name))
  }

  @Test func proxyURLsWithoutSchemeToo() {
    #expect(URLSecrets.secrets(in: "u:hunter22@p.example:3128") == ["hunter22"])
    #expect(URLSecrets.masked("socks5://u:hunter22@p:1") == "socks5://u:****@p:1")
  }

  @Test func providerSecretsGatherEverySetting() {
    var provider = Provider(
      id: "x", name: "X", style: .openai,
      url: "https://u:url-password-1@h.example/?key=qk-123456789")
    provider.keys = ["sk-literal-key-0123456789", "env:TEAM_KEY", "env:UNSET_KEY"]
    provider.headers = [
      HeaderEntry(name: "X-Team", value: "blue"),
      HeaderEntry(name: "User-Agent", value: "agent-007"),
      HeaderEntry(name: "X-Token", value: "env:TOKEN_VAR"),
    ]
    provider.proxy = "http://p:proxy-password-9@proxy.example:3128"
    provider.anthropicURL = "https://a:anthropic-password-3@a.example/?key=ak-987654321"
    let secrets = SecretSet(
      provider: provider,
      environment: ["TEAM_KEY": "team-key-from-env-42", "TOKEN_VAR": "token-from-env-77"])
    for value in [
      "sk-literal-key-0123456789", "team-key-from-env-42", "blue", "token-from-env-77",
      "url-password-1", "qk-123456789", "proxy-password-9", "anthropic-password-3",
      "ak-987654321",
    ] {
      #expect(secrets.values.contains(value), "\(value)")
    }
    #expect(!secrets.values.contains("agent-007"))
    #expect(!secrets.values.contains("env:TEAM_KEY"))
  }

  @Test func theSourcesOfSecretsAreEveryFieldTheyAreReadFrom() {
    let provider = Provider(id: "x", name: "X", style: .openai, url: "https://h.example")
    #expect(SecretSet.sameSources(provider, provider))
    var renamed = provider
    renamed.name = "Renamed"
    #expect(SecretSet.sameSources(provider, renamed))
    let changes: [(inout Provider) -> Void] = [
      { $0.keys = ["sk-new-key-0123456789"] },
      { $0.headers = [HeaderEntry(name: "X-Token", value: "t0ken-value")] },
      { $0.url = "https://u:pw-123456789@h.example" },
      { $0.modelsURL = "https://h.example/models?key=mk-123456789" },
      { $0.anthropicURL = "https://a:pw-123456789@a.example" },
      { $0.proxy = "http://p:pw-123456789@proxy.example:3128" },
    ]
    for change in changes {
      var changed = provider
      change(&changed)
      #expect(!SecretSet.sameSources(provider, changed))
    }
  }
}
