import CherryInteropCore
import CherryKit
import Foundation
import Testing

@testable import CherryInterop

/// Cherry Studio's provider links, decoded by the app's rules: its own test cases
/// (`providersImport.test.ts` of the app's protocol handler) carried over, then
/// cherry's additions (required fields, keys, versions, the round trip).
struct DeepLinkTests {
  /// The app's `toUrlSafeBase64`: base64 of the JSON, `+` as `_` and `/` as `-`.
  static func urlSafe(_ object: [String: String]) throws -> String {
    let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return json.base64EncodedString().replacingOccurrences(of: "+", with: "_")
      .replacingOccurrences(of: "/", with: "-")
  }

  static func base64(_ text: String) -> String {
    Data(text.utf8).base64EncodedString()
  }

  static func decoded(_ data: String) throws -> [String: String] {
    try #require(try DeepLinkPayload.decode(data) as? [String: String])
  }

  // MARK: - The app's test cases

  @Test func opensProviderSettingsWithDecodedData() throws {
    let config = [
      "id": "custom-openai", "baseUrl": "https://api.example.com/v1", "apiKey": "sk-test",
      "name": "Custom OpenAI", "type": "openai",
    ]
    let source = try DeepLink.read(
      "cherrystudio://providers/api-keys?v=1&data=\(try Self.urlSafe(config))")
    let provider = try #require(source.providers.first)
    #expect(provider.id == "custom-openai")
    #expect(provider.name == "Custom OpenAI")
    #expect(provider.url == "https://api.example.com/v1")
    #expect(provider.keys == ["sk-test"])
    #expect(provider.style == .openai)
  }

