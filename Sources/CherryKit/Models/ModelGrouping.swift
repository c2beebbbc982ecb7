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
    if providerID == "dashscope", let family = qwenFamily(of: id) { return family }
    if isBuiltIn {
      if let slash = id.firstIndex(of: "/"), slash != id.startIndex {
        return String(id[..<slash])
      }
      return providerID
    }
    let name = defaultGroupName(for: id, providerID: providerID)
    return name.isEmpty ? providerID : name
  }

  /// The group of a model added by hand (an id the last listing does not have, or
  /// with no listing), as the app's Add-model dialog fills it in:
  /// ``defaultGroupName(for:providerID:)`` with the provider's id, on built-in and
  /// custom providers alike (on `aihubmix`, `gpt-4.1` → `gpt`; elsewhere
  /// `gpt-4.1-mini` → `gpt-4.1`).
  ///
  /// - Parameters:
  ///   - id: The model id as typed.
  ///   - providerID: The provider id.
  /// - Returns: The group name, never empty (the provider id for an id that gives none).
  public static func handEnteredGroup(for id: String, providerID: String) -> String {
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
    // Cut in the UTF-8 bytes, as the app's JavaScript cuts among code units: every
    // delimiter is ASCII, and this runs for every model of a 10,000-model list.
    let lower = id.lowercased()
    let bytes = Array(lower.utf8)
    let special = firstPartProviderIDs.contains(providerID.lowercased())
    let first: [UInt8] = Array((special ? "/ -_:" : "/ :").utf8)
    let second: [UInt8] = special ? [] : Array("-_".utf8)
    func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
    for delimiter in first where bytes.contains(delimiter) {
      return text(bytes.prefix { $0 != delimiter })
    }
    for delimiter in second where bytes.contains(delimiter) {
      let parts = bytes.split(separator: delimiter, maxSplits: 2, omittingEmptySubsequences: false)
      return text(parts[0]) + "-" + text(parts[1])
    }
    return lower
  }

  /// The Qwen family DashScope's list is grouped by, as the app's `groupQwenModels`
  /// does with `^(qwen(?:\d+\.\d+|2(?:\.\d+)?|-\d+b|-(?:max|coder|vl)))`:
  /// `qwen2.5-72b-instruct` → `qwen2.5`, `qwen-max-latest` → `qwen-max`,
  /// `qwen-72b-chat` → `qwen-72b`.
  ///
  /// - Parameter id: A model id.
  /// - Returns: The family, or `nil` when the id is not one of these Qwen names.
  public static func qwenFamily(of id: String) -> String? {
    let lower = Array(id.lowercased().utf8)
    guard lower.starts(with: Array("qwen".utf8)) else { return nil }
    let rest = lower[4...]
    func digits(_ slice: ArraySlice<UInt8>) -> Int {
      slice.prefix { (48...57).contains($0) }.count
    }
    let whole = digits(rest)
    // qwen<digits>.<digits>, or qwen2 (with an optional .<digits>)
    if whole > 0 {
      let afterWhole = rest.dropFirst(whole)
      if afterWhole.first == UInt8(ascii: "."), digits(afterWhole.dropFirst()) > 0 {
        return String(
          decoding: lower[..<(4 + whole + 1 + digits(afterWhole.dropFirst()))], as: UTF8.self)
      }
      if rest.first == UInt8(ascii: "2") { return "qwen2" }
      return nil
    }
    guard rest.first == UInt8(ascii: "-") else { return nil }
    let afterDash = rest.dropFirst()
    let size = digits(afterDash)
    if size > 0, afterDash.dropFirst(size).first == UInt8(ascii: "b") {
      return String(decoding: lower[..<(5 + size + 1)], as: UTF8.self)
    }
    for name in ["max", "coder", "vl"] where afterDash.starts(with: Array(name.utf8)) {
      return "qwen-" + name
    }
    return nil
  }
}
