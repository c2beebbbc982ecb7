/// The group a model is listed under (notes/cherry-studio-behaviour.md §5.3).
public enum ModelGrouping {
  /// Providers whose default group is cut at the first `-` or `_` as well
  /// (Cherry Studio's `getDefaultGroupName` special case).
  public static let firstPartProviderIDs: Set<String> = [
    "aihubmix", "silicon", "ocoolai", "o3", "dmxapi",
  ]

  /// The group for a model id.
  ///
  /// Built-in providers group by the part before the first `/` (case kept), else by
  /// the provider id; custom providers use ``defaultGroupName(for:providerID:)``.
  ///
  /// - Parameters:
  ///   - id: The model id.
  ///   - providerID: The provider id.
  ///   - isBuiltIn: Whether the provider comes from the catalogue.
  /// - Returns: The group name, never empty.
  public static func group(for id: String, providerID: String, isBuiltIn: Bool) -> String {
    if isBuiltIn {
      if let slash = id.firstIndex(of: "/"), slash != id.startIndex {
        return String(id[..<slash])
      }
      return providerID
    }
    let name = defaultGroupName(for: id, providerID: providerID)
    return name.isEmpty ? providerID : name
  }

  /// The group Cherry Studio's `getDefaultGroupName` gives.
  ///
  /// Lower-case the id; cut at the first `/`,
  /// space or `:` (checked in that order); else join the first two parts split on `-`
  /// (or else `_`) with `-`; else the whole id. For ``firstPartProviderIDs`` the
  /// first step also cuts at `-` and `_` and the second step is skipped.
  ///
  /// - Parameters:
  ///   - id: The model id.
  ///   - providerID: The provider id.
  /// - Returns: The group name, e.g. `gpt-4o` for `gpt-4o-mini`.
  public static func defaultGroupName(for id: String, providerID: String) -> String {
    let lower = id.lowercased()
    let special = firstPartProviderIDs.contains(providerID.lowercased())
    let first: [Character] = special ? ["/", " ", "-", "_", ":"] : ["/", " ", ":"]
    let second: [Character] = special ? [] : ["-", "_"]
    for delimiter in first where lower.contains(delimiter) {
      return String(lower.split(separator: delimiter, omittingEmptySubsequences: false)[0])
    }
    for delimiter in second where lower.contains(delimiter) {
      let parts = lower.split(separator: delimiter, omittingEmptySubsequences: false)
      return parts.count > 1 ? "\(parts[0])-\(parts[1])" : String(parts[0])
    }
    return lower
  }
}
