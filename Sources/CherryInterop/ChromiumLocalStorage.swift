package import CherryInteropCore

/// Chromium's layout of Local Storage inside its LevelDB, as the Cherry Studio app
/// (Electron) leaves it in `Local Storage/leveldb`.
///
/// A key is `_` + the page's origin + a 0 byte + the storage key; the storage key
/// and the value each begin with one byte that says how the text is encoded: 0 for
/// UTF-16 (little-endian), 1 for Latin-1. Other entries (`VERSION`, `META:<origin>`)
/// are Chromium's bookkeeping.
package enum ChromiumLocalStorage {
  /// The origin the packaged app's pages have.
  package static let appOrigin = "file://"

  /// The database key of a Local Storage entry.
  ///
  /// - Parameters:
  ///   - origin: The page's origin (`file://`).
  ///   - key: The Local Storage key.
  ///   - latin1: Encode the key as Latin-1 (as Chromium does when it can), else UTF-16.
  /// - Returns: The LevelDB key.
  package static func entryKey(origin: String, key: String, latin1: Bool = true) -> [UInt8] {
    [UInt8(ascii: "_")] + Array(origin.utf8) + [0] + encode(key, latin1: latin1)
  }

  /// A string in Chromium's encoding: the format byte, then the text.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - latin1: Latin-1 (only for text whose scalars are all below 256), else UTF-16LE.
  /// - Returns: The bytes.
  package static func encode(_ text: String, latin1: Bool) -> [UInt8] {
    if latin1, text.unicodeScalars.allSatisfy({ $0.value < 256 }) {
      return [1] + text.unicodeScalars.map { UInt8($0.value) }
    }
    var bytes: [UInt8] = [0]
    for unit in text.utf16 {
      bytes.append(UInt8(unit & 0xFF))
      bytes.append(UInt8(unit >> 8))
    }
    return bytes
  }

  /// Reads a string in Chromium's encoding.
  ///
  /// - Parameter bytes: The format byte, then the text.
  /// - Returns: The text, or `nil` for an unknown format byte or odd UTF-16 length.
  package static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
    guard let format = bytes.first else { return nil }
    let body = bytes.dropFirst()
    switch format {
    case 1:
      return String(String.UnicodeScalarView(body.map { Unicode.Scalar($0) }))
    case 0:
      guard body.count % 2 == 0 else { return nil }
      var units: [UInt16] = []
      units.reserveCapacity(body.count / 2)
      var index = body.startIndex
      while index < body.endIndex {
        units.append(UInt16(body[index]) | UInt16(body[index + 1]) << 8)
        index += 2
      }
      return String(decoding: units, as: UTF16.self)
    default:
      return nil
    }
  }

  /// Finds a Local Storage entry, preferring the packaged app's origin.
  ///
  /// - Parameters:
  ///   - key: The Local Storage key (`persist:cherry-studio`).
  ///   - database: The opened `Local Storage/leveldb`.
  /// - Returns: The origin it was found under and its value, or `nil` when no
  ///   origin has it.
  /// - Throws: ``InteropFailure`` when the database is damaged or the value is not
  ///   in a known encoding.
  package static func find(_ key: String, in database: LevelDB) throws(InteropFailure)
    -> (origin: String, value: String)?
  {
    var found: [(origin: String, value: [UInt8])] = []
    try database.forEachEntry { (entryKey, value) throws(InteropFailure) in
      guard entryKey.first == UInt8(ascii: "_"),
        let zero = entryKey.firstIndex(of: 0),
        decode(entryKey[(zero + 1)...]) == key
      else { return true }
      let origin = String(decoding: entryKey[1..<zero], as: UTF8.self)
      found.append((origin, value))
      return true
    }
    guard let chosen = found.first(where: { $0.origin == appOrigin }) ?? found.first else {
      return nil
    }
    guard let text = decode(chosen.value[...]) else {
      throw InteropFailure(
        "the Local Storage entry \(key) of \(chosen.origin) is in an encoding cherry does not know (first byte \(chosen.value.first ?? 0))"
      )
    }
    return (chosen.origin, text)
  }
}
