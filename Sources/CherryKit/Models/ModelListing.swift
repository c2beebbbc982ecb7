/// A fetched model list, grouped and numbered, as `manage` shows it (DESIGN §1.3).
///
/// Groups come in **first-seen order** (the order the provider listed them, which
/// keeps a provider's own ordering, e.g. newest first); entries keep the listed order
/// within their group. Numbers run 1…N over the whole list in that display order and
/// never change when the listing is filtered, so `+ 12` means the same model whatever
/// pattern the list was shown with.
public struct ModelListing: Codable, Equatable, Sendable {
  /// One numbered model of the listing.
  public struct Entry: Codable, Equatable, Sendable {
    /// The number shown beside the model (1-based, over the full listing).
    public var number: Int
    /// The remote model id.
    public var id: String
    /// The provider's display name, if any.
    public var displayName: String?
    /// The effective kinds (the added model's overrides apply).
    public var kinds: Set<ModelKind>
    /// Whether the provider already has this model added.
    public var added: Bool
    /// The endpoint types the listing gives for the model (New API gateways), or
    /// `nil` for none.
    public var endpointTypes: [ModelEndpointType]?
    /// The kinds the provider declares for the model (``ListedModel/providerKinds``),
    /// kept so that ``refreshed(for:)`` recomputes the same kinds; `nil` for none.
    public var providerKinds: Set<ModelKind>?

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - number: The 1-based number.
    ///   - id: The model id.
    ///   - displayName: The display name.
    ///   - kinds: The effective kinds.
    ///   - added: Whether it is added.
    ///   - endpointTypes: The listed endpoint types, if any.
    ///   - providerKinds: The kinds the provider declares, if any.
    public init(
      number: Int, id: String, displayName: String? = nil, kinds: Set<ModelKind>, added: Bool,
      endpointTypes: [ModelEndpointType]? = nil, providerKinds: Set<ModelKind>? = nil
    ) {
      self.number = number
      self.id = id
      self.displayName = displayName
      self.kinds = kinds
      self.added = added
      self.endpointTypes = endpointTypes
      self.providerKinds = providerKinds
    }
  }

  /// One group of entries.
  public struct Group: Codable, Equatable, Sendable {
    /// The group name (``ModelGrouping``).
    public var name: String
    /// The entries, in display order.
    public var entries: [Entry]

    /// Creates a group.
    ///
    /// - Parameters:
    ///   - name: The group name.
    ///   - entries: The entries.
    public init(name: String, entries: [Entry]) {
      self.name = name
      self.entries = entries
    }
  }

  /// The provider the list was fetched from.
  public var providerID: String
  /// The groups in display order (only non-empty ones).
  public var groups: [Group]
  /// The pattern this listing was filtered with, or `nil` for the full listing.
  public var pattern: String?
  /// Every id of the full listing, in display order (kept by filtered copies too,
  /// so that stale detection and "is it listed" checks see the whole list).
  public var allIDs: [String]

  /// Creates a listing from its parts (``make(_:provider:)`` is the usual way).
  ///
  /// - Parameters:
  ///   - providerID: The provider id.
  ///   - groups: The groups in display order.
  ///   - pattern: The filter pattern, if any.
  ///   - allIDs: Every id of the full listing.
  public init(providerID: String, groups: [Group], pattern: String? = nil, allIDs: [String]) {
    self.providerID = providerID
    self.groups = groups
    self.pattern = pattern
    self.allIDs = allIDs
  }

