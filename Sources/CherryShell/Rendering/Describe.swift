import CherryKit

/// Small shared pieces of text: kinds, keys, header values, timeouts.
enum Describe {
  /// Kinds in their declared order, space-separated (`chat vision tools`).
  static func kinds(_ kinds: Set<ModelKind>) -> String {
    kinds.isEmpty ? "-" : kinds.sorted().map(\.rawValue).joined(separator: " ")
  }

  /// The user's overrides as `+vision -tools`, in kind order.
  static func overrides(_ overrides: [ModelKind: Bool]) -> String {
    overrides.keys.sorted().map { (overrides[$0] == true ? "+" : "-") + $0.rawValue }
      .joined(separator: " ")
  }

  /// `#2 sk-a****wxyz`.
  static func key(_ key: String, number: Int) -> String {
    "#\(number) \(KeyMask.mask(key))"
  }

  /// The keys, numbered and masked, on one line.
  static func keys(_ keys: [String]) -> String {
    keys.enumerated().map { key($0.element, number: $0.offset + 1) }.joined(separator: ", ")
  }

  /// The number of keys in words: `1 key`, `4 keys`.
  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
  }

  /// A header value as shown: masked whole unless the header is known not to be
  /// secret (DESIGN §1.1); an `env:NAME` reference is shown as is.
  static func headerValue(name: String, value: String) -> String {
    if value.hasPrefix("env:") { return value }
    return HeaderSecrecy.isSecret(name: name) ? KeyMask.mask(value) : value.visible
  }

  /// A timeout in seconds without a needless `.0`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? "\(Int(value)) s" : "\(value) s"
  }

  /// `$0.5 / $1.5 per M tokens` (input / output).
  static func price(_ price: ModelPrice) -> String {
    let currency = price.currency ?? "$"
    return "\(currency)\(number(price.input)) / \(currency)\(number(price.output)) per M tokens"
  }

  /// A number without a needless `.0`.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// `on` / `off`.
  static func onOff(_ value: Bool) -> String { value ? "on" : "off" }
}
