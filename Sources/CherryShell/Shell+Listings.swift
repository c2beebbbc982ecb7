import CherryKit
import CherryProviders
import FoundationEssentials

extension Shell {
  /// The listing of the selected provider: this shell's own latest `manage`, else
  /// the one kept on disk by an earlier process, while it still comes from the
  /// provider's list URL (DESIGN §1.3); `nil` means "run manage".
  var selectedListing: ModelListing? {
    guard let id = session.selected else { return nil }
    if let listing, listing.providerID == id { return listing.listing }
    guard let sessionPath = store?.path, let provider = session.provider(id),
      let cached = ListingCache.load(sessionPath: sessionPath, providerID: id),
      !cached.listURL.isEmpty, cached.listURL == Self.listURL(of: provider)
    else { return nil }
    let kept = ModelListing.make(cached.models, provider: provider)
    listing = KeptListing(providerID: id, listing: kept)
    return kept
  }

  /// Keeps a fresh listing: in this shell, and on disk for later processes (with
  /// the failed keys that were there).
  func keepListing(_ full: ModelListing, models: [ListedModel], of provider: Provider) {
    listing = KeptListing(providerID: provider.id, listing: full)
    guard let sessionPath = store?.path else { return }
    var cached = ListingCache.load(sessionPath: sessionPath, providerID: provider.id)
    let failed = cached?.failedKeys ?? [:]
    cached = CachedListing(
      providerID: provider.id, listURL: Self.listURL(of: provider) ?? "",
      fetchedAt: Date().timeIntervalSince1970, models: models, failedKeys: failed)
    if let cached { writeCache(cached, sessionPath: sessionPath) }
  }

  /// Drops what is kept of a provider's listing (its URL changed, or it is gone).
  func forgetListing(of providerID: String) {
    if listing?.providerID == providerID { listing = nil }
    failedKeysInMemory[providerID] = nil
    if let sessionPath = store?.path {
      ListingCache.remove(sessionPath: sessionPath, providerID: providerID)
    }
  }

  /// Records which keys the provider rejected in a `test` or `check`, for
  /// `key rm --failed` (here, and in a later process).
  func recordKeyResults(_ results: [KeyTestResult], of provider: Provider) {
    var failed: [String: String] = [:]
    var passed: Set<String> = []
    for result in results {
      guard let number = result.keyNumber, number >= 1, number <= provider.keys.count else {
        continue
      }
      let print = ListingCache.fingerprint(provider.keys[number - 1])
      if result.ok {
        passed.insert(print)
      } else if let error = result.error, error.kind == .auth {
        failed[print] = error.summary
      }
    }
    var known = failedKeys(of: provider.id)
    for print in passed { known[print] = nil }
    known.merge(failed) { _, new in new }
    failedKeysInMemory[provider.id] = known
    guard let sessionPath = store?.path else { return }
    var cached =
      ListingCache.load(sessionPath: sessionPath, providerID: provider.id)
      ?? CachedListing(providerID: provider.id, listURL: "", fetchedAt: 0, models: [])
    cached.failedKeys = known
    writeCache(cached, sessionPath: sessionPath)
  }

  /// The keys a provider rejected in the last `test` or `check`, by fingerprint.
  func failedKeys(of providerID: String) -> [String: String] {
    if let known = failedKeysInMemory[providerID] { return known }
    guard let sessionPath = store?.path else { return [:] }
    return ListingCache.load(sessionPath: sessionPath, providerID: providerID)?.failedKeys ?? [:]
  }

  private func writeCache(_ cached: CachedListing, sessionPath: String) {
    do {
      try ListingCache.save(cached, sessionPath: sessionPath)
    } catch {
      // The session is fine; only a later process will have to run manage again.
      warn("the listing could not be kept for later: \(ErrorMessage.store(error).what)")
    }
  }

  /// The model-list URL a provider's listing comes from now.
  static func listURL(of provider: Provider) -> String? {
    (try? EndpointResolver.resolve(provider, model: nil))?.models
  }
}
