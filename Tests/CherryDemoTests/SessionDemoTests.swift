import CherryDemo
import CherryKit
import CherryTestSupport
import Foundation
import Testing

/// The throw-away session of `cherry --demo`.
@Suite struct SessionDemoTests {
  static let demoIDs = [
    "demo-openai", "demo-openai-response", "demo-anthropic", "demo-gemini", "demo-ollama",
    "demo-azure-openai", "demo-gateway", "demo-newapi",
  ]

  /// The path after the server's root of the demo providers that have one.
  static let ownPaths = ["demo-gateway": "/gateway/llm", "demo-newapi": "/newapi"]

  @Test func demoProvidersComeFirstPointingAtTheServer() {
    let session = DemoSession.make(port: 4321)
    let demo = session.providers.prefix(Self.demoIDs.count)
    #expect(demo.map(\.id) == Self.demoIDs)
    #expect(Set(demo.map(\.style)) == Set(APIStyle.allCases))
    #expect(session.selected == "demo-openai")
    for provider in demo {
      #expect(provider.url == "http://127.0.0.1:4321" + (Self.ownPaths[provider.id] ?? ""))
      #expect(provider.isNewAPI == (provider.id == "demo-newapi"))
      #expect(provider.keys == DemoSession.keys)
      #expect(!provider.isBuiltIn)
      #expect(!provider.enabled)
      #expect(provider.models.isEmpty)
      #expect(provider.name.hasPrefix("Demo ("))
    }
    #expect(session.provider("demo-azure-openai")?.apiVersion == "2024-10-21")
    #expect(session.provider("demo-openai")?.apiVersion == nil)
  }

  @Test func theRealCatalogueFollowsWithItsRealHosts() {
    let session = DemoSession.make(port: 4321)
    let builtIn = session.providers.dropFirst(Self.demoIDs.count)
    #expect(Array(builtIn) == ProviderCatalogue.freshSession().providers)
    let deepseek = session.provider("deepseek")
    #expect(deepseek?.url == "https://api.deepseek.com")
    #expect(deepseek?.isBuiltIn == true)
    #expect(deepseek?.keys.isEmpty == true)
    #expect(Set(session.providers.map(\.id)).count == session.providers.count)
  }

  @Test func defaultsAreWhatTheSessionStartsWith() {
    let session = DemoSession.make(port: 5555)
    let defaults = DemoSession.defaults(port: 5555)
    #expect(defaults == Array(session.providers.prefix(defaults.count)))
    #expect(defaults.map(\.id) == Self.demoIDs)
    for provider in defaults {
      #expect(DemoSession.defaultProvider(provider.id, port: 5555) == provider)
      #expect(DemoSession.isDemoProvider(provider.id))
    }
    #expect(DemoSession.defaultProvider("deepseek", port: 5555) == nil)
    #expect(!DemoSession.isDemoProvider("deepseek"))
    // The port is part of the defaults: a reset after a restart points at the new server.
    #expect(DemoSession.defaultProvider("demo-openai", port: 6666)?.url == "http://127.0.0.1:6666")
  }
}
