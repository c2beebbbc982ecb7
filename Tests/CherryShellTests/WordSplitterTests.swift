import Testing

@testable import CherryShell

struct WordSplitterTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let line: String
    let words: [String]
    var testDescription: String { id }
  }

  static let environment = ["KEY": "sk-from-env", "EMPTY": "", "HOST": "api.example.com"]

  static let cases: [Case] = [
    Case(id: "plain", line: "use deepseek", words: ["use", "deepseek"]),
    Case(id: "blank", line: "   \t ", words: []),
    Case(id: "tabs and spaces", line: "\tkey  a,b\t", words: ["key", "a,b"]),
    Case(
      id: "single quotes", line: "provider rename x 'My Name'",
      words: ["provider", "rename", "x", "My Name"]),
    Case(
      id: "double quotes", line: "header set X-Title \"cherry shell\"",
      words: ["header", "set", "X-Title", "cherry shell"]),
    Case(id: "empty quotes", line: "x '' \"\"", words: ["x", "", ""]),
    Case(id: "adjacent quotes join", line: "a'b c'\"d\"", words: ["ab cd"]),
    Case(id: "variable", line: "key $KEY", words: ["key", "sk-from-env"]),
    Case(
      id: "braced variable", line: "url https://${HOST}/v2/",
      words: ["url", "https://api.example.com/v2/"]),
    Case(id: "variable in double quotes", line: "x \"$KEY\"", words: ["x", "sk-from-env"]),
    Case(id: "no expansion in single quotes", line: "x '$KEY'", words: ["x", "$KEY"]),
    Case(id: "lone dollar", line: "x $ 5$", words: ["x", "$", "5$"]),
    Case(id: "digit after dollar", line: "x $5", words: ["x", "$5"]),
    Case(id: "comment line", line: "# a comment", words: []),
    Case(id: "comment after words", line: "use deepseek # pick it", words: ["use", "deepseek"]),
    Case(
      id: "hash inside a word", line: "url https://gw.example.com/chat/completions#",
      words: ["url", "https://gw.example.com/chat/completions#"]),
    Case(id: "hash inside quotes", line: "x '# not a comment'", words: ["x", "# not a comment"]),
    Case(id: "escaped space", line: "x a\\ b", words: ["x", "a b"]),
    Case(id: "escaped dollar", line: "x \\$KEY", words: ["x", "$KEY"]),
    Case(id: "backslash kept", line: "x a\\b", words: ["x", "a\\b"]),
    Case(id: "escaped quote in double quotes", line: "x \"a\\\"b\"", words: ["x", "a\"b"]),
    Case(id: "cjk", line: "provider rename x 模型", words: ["provider", "rename", "x", "模型"]),
    Case(id: "full-width comma kept for the key parser", line: "key a，b", words: ["key", "a，b"]),
  ]

  @Test(arguments: cases)
  func splits(_ c: Case) throws {
    #expect(try WordSplitter.split(c.line, environment: Self.environment) == c.words)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    let id: String
    let line: String
    let error: WordError
    var testDescription: String { id }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      id: "unbalanced single", line: "x 'abc", error: .unbalancedQuote(quote: "'", column: 3)),
    ErrorCase(
      id: "unbalanced double", line: "x \"abc", error: .unbalancedQuote(quote: "\"", column: 3)),
    ErrorCase(id: "unset variable", line: "key $NOPE", error: .unsetVariable(name: "NOPE")),
    ErrorCase(id: "empty variable", line: "key ${EMPTY}", error: .unsetVariable(name: "EMPTY")),
    ErrorCase(
      id: "unset in double quotes", line: "x \"$NOPE\"", error: .unsetVariable(name: "NOPE")),
    ErrorCase(id: "unclosed brace", line: "x ${KEY", error: .badBrace(column: 3)),
    ErrorCase(id: "empty brace", line: "x ${}", error: .badBrace(column: 3)),
  ]

  @Test(arguments: errorCases)
  func refuses(_ c: ErrorCase) {
    #expect(throws: c.error) { try WordSplitter.split(c.line, environment: Self.environment) }
  }
}
