import CherryKit
import Testing

/// Masking keys, spotting them in words, and masking lines (DESIGN §1.1).
struct KeyMaskTests {
  // MARK: - mask

  /// A key and its mask.
  struct Masked: CustomTestStringConvertible, Sendable {
    let key: String
    let mask: String
    var testDescription: String { "\(key.count) chars" }
  }

  static let masks: [Masked] = [
    Masked(key: "", mask: "****"),
    Masked(key: "a", mask: "****"),
    Masked(key: "sk-xxxx1", mask: "****"),
    Masked(key: "123456789", mask: "12****89"),
    Masked(key: "1234567890123456", mask: "12****56"),
    Masked(key: "12345678901234567", mask: "1234****4567"),
    Masked(key: "123456789012345678901234", mask: "1234****1234"),
    Masked(key: "1234567890123456789012345", mask: "12345678****89012345"),
    Masked(
      key: "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789", mask: "sk-ant-a****23456789"),
    // A reference is not a secret: shown as is.
    Masked(key: "env:OPENAI_API_KEY", mask: "env:OPENAI_API_KEY"),
    // …but only a valid one; anything else is a literal and is masked.
    Masked(key: "env:not a name at all", mask: "env:**** all"),
  ]

  @Test(arguments: masks)
  func masksByLength(_ row: Masked) {
    #expect(KeyMask.mask(row.key) == row.mask)
  }

  // MARK: - looksLikeKey

  static let keys = [
    "sk-xxxx1", "sk-a", "sk_live_abc",
    "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
    "sk-ant-api03-AbCdEf0123456789_ghIJkl-MNopQR",
    "sk-or-v1-0123456789abcdef0123456789abcdef",
    "AIzaSyD-1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTu",
    "gsk_Ab12Cd34Ef56Gh78Ij90", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz", "xai-AbCdEf123456",
    "pplx-0123456789abcdef", "nvapi-abcDEF123456",
    "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    "0a1b2c3d4e5f60718293a4b5c6d7e8f9.AbCdEfGhIjKlMnOp",
    "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    "dGhpcyBpcyBhIHNlY3JldCBrZXkgMTIz==",
    "Xk9pQ2rT7vW1yZ3bN5mL8jH4gF6dS0aE",
    "a1b2c3d4e5f6g7h8i9j0",
  ]

  @Test(arguments: keys)
  func spotsKey(_ word: String) {
    #expect(KeyMask.looksLikeKey(word))
  }

  static let ordinaryWords = [
    "manage", "provider", "deepseek", "openai-response", "azure-openai", "key", "token",
    "--timeout", "15", "+", "-", "group:openai", "2024-10-21", "OPENAI_API_KEY",
    "env:OPENAI_API_KEY", "env:K1", "https://api.openai.com/v1",
    "https://open.bigmodel.cn/api/paas/v4/", "http://localhost:11434",
    "/home/user/.cherryrc", "./scripts/setup.cherryrc", "~/.config/cherry/session.json",
    "gpt-4o-mini", "gpt-4o-2024-08-06", "o3-mini", "claude-3-5-sonnet-20241022",
    "claude-sonnet-4-20250514", "gemini-2.0-flash-thinking-exp-01-21",
    "text-embedding-3-large", "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "Qwen/Qwen2.5-72B-Instruct", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B",
    "anthropic.claude-3-5-sonnet-20241022-v2:0", "qwen2.5-coder:32b-instruct-q4_K_M",
    "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M", "ep-20240101123456-abcde",
    "sentence-transformers/all-MiniLM-L6-v2", "ft:gpt-4o-mini-2024-07-18:my-org::9abcDEFg",
    "accounts/fireworks/models/llama-v3p1-405b-instruct", "doubao-1-5-pro-32k-250115",
    "hf_transfer_enabled", "skip", "sketch", "AIza", "internationalization",
    "silicon", "ppio", "dashscope", "minimax-global", "tencent-cloud-ti",
    "mistral-large-2411", "BAAI/bge-m3", "@cf/meta/llama-3.1-8b-instruct", "ask", "'gpt-4o*'",
  ]

  @Test(arguments: ordinaryWords)
  func leavesOrdinaryWord(_ word: String) {
    #expect(!KeyMask.looksLikeKey(word))
    #expect(KeyMask.maskLine(word) == word)
  }

  @Test func looksIntoListsAssignmentsAndQueries() {
    #expect(KeyMask.looksLikeKey("sk-a,sk-b"))
    #expect(KeyMask.looksLikeKey("OPENAI_API_KEY=sk-abc"))
    #expect(KeyMask.looksLikeKey("'sk-abc'"))
    #expect(
      KeyMask.looksLikeKey("https://gw.example.com/v1beta?key=AIzaSyD-1a2B3c4D5e6F7g8H9i0JkLm"))
    #expect(KeyMask.looksLikeKey("api-key:sk-abc"))
  }

  // MARK: - maskLine

  /// A line and the line as echoed.
  struct Line: CustomTestStringConvertible, Sendable {
    let line: String
    let masked: String
    var testDescription: String { masked }
  }

  static let lines: [Line] = [
    Line(line: "key sk-xxxx1,sk-xxxx2,sk-xxxx3,sk-xxxx4", masked: "key ****,****,****,****"),
    Line(line: "key sk-a, sk-b", masked: "key ****, ****"),
    Line(line: "key sk-a\u{FF0C}sk-b", masked: "key ****\u{FF0C}****"),
    Line(line: "key sk-a;sk-b", masked: "key ****;****"),
    Line(
      line: "token  sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z   # mine",
      masked: "token  sk-proj-****Uv1wXy4z   # mine"),
    Line(
      line: "export OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
      masked: "export OPENAI_API_KEY=sk-proj-****Uv1wXy4z"),
    Line(
      line: "url https://gw.example.com/v1beta?alt=sse&key=AIzaSyD-1a2B3c4D5e6F7g8H9i0JkLm",
      masked: "url https://gw.example.com/v1beta?alt=sse&key=AIzaSyD-****H9i0JkLm"),
    Line(line: "say \"sk-abcdefghij\" now", masked: "say \"sk****ij\" now"),
    Line(
      line: "unknown command: f47ac10b-58cc-4372-a567-0e02b2c3d479",
      masked: "unknown command: f47ac10b****b2c3d479"),
    Line(line: "  use   deepseek  ", masked: "  use   deepseek  "),
    Line(
      line: "+ gpt-4o-mini claude-3-5-sonnet-20241022",
      masked: "+ gpt-4o-mini claude-3-5-sonnet-20241022"),
    Line(line: "key env:OPENAI_API_KEY,sk-b", masked: "key env:OPENAI_API_KEY,****"),
    Line(line: "", masked: ""),
    Line(line: "clé\tsk-xxxx1 — ok", masked: "clé\t**** — ok"),
  ]

  @Test(arguments: lines)
  func masksLine(_ row: Line) {
    #expect(KeyMask.maskLine(row.line) == row.masked)
  }
}
