/// Why a line could not be split into words (DESIGN §2.2).
enum WordError: Error, Equatable, Sendable {
  /// A `'` or `"` opened at `column` (1-based) was never closed.
  case unbalancedQuote(quote: Character, column: Int)
  /// `$NAME` or `${NAME}` names a variable that is unset or empty.
  case unsetVariable(name: String)
  /// `${` at `column` has no closing `}` or no valid name inside.
  case badBrace(column: Int)
}

/// Splits a command line into words, the way DESIGN §2.2 says.
///
/// - Words are separated by spaces and tabs.
/// - `'…'` quotes literally; `"…"` quotes but still expands variables, and a
///   backslash there escapes `"`, `\` and `$`.
/// - Outside quotes, a backslash escapes a space, a quote, `$`, `#` or a backslash.
/// - `$NAME` and `${NAME}` expand from the environment (so scripts need not hold
///   secrets), except inside `'…'`; an unset or empty variable is an error naming it.
/// - `#` starts a comment only at the start of a word, so a URL ending in `#` keeps it.
///
/// One tokenizer for running lines and completing them: ``split(_:environment:)``
/// is strict; ``scan(_:)`` is the lenient mode Tab uses on a half-typed line.
enum WordSplitter {
  /// Splits one line.
  ///
  /// - Parameters:
  ///   - line: The line as typed.
  ///   - environment: The variables `$NAME` expands from.
  /// - Returns: The words, quotes removed and variables expanded; empty for a
  ///   blank line or a comment.
  /// - Throws: ``WordError`` for an unbalanced quote, an unset variable or a bad `${`.
  static func split(_ line: String, environment: [String: String]) throws(WordError) -> [String] {
    try scan(line, environment: environment, lenient: false).words.map(\.text)
  }

  /// Splits a line that may be half-typed (Tab at the prompt): an open quote
  /// runs to the end, and `$VAR` stays as typed.
  ///
  /// - Parameter line: The text left of the cursor.
  /// - Returns: The words with where each starts, and the quote left open.
  static func scan(_ line: String) -> ScannedLine {
    (try? scan(line, environment: [:], lenient: true)) ?? ScannedLine(words: [], openQuote: nil)
  }

  /// The one loop behind both modes.
  private static func scan(_ line: String, environment: [String: String], lenient: Bool)
    throws(WordError) -> ScannedLine
  {
    let scalars = Array(line.unicodeScalars)
    var words: [ScannedWord] = []
    var current = String.UnicodeScalarView()
    var inWord = false
    var start = 0
    var openQuote: Character?
    var i = 0
    let n = scalars.count

    func beginWord() {
      if !inWord {
        inWord = true
        start = i
      }
    }
    func finishWord() {
      if inWord { words.append(ScannedWord(text: String(current), start: start, end: i)) }
      current = String.UnicodeScalarView()
      inWord = false
    }

    while i < n {
      let c = scalars[i]
      switch c {
      case " ", "\t":
        finishWord()
        i += 1
      case "#" where !inWord:
        return ScannedLine(words: words, openQuote: nil, comment: true)
      case "'":
        beginWord()
        let open = i
        i += 1
        while i < n, scalars[i] != "'" {
          current.append(scalars[i])
          i += 1
        }
        guard i < n else {
          if lenient {
            openQuote = "'"
            break
          }
          throw .unbalancedQuote(quote: "'", column: open + 1)
        }
        i += 1
      case "\"":
        beginWord()
        let open = i
        i += 1
        while i < n, scalars[i] != "\"" {
          if scalars[i] == "\\", i + 1 < n,
            scalars[i + 1] == "\"" || scalars[i + 1] == "\\" || scalars[i + 1] == "$"
          {
            current.append(scalars[i + 1])
            i += 2
          } else if scalars[i] == "$", !lenient {
            i = try expand(scalars, at: i, into: &current, environment: environment)
          } else {
            current.append(scalars[i])
            i += 1
          }
        }
        guard i < n else {
          if lenient {
            openQuote = "\""
            break
          }
          throw .unbalancedQuote(quote: "\"", column: open + 1)
        }
        i += 1
      case "\\":
        beginWord()
        if i + 1 < n, Self.escapable(scalars[i + 1]) {
          current.append(scalars[i + 1])
          i += 2
        } else {
          current.append(c)
          i += 1
        }
      case "$" where !lenient:
        beginWord()
        i = try expand(scalars, at: i, into: &current, environment: environment)
      default:
        beginWord()
        current.append(c)
        i += 1
      }
    }
    finishWord()
    return ScannedLine(words: words, openQuote: openQuote)
  }

  private static func escapable(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "'" || c == "\"" || c == "$" || c == "#" || c == "\\"
  }

  private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }

  private static func isNameBody(_ c: Unicode.Scalar) -> Bool {
    isNameStart(c) || (c >= "0" && c <= "9")
  }

  /// Expands the `$` at `start`; returns the index after what it consumed.
  ///
  /// A `$` not followed by a name (`$5`, `$ `, a final `$`) stays literal.
  private static func expand(
    _ s: [Unicode.Scalar], at start: Int, into out: inout String.UnicodeScalarView,
    environment: [String: String]
  ) throws(WordError) -> Int {
    var i = start + 1
    let n = s.count
    var name = String.UnicodeScalarView()
    if i < n, s[i] == "{" {
      i += 1
      while i < n, isNameBody(s[i]) {
        name.append(s[i])
        i += 1
      }
      guard i < n, s[i] == "}", let first = name.first, isNameStart(first) else {
        throw .badBrace(column: start + 1)
      }
      i += 1
    } else if i < n, isNameStart(s[i]) {
      while i < n, isNameBody(s[i]) {
        name.append(s[i])
        i += 1
      }
    } else {
      out.append("$")
      return start + 1
    }
    let key = String(name)
    guard let value = environment[key], !value.isEmpty else { throw .unsetVariable(name: key) }
    out.append(contentsOf: value.unicodeScalars)
    return i
  }
}

/// One word of a scanned line.
struct ScannedWord: Equatable, Sendable {
  /// The word, quotes and escapes removed.
  var text: String
  /// Where it starts in the line, in Unicode scalars (its opening quote included).
  var start: Int
  /// Where it ends (exclusive), in Unicode scalars.
  var end: Int
}

/// A line as the lenient scanner reads it.
struct ScannedLine: Equatable, Sendable {
  /// The words, in order.
  var words: [ScannedWord]
  /// The quote left open at the end (`'` or `"`), or `nil`.
  var openQuote: Character?
  /// Whether the line ends in a comment.
  var comment = false
}
