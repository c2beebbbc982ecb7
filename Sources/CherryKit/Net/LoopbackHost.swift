/// Whether a host is this machine, in every spelling a URL may give it (DESIGN §4:
/// loopback never goes through a proxy from `HTTP_PROXY`, `HTTPS_PROXY` or
/// `ALL_PROXY`).
///
/// Pure: no name is ever resolved. It answers `true` for `localhost` and any
/// `*.localhost` (with or without a final dot), any IPv4 address in 127.0.0.0/8 in
/// any form a browser accepts (`127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`),
/// `0.0.0.0` (which connects to this machine), `::1`, `::` and an IPv4-mapped
/// loopback (`::ffff:127.0.0.1`) with or without brackets.
public enum LoopbackHost {
  /// Whether a host is a loopback address.
  ///
  /// - Parameter host: A URL's host, as typed or as parsed (brackets, case and a
  ///   final dot do not matter).
  /// - Returns: `true` when a connection to it cannot leave this machine.
  public static func isLoopback(_ host: some StringProtocol) -> Bool {
    var name = host.lowercased()[...]
    if name.hasPrefix("["), name.hasSuffix("]") {
      name = name.dropFirst().dropLast()
      return IPv6Literal(parsing: name).map(isLoopback) ?? false
    }
    if name.contains(":") {
      return IPv6Literal(parsing: name).map(isLoopback) ?? false
    }
    if name.hasSuffix(".") { name = name.dropLast() }
    if name == "localhost" || name.hasSuffix(".localhost") { return true }
    guard IPv4Literal.endsInNumber(name), let address = IPv4Literal(parsing: name) else {
      return false
    }
    return isLoopback(address)
  }

  /// Whether an IPv4 address is in 127.0.0.0/8 or is 0.0.0.0.
  ///
  /// - Parameter address: The address.
  /// - Returns: `true` for loopback.
  public static func isLoopback(_ address: IPv4Literal) -> Bool {
    address.value >> 24 == 127 || address.value == 0
  }

  /// Whether an IPv6 address is `::1`, `::`, or an IPv4-mapped loopback address.
  ///
  /// - Parameter address: The address.
  /// - Returns: `true` for loopback.
  public static func isLoopback(_ address: IPv6Literal) -> Bool {
    if let mapped = address.mappedIPv4 { return isLoopback(mapped) }
    let leading = address.pieces[0..<7].allSatisfy { $0 == 0 }
    return leading && (address.pieces[7] == 1 || address.pieces[7] == 0)
  }
}
