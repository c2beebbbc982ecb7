import Testing

@testable import CherryShell

struct CompleterTests {
  static var state: CompletionState {
    var state = CompletionState()
    state.providerIDs = ["deepseek", "openai", "ollama"]
    state.providerNames = ["DeepSeek", "OpenAI", "Ollama"]
    state.listedModelIDs = ["gpt-4o", "gpt-4o-mini", "o3"]
    state.listedGroups = ["gpt-4o", "o3"]
    state.addedModelIDs = ["deepseek-chat", "gpt-4o"]
    state.listDirectory = { folder in
      folder == "." ? ["setup.cherryrc", "scripts/", ".hidden"] : ["a.cherryrc"]
    }
    return state
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let line: String
    let from: Int
    let candidates: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "command prefix", line: "pro", from: 0, candidates: ["providers", "provider", "proxy"]),
    Case(id: "alias", line: "tok", from: 0, candidates: ["token"]),
    Case(id: "subcommand", line: "key c", from: 4, candidates: ["clear"]),
    Case(id: "provider id", line: "use de", from: 4, candidates: ["deepseek"]),
    Case(id: "provider name", line: "use Dee", from: 4, candidates: ["DeepSeek"]),
    Case(
      id: "model from listing and added", line: "+ gpt", from: 2,
      candidates: ["gpt-4o", "gpt-4o-mini"]),
    Case(id: "second model", line: "+ o3 deep", from: 5, candidates: ["deepseek-chat"]),
    Case(id: "group", line: "+ group:o", from: 2, candidates: ["group:o3"]),
    Case(id: "added model only", line: "- gpt", from: 2, candidates: ["gpt-4o"]),
    Case(
      id: "style after --type", line: "provider add x --type open", from: 22,
      candidates: ["openai", "openai-response"]),
    Case(id: "option name", line: "models --k", from: 7, candidates: ["--kind"]),
    Case(id: "kind value", line: "models --kind emb", from: 14, candidates: ["embedding"]),
    Case(
      id: "set names", line: "set ", from: 4,
      candidates: ["echo", "on_error", "trace", "json", "pager"]),
    Case(id: "set values", line: "set on_error c", from: 13, candidates: ["continue"]),
    Case(id: "kind changes", line: "model gpt-4o kinds +vi", from: 19, candidates: ["+vision"]),
    Case(id: "model of model", line: "model deep", from: 6, candidates: ["deepseek-chat"]),
    Case(id: "help command", line: "help sh", from: 5, candidates: ["show"]),
    Case(id: "file", line: "source se", from: 7, candidates: ["setup.cherryrc"]),
    Case(
      id: "file in folder", line: "source scripts/", from: 7, candidates: ["scripts/a.cherryrc"]),
    Case(id: "unknown command", line: "nope x", from: 6, candidates: []),
    Case(id: "free text", line: "ask hello", from: 4, candidates: []),
    Case(id: "cjk before", line: "provider rename 模型 ", from: 19, candidates: []),
    // Nothing past the last argument, and never the same fixed word again.
    Case(id: "proxy off", line: "proxy ", from: 6, candidates: ["off"]),
    Case(id: "nothing after proxy off", line: "proxy off ", from: 10, candidates: []),
    Case(id: "nothing after timeout", line: "timeout 5 ", from: 10, candidates: []),
    Case(id: "nothing after models-url", line: "models-url off ", from: 15, candidates: []),
    Case(id: "nothing after api-version", line: "api-version off ", from: 16, candidates: []),
    Case(id: "nothing after use", line: "use deepseek ", from: 13, candidates: []),
    Case(id: "no reset on a custom provider", line: "url ", from: 4, candidates: []),
    // Inside quotes, after --opt=, and escapes.
    Case(
      id: "inside a single quote", line: "+ 'gpt-4o", from: 2,
      candidates: ["'gpt-4o'", "'gpt-4o-mini'"]),
    Case(id: "inside a double quote", line: "+ \"o", from: 2, candidates: ["\"o3\""]),
    Case(id: "after --opt=", line: "models --kind=emb", from: 14, candidates: ["embedding"]),
    Case(
      id: "option value after a space", line: "models --kind v", from: 14, candidates: ["vision"]),
    // Subcommands of help's command, kind changes starting with a dash, free text.
    Case(
      id: "help subcommand", line: "help key ", from: 9,
      candidates: ["add", "rm", "set", "list", "clear"]),
    Case(
      id: "kind change with a dash", line: "model gpt-4o kinds -to", from: 19,
      candidates: ["-tools"]),
    Case(
      id: "no option inside free text", line: "ask --model gpt-4o hi --", from: 22, candidates: []),
    Case(id: "option before free text", line: "ask --m", from: 4, candidates: ["--model"]),
    Case(id: "global options", line: "show --j", from: 5, candidates: ["--json"]),
    Case(id: "after a comment", line: "key # ", from: 6, candidates: []),
  ]

  @Test func offersResetOnlyWhereThereIsADefault() {
    var state = Self.state
    state.selectedHasDefaultURL = true
    #expect(Completer.complete("url ", state: state).candidates == ["reset"])
    #expect(Completer.complete("url re", state: state).candidates == ["reset"])
  }

  @Test func escapesWhatTheTokenizerWouldSplit() {
    var state = Self.state
    state.listDirectory = { _ in ["my folder/", "it's.cherryrc"] }
    let folder = Completer.complete("source my\\ f", state: state)
    #expect(folder.replaceFrom == 7)
    #expect(folder.candidates == ["my\\ folder/"])
    #expect(Completer.complete("source it", state: state).candidates == ["it\\'s.cherryrc"])
    // A ' cannot sit inside '…': the candidate replaces the quote with escapes.
    #expect(Completer.complete("source 'it", state: state).candidates == ["it\\'s.cherryrc"])
    #expect(Completer.complete("source \"it", state: state).candidates == ["\"it's.cherryrc\""])
  }

  @Test(arguments: cases)
  func completes(_ c: Case) {
    let result = Completer.complete(c.line, state: Self.state)
    #expect(result.replaceFrom == c.from)
    #expect(result.candidates == c.candidates)
  }

  /// A 10,000-model listing completes to exactly the ids with the prefix; its
  /// speed is measured by `scripts/bench`, not asserted here.
  @Test func completesOverTenThousandModels() {
    var state = Self.state
    state.listedModelIDs = (0..<10_000).map { "model-\($0)" }
    #expect(Completer.complete("+ model-99", state: state).candidates.count == 111)
  }
}
