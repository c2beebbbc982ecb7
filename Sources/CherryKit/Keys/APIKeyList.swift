/// Parses and writes the comma-separated key list of `key <list>` (DESIGN §1.1).
///
/// Parsing either returns the whole list or throws and changes nothing: a list with a
/// wrong separator or a damaged key is refused as a whole, so that a half-stored list
/// never starts rotating.
public enum APIKeyList {
  /// Parses a key list.
  ///
  /// Only the ASCII comma separates keys. Whitespace around each key is trimmed;
  /// empty entries and repeated keys are dropped with a warning. An entry
  /// `env:NAME` is a reference to an environment variable, kept as written.
  ///
  /// - Parameter text: The list as typed, e.g. `sk-a, sk-b`.
  /// - Returns: The keys in order, with the warnings for what was dropped.
  /// - Throws: ``KeyListError``: a wrong separator (with the corrected list), a key
  ///   with inner whitespace, a control character or `****`, a bad `env:` name, or
  ///   no key at all.
  public static func parse(_ text: String) throws(KeyListError) -> KeyList {
    try rejectWrongSeparators(in: text)
    var keys: [String] = []
    var warnings: [KeyListWarning] = []
    var seen = Set<Substring>()
    var entry = 0
    for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
      entry += 1
      let key = trimmed(raw)
      if key.isEmpty {
        warnings.append(.emptyEntryDropped(position: entry))
        continue
      }
      try check(key, entry: entry)
      if seen.insert(key).inserted {
        keys.append(String(key))
      } else {
        warnings.append(.duplicateDropped(position: entry, masked: KeyMask.mask(String(key))))
      }
    }
    guard !keys.isEmpty else { throw .empty }
    return KeyList(keys: keys, warnings: warnings)
  }

  /// Writes keys back as one list, the form ``parse(_:)`` reads.
  ///
  /// - Parameter keys: Keys, literal or `env:NAME`.
  /// - Returns: The keys joined with `,` and nothing else.
  public static func join(_ keys: [String]) -> String {
    keys.joined(separator: ",")
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

  private static func rejectWrongSeparators(in text: String) throws(KeyListError) {
    var position = 0
    for character in text {
      position += 1
      guard let name = KeySeparator.name(of: character) else { continue }
      var corrected = ""
      corrected.reserveCapacity(text.utf8.count)
      for other in text {
        corrected.append(KeySeparator.name(of: other) == nil ? other : ",")
      }
      throw .wrongSeparator(
        character: character, name: name, position: position, corrected: corrected)
    }
  }

  private static func check(_ key: Substring, entry: Int) throws(KeyListError) {
    for character in key {
      if character.isWhitespace { throw .innerWhitespace(entry: entry) }
      if isControlOrFormat(character) { throw .controlCharacter(entry: entry) }
    }
    if key.contains("****") { throw .maskedKey(entry: entry) }
    if key.hasPrefix("env:") {
      let name = key.dropFirst(4)
      if !isVariableName(name) { throw .badReference(entry: entry, name: String(name)) }
    }
  }

  /// Whether a character is a control (Cc) or invisible format character (Cf).
  ///
  /// A paste can carry such a character into a key: a zero-width space, a
  /// byte-order mark, a terminal escape.
  private static func isControlOrFormat(_ character: Character) -> Bool {
    for scalar in character.unicodeScalars {
      if scalar.isASCII {
        if scalar.value < 0x20 || scalar.value == 0x7F { return true }
        continue
      }
      switch scalar.properties.generalCategory {
      case .control, .format: return true
      default: continue
      }
    }
    return false
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
