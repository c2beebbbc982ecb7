import CherryKit
import Testing

/// Group derivation (notes/cherry-studio-behaviour.md §5.3).
struct ModelGroupingTests {
  @Test(
    "built-in providers group by the part before the first /, else the provider id",
    arguments: [
      ("Qwen/Qwen2.5-72B-Instruct", "silicon", "Qwen"),
      ("deepseek-ai/DeepSeek-V3", "silicon", "deepseek-ai"),
      ("a/b/c", "openrouter", "a"),
      ("gpt-4o-mini", "openai", "openai"),
      ("claude-3-5-sonnet-20241022", "anthropic", "anthropic"),
      ("/odd", "cherryin", "cherryin"),
    ])
  func builtIn(_ id: String, _ provider: String, _ expected: String) {
    #expect(ModelGrouping.group(for: id, providerID: provider, isBuiltIn: true) == expected)
  }

  @Test(
    "custom providers use getDefaultGroupName",
    arguments: [
      ("gpt-4o-mini", "mine", "gpt-4o"),
      ("claude-3-5-sonnet-20241022", "mine", "claude-3"),
      ("deepseek-chat", "mine", "deepseek-chat"),
      ("Qwen/Qwen2.5-72B-Instruct", "mine", "qwen"),
      ("llama3.1:8b", "mine", "llama3.1"),
      ("text-embedding-3-small", "mine", "text-embedding"),
      ("glm_4_plus", "mine", "glm-4"),
      ("o3", "mine", "o3"),
      ("My Model x", "mine", "my"),
      ("gpt-4o", "silicon", "gpt"),
      ("glm_4_plus", "aihubmix", "glm"),
      ("qwen3:32b", "dmxapi", "qwen3"),
    ])
  func custom(_ id: String, _ provider: String, _ expected: String) {
    #expect(ModelGrouping.group(for: id, providerID: provider, isBuiltIn: false) == expected)
  }

  /// The app's `getDefaultGroupName` vectors (src/renderer/src/utils/__tests__/naming.test.ts).
  static let appVectors: [(id: String, provider: String, group: String)] =
    [
      ("group/model", "", "group"), ("group:model", "", "group"), ("foo bar", "", "foo"),
      ("group-subgroup-model", "", "group-subgroup"), ("Qwen/Qwen3-32B", "foobar", "qwen"),
      ("gpt-4.1-mini", "foobar", "gpt-4.1"), ("gpt-4.1", "foobar", "gpt-4.1"),
      ("DeepSeek Chat", "foobar", "deepseek"), ("foo:bar", "foobar", "foo"),
      ("o3", "openai", "o3"),
    ]
    + ["aihubmix", "silicon", "ocoolai", "o3", "dmxapi"].flatMap { provider in
      [
        ("Qwen/Qwen3-32B", provider, "qwen"), ("gpt-4.1-mini", provider, "gpt"),
        ("gpt-4.1", provider, "gpt"), ("gpt_4.1", provider, "gpt"),
        ("DeepSeek Chat", provider, "deepseek"), ("foo:bar", provider, "foo"),
        ("o3", provider, "o3"),
      ]
    }

  @Test("getDefaultGroupName, as the app's tests", arguments: appVectors)
  func defaultGroupName(_ id: String, _ provider: String, _ expected: String) {
    #expect(ModelGrouping.defaultGroupName(for: id, providerID: provider) == expected)
  }

  @Test("a model added by hand takes the Add-model dialog's group, on built-in providers too")
  func handEntered() {
    #expect(ModelGrouping.handEnteredGroup(for: "gpt-4.1", providerID: "aihubmix") == "gpt")
    #expect(ModelGrouping.handEnteredGroup(for: "Qwen/Qwen3-32B", providerID: "aihubmix") == "qwen")
    #expect(ModelGrouping.handEnteredGroup(for: "gpt-4.1-mini", providerID: "openai") == "gpt-4.1")
    // An id that gives no name (only separators) falls back to the provider id.
    #expect(ModelGrouping.handEnteredGroup(for: "/x", providerID: "openai") == "openai")
    var provider = ProviderCatalogue.freshSession().provider("aihubmix")!
    provider.addModel(id: "gpt-4.1", handEntered: true)
    provider.addModel(id: "gpt-4o")
    #expect(provider.models.map(\.group) == ["gpt", "aihubmix"])
  }

  @Test("the special providers are Cherry Studio's list")
  func specialList() {
    #expect(
      ModelGrouping.firstPartProviderIDs == ["aihubmix", "silicon", "ocoolai", "o3", "dmxapi"])
  }
}

/// DashScope groups its Qwen models by family (notes §5.1, `groupQwenModels`).
struct QwenFamilyTests {
  @Test(arguments: [
    ("qwen2.5-72b-instruct", "qwen2.5"), ("qwen3.5-plus", "qwen3.5"), ("qwen2-7b", "qwen2"),
    ("qwen-max-latest", "qwen-max"), ("qwen-coder-plus", "qwen-coder"), ("qwen-vl-max", "qwen-vl"),
    ("qwen-72b-chat", "qwen-72b"), ("Qwen2.5-VL-32B", "qwen2.5"), ("qwen25-x", "qwen2"),
  ])
  func family(_ id: String, _ expected: String) {
    #expect(ModelGrouping.qwenFamily(of: id) == expected)
    #expect(ModelGrouping.group(for: id, providerID: "dashscope", isBuiltIn: true) == expected)
  }

  @Test(arguments: ["qwen3-32b", "qwen-plus", "qwq-32b", "deepseek-v3", "qwen", "qwen-b"])
  func notAFamily(_ id: String) {
    #expect(ModelGrouping.qwenFamily(of: id) == nil)
  }

  @Test func onlyOnDashScope() {
    #expect(
      ModelGrouping.group(for: "qwen2.5-72b", providerID: "silicon", isBuiltIn: true) == "silicon")
  }
}
