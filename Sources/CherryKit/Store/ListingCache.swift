import FoundationEssentials
import Glibc

/// A provider's last model listing as kept on disk, with where it came from, and
/// which keys failed its last test or check (DESIGN §1.3: `+ <n>` and Tab work in a
/// later process; `key rm --failed` acts on the last results).
public struct CachedListing: Codable, Equatable, Sendable {
  /// The format of this file; a newer one is ignored (it only means "run manage").
  public var version: Int
  /// The provider it was fetched from.
  public var providerID: String
  /// The model-list URL it came from: another URL now makes the listing stale.
  public var listURL: String
  /// When it was fetched, in seconds since 1970.
  public var fetchedAt: Double
  /// The models as listed, in order.
  public var models: [ListedModel]
  /// The keys that failed the last `test` or `check`, by fingerprint
  /// (``ListingCache/fingerprint(_:)``), with the reason.
  public var failedKeys: [String: String]

  /// The version this build writes.
  public static let currentVersion = 1

  /// Creates a cached listing.
  public init(
    providerID: String, listURL: String, fetchedAt: Double, models: [ListedModel],
    failedKeys: [String: String] = [:]
  ) {
    self.version = Self.currentVersion
    self.providerID = providerID
    self.listURL = listURL
    self.fetchedAt = fetchedAt
    self.models = models
    self.failedKeys = failedKeys
  }
}

/// Where listings are kept: beside the session file, never inside it.
///
/// So saves stay small however long the lists are (DESIGN §1.3). One file a
/// provider, its name hashed from the session's path and the provider id, mode 0600.
public enum ListingCache {
  /// The folder of the cache for a session file.
  ///
  /// - Parameter sessionPath: The session file.
  /// - Returns: `<folder of the session>/cache`.
  public static func folder(forSession sessionPath: String) -> String {
    SessionPath.directory(of: sessionPath) + "/cache"
  }

  /// The cache file of one provider of one session.
  public static func file(sessionPath: String, providerID: String) -> String {
    folder(forSession: sessionPath) + "/listing-" + hash(sessionPath + "\u{0}" + providerID)
      + ".json"
  }

  /// A key's fingerprint: enough to tell keys apart, nothing to recover one from
  /// (a 64-bit hash, in a file only its owner reads).
  ///
  /// - Parameter key: The key.
  /// - Returns: 16 hex digits.
  public static func fingerprint(_ key: String) -> String {
    hash("cherry-key\u{0}" + key)
  }

  /// The cached listing of a provider, or `nil` when there is none (or it cannot
  /// be read: a cache only ever saves a `manage`).
  public static func load(sessionPath: String, providerID: String) -> CachedListing? {
    let path = file(sessionPath: sessionPath, providerID: providerID)
    guard let data = FileManager.default.contents(atPath: path),
      let cached = try? JSONDecoder().decode(CachedListing.self, from: data),
      cached.version == CachedListing.currentVersion, cached.providerID == providerID
    else { return nil }
    return cached
  }

  /// Keeps a listing, replacing the one there was.
  ///
  /// - Throws: ``StoreError`` when the folder or the file cannot be written.
  public static func save(_ listing: CachedListing, sessionPath: String) throws(StoreError) {
    let path = file(sessionPath: sessionPath, providerID: listing.providerID)
    try AtomicFile.createParentDirectories(of: path, reportedPath: path)
    let data: Data
    do {
      data = try JSONEncoder().encode(listing)
    } catch {
      throw .cannotWrite(path: path, reason: "cannot encode the listing: \(error)")
    }
    try AtomicFile.write(data, to: path, reportedPath: path)
  }

  /// Drops a provider's listing (its URL changed, or it was removed).
  public static func remove(sessionPath: String, providerID: String) {
    unlink(file(sessionPath: sessionPath, providerID: providerID))
  }

  /// FNV-1a, 64 bits, as hex: stable across runs and builds (`Hasher` is not).
  private static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x0000_0100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
