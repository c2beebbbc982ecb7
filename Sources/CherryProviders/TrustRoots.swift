import FoundationEssentials

/// The CA certificates that verify a provider's TLS certificate: the system store,
/// or the file `SSL_CERT_FILE` names (AsyncHTTPClient does not read it itself).
enum TrustRoots {
  /// The CA file to trust instead of the system store, or `nil` for the system store.
  ///
  /// - Parameter environment: The environment.
  /// - Returns: The path from `SSL_CERT_FILE`, or `nil` when it is unset or empty.
  /// - Throws: ``TrustRootsError`` when the file cannot be read.
  static func caFile(environment: [String: String]) throws(TrustRootsError) -> String? {
    guard let path = environment["SSL_CERT_FILE"]?.trimmingWhitespace, !path.isEmpty else {
      return nil
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw TrustRootsError(reason: "SSL_CERT_FILE names '\(path)', which cannot be read")
    }
    return path
  }
}

/// A CA setting that cannot be used.
struct TrustRootsError: Error, Equatable {
  /// Why, naming the setting.
  var reason: String
}