  /// Groups, numbers and classifies a fetched list.
  ///
  /// Rows with an empty id are
  /// dropped and duplicate ids keep the first row (as Cherry Studio does). Kinds are
  /// inferred from the id, joined with what the provider declares
  /// (``ProviderKinds``), then an added model's overrides.
  ///
  /// - Parameters:
  ///   - listed: The rows the provider returned, in its order.
  ///   - provider: The provider, for grouping, kinds, overrides and the added marks.
  /// - Returns: The full (unfiltered) listing.
  public static func make(_ listed: [ListedModel], provider: Provider) -> ModelListing {
    var seen: Set<String> = []
    var order: [String] = []
    var byGroup: [String: [ListedModel]] = [:]
    for row in listed where !row.id.isEmpty && seen.insert(row.id).inserted {
      let name = ModelGrouping.group(
        for: row.id, providerID: provider.id, isBuiltIn: provider.isBuiltIn)
      if byGroup[name] == nil { order.append(name) }
      byGroup[name, default: []].append(row)
    }
    let added = Dictionary(
      provider.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var number = 0
    var allIDs: [String] = []
    let groups = order.map { name in
      Group(
        name: name,
        entries: (byGroup[name] ?? []).map { row in
          number += 1
          allIDs.append(row.id)
          let model = added[row.id]
          let kinds = ProviderKinds.kinds(
            of: row.id, displayName: row.displayName, declared: row.providerKinds, added: model,
            provider: provider)
          return Entry(
            number: number, id: row.id, displayName: row.displayName, kinds: kinds,
            added: model != nil, endpointTypes: row.endpointTypes,
            providerKinds: row.providerKinds)
        })
    }
    return ModelListing(providerID: provider.id, groups: groups, allIDs: allIDs)
  }

  /// Every entry, flat, in display order.
  public var entries: [Entry] { groups.flatMap(\.entries) }

  /// The number of models in the full listing.
  public var totalCount: Int { allIDs.count }

  /// The group names in display order.
  public var groupNames: [String] { groups.map(\.name) }

  /// The entries that match a pattern and a kind, numbers kept (`manage <pattern>
  /// --kind K`, DESIGN §1.3).
  ///
  /// A pattern with `*`, `?` or `[`
  /// is a glob on the id (``Glob``); anything else is a case-insensitive substring
  /// of the id or the display name. `nil` or an empty pattern keeps everything.
  ///
  /// - Parameters:
  ///   - pattern: The filter.
  ///   - kind: Keep only entries of this kind, or `nil` for every kind.
  ///   - freeOnly: Keep only the entries the app tags "free" (``isFree(_:)``).
  /// - Returns: The filtered listing; empty groups are dropped.
  public func filtered(_ pattern: String?, kind: ModelKind? = nil, freeOnly: Bool = false)
    -> ModelListing
  {
    let pattern = pattern ?? ""
    guard !pattern.isEmpty || kind != nil || freeOnly else { return self }
    let isGlob = Glob.isPattern(pattern)
    let needle = pattern.lowercased()
    let keep: (Entry) -> Bool = { entry in
      if let kind, !entry.kinds.contains(kind) { return false }
      if freeOnly, !isFree(entry) { return false }
      if pattern.isEmpty { return true }
      if isGlob { return Glob.matches(pattern, entry.id) }
      return entry.id.lowercased().contains(needle)
        || (entry.displayName?.lowercased().contains(needle) ?? false)
    }
    let kept = groups.compactMap { group -> Group? in
      let entries = group.entries.filter(keep)
      return entries.isEmpty ? nil : Group(name: group.name, entries: entries)
    }
    return ModelListing(
      providerID: providerID, groups: kept, pattern: pattern.isEmpty ? nil : pattern,
      allIDs: allIDs)
  }

  /// Whether the app tags an entry "free" (``ModelKindInference/isFree(id:displayName:providerID:)``).
  ///
  /// - Parameter entry: An entry of this listing.
  /// - Returns: `true` for a free model.
  public func isFree(_ entry: Entry) -> Bool {
    ModelKindInference.isFree(id: entry.id, displayName: entry.displayName, providerID: providerID)
  }

  /// The entry with this id, or `nil`.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The entry.
  public func entry(id: String) -> Entry? {
    for group in groups {
      if let entry = group.entries.first(where: { $0.id == id }) { return entry }
    }
    return nil
  }

  /// The id shown with a number, or `nil` when this listing has no such number.
  ///
  /// - Parameter number: A number from the listing.
  /// - Returns: The model id, or `nil`.
  public func id(number: Int) -> String? {
    for group in groups {
      if let entry = group.entries.first(where: { $0.number == number }) { return entry.id }
    }
    return nil
  }

  /// Whether the full listing has this exact id.
  ///
  /// - Parameter id: A model id.
  /// - Returns: `true` when listed.
  public func contains(id: String) -> Bool { allIDs.contains(id) }

  /// The ids of the provider's added models that the full listing lacks, in the
  /// order they were added (what ``Provider/markStale(listedIDs:)`` marks stale).
  ///
  /// - Parameter provider: The provider the listing was fetched from.
  /// - Returns: The stale ids.
  public func stale(in provider: Provider) -> [String] {
    let listed = Set(allIDs)
    return provider.models.map(\.id).filter { !listed.contains($0) }
  }

  /// This listing with the added marks and kinds recomputed for the provider's
  /// current models (after `+`, `-` or `model <id> kinds`); numbers are unchanged.
  ///
  /// - Parameter provider: The provider, as it is now.
  /// - Returns: The refreshed listing.
  public func refreshed(for provider: Provider) -> ModelListing {
    let added = Dictionary(
      provider.models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var copy = self
    for g in copy.groups.indices {
      for e in copy.groups[g].entries.indices {
        let entry = copy.groups[g].entries[e]
        let model = added[entry.id]
        copy.groups[g].entries[e].added = model != nil
        copy.groups[g].entries[e].kinds = ProviderKinds.kinds(
          of: entry.id, displayName: entry.displayName, declared: entry.providerKinds,
          added: model, provider: provider)
      }
    }
    return copy
  }
}
