import CherryKit
import PropertyBased
import Testing

/// Properties of the key rules that must hold for every key, not just the examples.
struct KeyPropertyTests {
  /// Characters keys are made of (no `*`: a key of stars masks to stars).
  static let keyCharacters = Array(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=+/:")

  /// Literal keys (an `env:NAME` reference is shown as is, by design).
  static let key = Gen<Character?>.element(of: keyCharacters).map { $0 ?? "x" }
    .string(of: 1...80).filter { !$0.hasPrefix("env:") }

  @Test func maskNeverContainsTheWholeKey() async {
    await propertyCheck(input: Self.key) { key in
      #expect(!KeyMask.mask(key).contains(key))
    }
  }

  @Test func maskNeverExceedsTwentyCharacters() async {
    await propertyCheck(input: Self.key) { key in
      #expect(KeyMask.mask(key).count <= 20)
    }
  }

  /// Lists of valid literal keys, possibly repeating.
  static let keyLists = Gen<Character?>.element(of: keyCharacters).map { $0 ?? "x" }
    .string(of: 1...40).filter { !$0.hasPrefix("env:") }.array(of: 1...8)

  static let padding = Gen<Character?>.element(of: Array(" \t")).map { $0 ?? " " }
    .string(of: 0...3)

  @Test func joinOfParseRoundTrips() async throws {
    await propertyCheck(input: Self.keyLists, Self.padding) { keys, pad in
      var distinct: [String] = []
      for key in keys where !distinct.contains(key) { distinct.append(key) }
      let text = distinct.map { pad + $0 + pad }.joined(separator: ",")
      let parsed = try APIKeyList.parse(text)
      #expect(parsed.keys == distinct)
      #expect(parsed.warnings.isEmpty)
      #expect(APIKeyList.join(parsed.keys) == distinct.joined(separator: ","))
      #expect(try APIKeyList.parse(APIKeyList.join(parsed.keys)).keys == distinct)
    }
  }

  @Test func duplicatesAndEmptiesAreDroppedNeverAdded() async throws {
    await propertyCheck(input: Self.keyLists) { keys in
      let text = (keys + keys + [""]).joined(separator: ",")
      let parsed = try APIKeyList.parse(text)
      #expect(Set(parsed.keys) == Set(keys))
      #expect(parsed.keys.count == Set(keys).count)
      #expect(parsed.keys.count + parsed.warnings.count == 2 * keys.count + 1)
    }
  }

  static let wrongSeparators = Array("\u{FF0C}\u{3001}\u{FF64}\u{FE50}\u{060C};\u{FF1B}\u{037E}")

  @Test func aWrongSeparatorIsAlwaysRefusedAndCorrected() async {
    let separator = Gen<Character?>.element(of: Self.wrongSeparators).map { $0 ?? ";" }
    await propertyCheck(input: Self.keyLists, separator) { keys, separator in
      guard keys.count >= 2 else { return }
      let text = keys.joined(separator: String(separator))
      do throws(KeyListError) {
        _ = try APIKeyList.parse(text)
        Issue.record("\(text.debugDescription) was accepted")
      } catch {
        guard case .wrongSeparator(let found, _, let position, let corrected) = error else {
          Issue.record("unexpected \(error)")
          return
        }
        #expect(Character(found) == separator)
        #expect(position == keys[0].count + 1)
        #expect(corrected == keys.joined(separator: ","))
      }
    }
  }

  /// Keys that may hold commas (escaped when written).
  static let commaKeys = Gen<Character?>.element(of: keyCharacters + [","]).map { $0 ?? "x" }
    .string(of: 1...30).filter { !$0.hasPrefix("env:") && !$0.allSatisfy { $0 == "," } }
    .array(of: 1...6)

  @Test func joinEscapesAndParseReadsBack() async throws {
    await propertyCheck(input: Self.commaKeys) { keys in
      var distinct: [String] = []
      for key in keys where !distinct.contains(key) { distinct.append(key) }
      let parsed = try APIKeyList.parse(APIKeyList.join(distinct))
      #expect(parsed.keys == distinct)
    }
  }

  @Test func maskLineHidesEveryPrefixedKey() async {
    let body = Gen.letterOrNumber.string(of: 1...60)
    await propertyCheck(input: body, Self.padding) { body, pad in
      let key = "sk-" + body
      let line = "key" + pad + " " + key + "," + key + pad
      let masked = KeyMask.maskLine(line)
      #expect(!masked.contains(key))
      #expect(masked.hasPrefix("key" + pad + " "))
    }
  }

  @Test func maskLineHidesLongRandomTokens() async {
    // 24 characters of letters and digits with at least one of each.
    let token = Gen.letterOrNumber.string(of: 22...60)
    await propertyCheck(input: token) { body in
      let key = "a1" + body
      #expect(KeyMask.looksLikeKey(key))
      #expect(!KeyMask.maskLine("echo \(key) done").contains(key))
    }
  }

  @Test func looksLikeKeyAgreesWithMaskLine() async {
    let word = Gen<Character?>.element(of: Self.keyCharacters + Array(",'\"")).map { $0 ?? "x" }
      .string(of: 0...50)
    await propertyCheck(count: 300, input: word) { word in
      #expect(KeyMask.looksLikeKey(word) == (KeyMask.maskLine(word) != word))
    }
  }

  @Test func rotationVisitsEveryKeyOnceACycle() async {
    let counts = Gen.int(in: 1...12)
    let starts = Gen.int(in: -2...14).optional
    await propertyCheck(input: counts, starts) { count, start in
      var cursor = start
      var seen: [Int] = []
      for _ in 0..<count {
        let index = KeyRotation.next(count: count, cursor: cursor)
        seen.append(index)
        cursor = index
      }
      #expect(Set(seen) == Set(0..<count))
      #expect(KeyRotation.next(count: count, cursor: cursor) == seen[0])
    }
  }
}
