import CherryKit

/// A command line as it may be shown or kept (`--echo`, the history file): every
/// word the table declares a secret is masked by what it is, not by its shape —
/// keys, secret header values, URL passwords and key-like query items
/// (DESIGN §1.1) — then every secret registered so far, then anything that looks
/// like a key.
enum LineMasking {
  /// The line with its secrets masked.
  ///
  /// - Parameters:
  ///   - line: The line as typed (before `$VAR` expansion).
  ///   - secrets: The secrets known so far.
  /// - Returns: The line, the same but for the masked words.
  static func masked(_ line: String, secrets: SecretRegistry?) -> String {
    let scalars = Array(line.unicodeScalars)
    let scanned = WordSplitter.scan(line)
    var words = scanned.words.map(\.text)
    var replacements: [(range: Range<Int>, text: String)] = []
    if let first = words.first {
      var split = false
      if CommandTable.command(named: first) == nil, first.count > 1,
        let sign = first.first, sign == "+" || sign == "-"
      {
        words[0] = String(sign)
        split = true
      }
      if let command = CommandTable.command(named: words[0]) {
        let rest = Array(words.dropFirst())
        let position = TablePosition.walk(command, words: split ? [] : rest)
        for (offset, role) in position.roles.enumerated() {
          let word = scanned.words[offset + 1]
          let previous = offset > 0 ? rest[offset - 1] : ""
          // `$NAME` names where the secret is, and is not one (its value is
          // registered once read).
          if isVariableReference(word.text) { continue }
          if let text = maskedWord(word.text, role: role, previous: previous) {
            replacements.append((word.start..<word.end, text))
          }
        }
      }
    }
    var result = String.UnicodeScalarView()
    var index = 0
    for replacement in replacements {
      result.append(contentsOf: scalars[index..<replacement.range.lowerBound])
      result.append(contentsOf: replacement.text.unicodeScalars)
      index = replacement.range.upperBound
    }
    result.append(contentsOf: scalars[index...])
    let masked = secrets?.mask(String(result)) ?? String(result)
    return KeyMask.maskLine(masked)
  }

  /// `$NAME` or `${NAME}` as typed, alone.
  private static func isVariableReference(_ word: String) -> Bool {
    var body = Substring(word)
    guard body.first == "$" else { return false }
    body = body.dropFirst()
    if body.first == "{", body.last == "}" { body = body.dropFirst().dropLast() }
    guard let first = body.first, first == "_" || (first.isASCII && first.isLetter) else {
      return false
    }
    return body.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }

  /// The masked form of one word, or `nil` when it is not a secret.
  private static func maskedWord(_ word: String, role: WordRole, previous: String) -> String? {
    let kind: ValueKind
    switch role {
    case .argument(let argument):
      if argument.name == "value", HeaderSecrecy.isSecret(name: previous),
        argument.kind == .text, argument.isSecret
      {
        return word.hasPrefix("env:") ? nil : KeyMask.mask(word)
      }
      kind = argument.kind
    case .optionValue(let option):
      kind = option.kind
    case .option(let option):
      guard let equals = word.firstIndex(of: "=") else { return nil }
      let value = String(word[word.index(after: equals)...])
      guard let masked = maskedValue(value, kind: option.kind) else { return nil }
      return String(word[...equals]) + masked
    case .command, .subcommand, .other:
      return nil
    }
    return maskedValue(word, kind: kind)
  }

  private static func maskedValue(_ value: String, kind: ValueKind) -> String? {
    switch kind {
    case .keys:
      return value.split(separator: ",", omittingEmptySubsequences: false).map { part in
        let key = String(part).trimmingWhitespace
        return key.isEmpty || key.hasPrefix("env:") ? String(part) : KeyMask.mask(key)
      }.joined(separator: ",")
    case .url:
      let masked = URLSecrets.masked(value)
      return masked == value ? nil : masked
    default:
      return nil
    }
  }
}
