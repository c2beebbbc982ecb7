import CLevelDB
package import CherryInteropCore

/// A LevelDB database through libleveldb's C interface: enough to read Chromium's
/// `Local Storage/leveldb` (DESIGN §1.7), and for the tests to write one.
///
/// Chromium keeps Local Storage with LevelDB's default (bytewise) comparator, so
/// the library reads it as it is.
package final class LevelDB {
  private let database: OpaquePointer
  private let options: OpaquePointer

  /// Opens a database folder.
  ///
  /// - Parameters:
  ///   - path: The folder (holding `CURRENT`, `MANIFEST-…`, `*.ldb`, `*.log`).
  ///   - create: Create it when missing (tests write fixtures this way).
  /// - Throws: ``InteropFailure`` with LevelDB's own message.
  package init(path: String, create: Bool = false) throws(InteropFailure) {
    guard let options = leveldb_options_create() else {
      throw InteropFailure("cannot set up libleveldb")
    }
    leveldb_options_set_create_if_missing(options, create ? 1 : 0)
    var error: UnsafeMutablePointer<CChar>?
    let database = leveldb_open(options, path, &error)
    if let message = Self.take(error) {
      leveldb_options_destroy(options)
      throw InteropFailure(
        "cannot open the LevelDB in \(path): \(message)",
        fix: ["check that it is Chromium's Local Storage/leveldb folder, copied whole"])
    }
    guard let database else {
      leveldb_options_destroy(options)
      throw InteropFailure("cannot open the LevelDB in \(path)")
    }
    self.database = database
    self.options = options
  }

  deinit {
    leveldb_close(database)
    leveldb_options_destroy(options)
  }

  /// Stores a value.
  ///
  /// - Parameters:
  ///   - key: The key's bytes.
  ///   - value: The value's bytes.
  /// - Throws: ``InteropFailure`` with LevelDB's message.
  package func put(_ key: [UInt8], _ value: [UInt8]) throws(InteropFailure) {
    guard let write = leveldb_writeoptions_create() else { return }
    defer { leveldb_writeoptions_destroy(write) }
    leveldb_writeoptions_set_sync(write, 1)
    var error: UnsafeMutablePointer<CChar>?
    key.withUnsafeBufferPointer { keyBytes in
      value.withUnsafeBufferPointer { valueBytes in
        keyBytes.withMemoryRebound(to: CChar.self) { keyChars in
          valueBytes.withMemoryRebound(to: CChar.self) { valueChars in
            leveldb_put(
              database, write, keyChars.baseAddress, keyChars.count, valueChars.baseAddress,
              valueChars.count, &error)
          }
        }
      }
    }
    if let message = Self.take(error) { throw InteropFailure("LevelDB write failed: \(message)") }
  }

  /// Calls `body` with every key and value, in key order, until it returns `false`.
  ///
  /// - Parameter body: Gets a key and its value; returns whether to go on.
  /// - Throws: ``InteropFailure`` when LevelDB reports damage while reading.
  package func forEachEntry(_ body: ([UInt8], [UInt8]) throws(InteropFailure) -> Bool)
    throws(InteropFailure)
  {
    guard let read = leveldb_readoptions_create() else { return }
    defer { leveldb_readoptions_destroy(read) }
    leveldb_readoptions_set_verify_checksums(read, 1)
    guard let iterator = leveldb_create_iterator(database, read) else { return }
    defer { leveldb_iter_destroy(iterator) }
    leveldb_iter_seek_to_first(iterator)
    while leveldb_iter_valid(iterator) != 0 {
      var keyLength = 0
      var valueLength = 0
      let key = Self.bytes(leveldb_iter_key(iterator, &keyLength), keyLength)
      let value = Self.bytes(leveldb_iter_value(iterator, &valueLength), valueLength)
      guard try body(key, value) else { return }
      leveldb_iter_next(iterator)
    }
    var error: UnsafeMutablePointer<CChar>?
    leveldb_iter_get_error(iterator, &error)
    if let message = Self.take(error) {
      throw InteropFailure(
        "the LevelDB is damaged: \(message)",
        fix: ["make a fresh backup in Cherry Studio (Settings → Data → Backup) and import that"])
    }
  }

  private static func bytes(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> [UInt8] {
    guard let pointer, count > 0 else { return [] }
    return pointer.withMemoryRebound(to: UInt8.self, capacity: count) {
      Array(UnsafeBufferPointer(start: $0, count: count))
    }
  }

  /// LevelDB's error text, freed.
  private static func take(_ error: UnsafeMutablePointer<CChar>?) -> String? {
    guard let error else { return nil }
    defer { leveldb_free(error) }
    return String(cString: error)
  }
}