  @Test func refusesDataThatIsNotJSON() {
    #expect(throws: InteropFailure.self) {
      try DeepLink.read("cherrystudio://providers/api-keys?v=1&data=not-json")
    }
  }

  @Test func refusesOversizedDataWithoutRepeatingIt() {
    let oversized = String(repeating: "A", count: DeepLinkPayload.maximumCharacters + 1)
    do {
      _ = try DeepLink.read("cherrystudio://providers/api-keys?v=1&data=\(oversized)")
      Issue.record("an oversized link was accepted")
    } catch {
      #expect(error.what.contains("more than Cherry Studio accepts"))
      #expect(!error.what.contains(oversized))
    }
  }

  @Test func keepsStandardBase64PlusAndSlash() throws {
    let config = ["id": "custom-openai", "apiKey": "sk-1919-\u{3FF}"]
    let data = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
      .base64EncodedString()
    #expect(data.contains("+") && data.contains("/"))
    #expect(try Self.decoded(data) == config)
  }

  @Test func readsWrappedLegacyPayloads() throws {
    #expect(try Self.decoded(Self.base64("({'id':'custom-openai'})")) == ["id": "custom-openai"])
  }

  @Test func readsURLSafeBase64Directly() throws {
    let config = ["id": "tokenflux", "apiKey": "sk-10895-\u{3FF}"]
    // `JSON.stringify` keeps the literal's order.
    let payload = Self.base64(#"{"id":"tokenflux","apiKey":"sk-10895-\#u{3FF}"}"#)
      .replacingOccurrences(of: "+", with: "_").replacingOccurrences(of: "/", with: "-")
    #expect(payload.contains("_") && payload.contains("-"))
    #expect(try Self.decoded(payload) == config)
  }

  @Test func keepsApostrophesAndParenthesesInStandardJSON() throws {
    let config = [
      "id": "custom", "name": "Bob's Provider (prod)", "apiKey": "sk-live-it's-real-(primary)",
    ]
    let data = try JSONSerialization.data(withJSONObject: config).base64EncodedString()
    #expect(try Self.decoded(data) == config)
  }

  @Test func readsLegacySingleQuotedStringsWhole() throws {
    let payload = Self.base64("({'id':'tokenflux','name':'Bob\\'s Provider (prod)'})")
    #expect(try Self.decoded(payload) == ["id": "tokenflux", "name": "Bob's Provider (prod)"])
  }

  @Test func unknownLinksAreRefusedWithoutTheirQuery() {
    do {
      _ = try DeepLink.read("cherrystudio://providers/unknown?data=sk-secret-token#raw-secret")
      Issue.record("an unknown link was accepted")
    } catch {
      let text = error.what + error.fix.joined()
      #expect(!text.contains("sk-secret-token") && !text.contains("raw-secret"))
    }
  }

  // MARK: - cherry's rules

  @Test func requiresIDBaseURLAndKey() throws {
    let data = try Self.urlSafe(["id": "x", "baseUrl": "https://x.example.com"])
    do {
      _ = try DeepLink.read("cherrystudio://providers/api-keys?v=1&data=\(data)")
      Issue.record("a link without apiKey was accepted")
    } catch {
      #expect(error.what.contains("apiKey"))
    }
  }

  @Test func refusesANewerVersionByItsNumber() throws {
    let data = try Self.urlSafe(["id": "x", "baseUrl": "https://x.example.com", "apiKey": "sk-x"])
    do {
      _ = try DeepLink.read("cherrystudio://providers/api-keys?v=2&data=\(data)")
      Issue.record("v=2 was accepted")
    } catch {
      #expect(error.what.contains("v=2"))
    }
  }

  @Test func refusesAFullWidthCommaWithoutShowingTheKey() throws {
    let key = "sk-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    let data = try Self.urlSafe([
      "id": "x", "baseUrl": "https://x.example.com", "apiKey": key + "\u{FF0C}sk-b",
    ])
    do {
      _ = try DeepLink.read("cherrystudio://providers/api-keys?v=1&data=\(data)")
      Issue.record("a full-width comma was accepted")
    } catch {
      #expect(error.what.contains("U+FF0C") || error.what.contains("，"))
      #expect(!(error.what + error.fix.joined()).contains(key))
    }
  }

  @Test func splitsSeveralKeysAndMapsTheType() throws {
    let data = try Self.urlSafe([
      "id": "claude-gw", "baseUrl": "https://claude.example.com", "apiKey": "sk-a1, sk-b2",
      "type": "anthropic",
    ])
    let provider = try #require(
      try DeepLink.read("cherrystudio://providers/api-keys?v=1&data=\(data)").providers.first)
    #expect(provider.keys == ["sk-a1", "sk-b2"])
    #expect(provider.style == .anthropic)
    #expect(provider.name == "claude-gw")
  }

  @Test func percentEncodedDataIsDecodedFirst() throws {
    let data = try Self.urlSafe(["id": "x", "baseUrl": "https://x.example.com", "apiKey": "sk-x"])
    let encoded = data.replacingOccurrences(of: "=", with: "%3D")
    let provider = try DeepLink.read("cherrystudio://providers/api-keys?data=\(encoded)")
    #expect(provider.providers.first?.id == "x")
  }

  @Test(arguments: [APIStyle.openai, .openaiResponse, .anthropic, .gemini, .ollama, .azureOpenAI])
  func writtenLinksReadBackTheSameProvider(_ style: APIStyle) throws {
    var provider = Provider(
      id: "team-\(style.rawValue)", name: "Bob's Team (prod)", style: style,
      url: "https://gw.example.com/v1")
    provider.keys = ["sk-first-0123456789abcdef", "sk-second-abcdef0123456789"]
    let link = DeepLink.write(provider)
    #expect(link.hasPrefix("cherrystudio://providers/api-keys?v=1&data="))
    #expect(!link.dropFirst(40).contains("+") && !link.dropFirst(40).contains("/"))
    let back = try #require(try DeepLink.read(link).providers.first)
    #expect(back.id == provider.id)
    #expect(back.name == provider.name)
    #expect(back.url == provider.url)
    #expect(back.style == style)
    #expect(back.keys == provider.keys)
  }
}
