/// Parses and writes the comma-separated key list of `key <list>` (DESIGN §1.1).
///
/// Parsing either returns the whole list or throws and changes nothing: a list with a
/// wrong separator or a damaged key is refused as a whole, so that a half-stored list
/// never starts rotating.
///
/// `\,` is a comma inside a key, as in Cherry Studio's `splitApiKeyString`: a comma
/// after a backslash does not separate keys, and the backslash is dropped.
/// ``join(_:)`` writes such keys back escaped, so that `parse(join(keys))` gives the
/// keys again.
public enum APIKeyList {
  /// Parses a key list.
  ///
  /// Only the ASCII comma separates keys. Whitespace around each key is trimmed;
  /// empty entries and repeated keys are dropped with a warning. An entry
  /// `env:NAME` is a reference to an environment variable, kept as written. The
  /// list is read as Unicode scalars, so that a look-alike is named as what it is.
  ///
  /// - Parameter text: The list as typed, e.g. `sk-a, sk-b` or `a,b\,c`.
  /// - Returns: The keys in order, with the warnings for what was dropped.
  /// - Throws: ``KeyListError``: a wrong separator or an invisible character (with
  ///   the corrected list), a key with inner whitespace, a control character,
  ///   `****` or a final `\`, a bad `env:` name, or no key at all.
  public static func parse(_ text: String) throws(KeyListError) -> KeyList {
    try rejectRefusedScalars(in: text)
    var keys: [String] = []
    var warnings: [KeyListWarning] = []
    var seen = Set<String>()
    var entry = 0
    for raw in entries(of: text) {
      entry += 1
      let key = trimmed(raw)
      if key.isEmpty {
        warnings.append(.emptyEntryDropped(position: entry))
        continue
      }
      let unescaped = unescape(key)
      try check(unescaped, entry: entry)
      if seen.insert(unescaped).inserted {
        keys.append(unescaped)
      } else {
        warnings.append(.duplicateDropped(position: entry, masked: KeyMask.mask(unescaped)))
      }
    }
    guard !keys.isEmpty else { throw .empty }
    return KeyList(keys: keys, warnings: warnings)
  }

  /// Writes keys back as one list, the form ``parse(_:)`` reads: joined with `,`,
  /// and each comma inside a key escaped as `\,` (for `dump --with-keys`).
  ///
  /// A key that ends with `\` has no written form (its backslash would escape the
  /// comma after it); ``parse(_:)`` never stores one.
  ///
  /// - Parameter keys: Keys, literal or `env:NAME`.
  /// - Returns: The list, e.g. `sk-a,key\,with-comma`.
  public static func join(_ keys: [String]) -> String {
    keys.map(escape).joined(separator: ",")
  }

  /// A list's text with every key masked whole (DESIGN §1.1: keys are masked by
  /// what they are, not by their shape), `env:` references and the spacing kept:
  /// for a corrected command shown after a refused separator.
  ///
  /// - Parameter list: The list as text (`a,b\,c`).
  /// - Returns: The same text with each key replaced by its mask.
  public static func masked(_ list: String) -> String {
    var result = ""
    var entry = ""
    var previous: Character?
    func flush() {
      let key = entry.trimmingWhitespace
      if key.isEmpty || key.hasPrefix("env:") {
        result += entry
      } else {
        let lead = entry.prefix { $0 == " " || $0 == "\t" }
        let tail = entry.reversed().prefix { $0 == " " || $0 == "\t" }
        result += lead + KeyMask.mask(key) + String(tail.reversed())
      }
      entry = ""
    }
    for character in list {
      if character == ",", previous != "\\" {
        flush()
        result.append(",")
      } else {
        entry.append(character)
      }
      previous = character
    }
    flush()
    return result
  }

  /// One key as it is written inside a list: each `,` becomes `\,`.
  ///
  /// - Parameter key: A key.
  /// - Returns: The key with its commas escaped; the same text when it has none.
  public static func escape(_ key: String) -> String {
    key.contains(",") ? key.replacing(",", with: "\\,") : key
  }

  /// Whether `name` is a valid environment variable name, `[A-Za-z_][A-Za-z0-9_]*`.
  ///
  /// - Parameter name: The part after `env:`.
  /// - Returns: `true` when it can name a variable.
  static func isVariableName(_ name: Substring) -> Bool {
    var first = true
    for byte in name.utf8 {
      let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      let isDigit = byte >= 0x30 && byte <= 0x39
      guard isLetter || byte == 0x5F || (isDigit && !first) else { return false }
      first = false
    }
    return !first
  }

  /// Whether a key is an `env:NAME` reference with a valid name.
  ///
  /// - Parameter key: A stored key.
  /// - Returns: The variable name, or `nil` for a literal key.
  static func referenceName(_ key: Substring) -> Substring? {
    guard key.hasPrefix("env:") else { return nil }
    let name = key.dropFirst(4)
    return isVariableName(name) ? name : nil
  }

  // MARK: - Private

  /// The entries between unescaped commas, escapes still in them.
  private static func entries(of text: String) -> [Substring] {
    var result: [Substring] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var previous: Unicode.Scalar? = nil
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == ",", previous != "\\" {
        result.append(Substring(scalars[start..<index]))
        start = scalars.index(after: index)
      }
      previous = scalar
      index = scalars.index(after: index)
    }
    result.append(Substring(scalars[start...]))
    return result
  }

  /// The key with each `\,` turned into `,`.
  private static func unescape(_ key: Substring) -> String {
    // The byte test first: most keys hold no backslash, and a text search is slow.
    key.utf8.contains(UInt8(ascii: "\\")) && key.contains("\\,")
      ? String(key).replacing("\\,", with: ",") : String(key)
  }

  /// Throws for the first look-alike, unusual separator or invisible character,
  /// with the list corrected: look-alikes become `,`, invisible characters are
  /// removed, separators become `,` between two keys and a space elsewhere.
  private static func rejectRefusedScalars(in text: String) throws(KeyListError) {
    // Most lists are ASCII: one pass over the bytes finds nothing refused.
    if !text.utf8.contains(where: { $0 >= 0x80 || $0 == 0x3B }) { return }
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.firstIndex(where: { KeySeparator.refusal(of: $0) != nil }),
      let refusal = KeySeparator.refusal(of: scalars[first])
    else { return }
    let corrected = correctedList(scalars)
    let name = KeySeparator.name(of: scalars[first])
    if refusal == .invisible {
      throw .invisibleCharacter(
        character: scalars[first], name: name, position: first + 1, corrected: corrected)
    }
    throw .wrongSeparator(
      character: scalars[first], name: name, position: first + 1, corrected: corrected)
  }

  private static func correctedList(_ scalars: [Unicode.Scalar]) -> String {
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      switch KeySeparator.refusal(of: scalar) {
      case nil: result.append(scalar)
      case .lookAlike: result.append(",")
      case .invisible: continue
      case .separator:
        let between =
          keyNeighbour(scalars, from: index, step: -1)
          && keyNeighbour(scalars, from: index, step: 1)
        result.append(between ? "," : " ")
      }
    }
    return String(result)
  }

  /// Whether the nearest scalar in direction `step` that is neither whitespace nor
  /// refused belongs to a key (not a comma, a look-alike or an end of the list).
  private static func keyNeighbour(_ scalars: [Unicode.Scalar], from index: Int, step: Int)
    -> Bool
  {
    var cursor = index + step
    while scalars.indices.contains(cursor) {
      let scalar = scalars[cursor]
      switch KeySeparator.refusal(of: scalar) {
      case .lookAlike: return false
      case .separator, .invisible: break
      case nil:
        if scalar == "," { return false }
        if !scalar.properties.isWhitespace { return true }
      }
      cursor += step
    }
    return false
  }

  private static func check(_ key: String, entry: Int) throws(KeyListError) {
    for character in key {
      if character.isWhitespace { throw .innerWhitespace(entry: entry) }
      if isControl(character) { throw .controlCharacter(entry: entry) }
    }
    if key.utf8.contains(UInt8(ascii: "*")), key.contains("****") {
      throw .maskedKey(entry: entry)
    }
    if key.hasSuffix("\\") { throw .trailingBackslash(entry: entry) }
    if key.hasPrefix("env:") {
      let name = key.dropFirst(4)
      if !isVariableName(name) { throw .badReference(entry: entry, name: String(name)) }
    }
  }

  /// Whether a character holds a control character (Cc): a terminal escape or a
  /// NUL pasted into a key. (Invisible format characters are refused before, by
  /// ``KeySeparator``, with the corrected list.)
  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  private static func trimmed(_ text: Substring) -> Substring {
    var start = text.startIndex
    var end = text.endIndex
    while start < end, text[start].isWhitespace { start = text.index(after: start) }
    while end > start {
      let before = text.index(before: end)
      guard text[before].isWhitespace else { break }
      end = before
    }
    return text[start..<end]
  }
}
