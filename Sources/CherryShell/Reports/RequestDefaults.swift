/// Defaults of the shell's request commands that help text shows.
///
/// TEMPORARY: replaced by CherryKit's one set of request defaults when the
/// network branch lands.
enum RequestDefaults {
  /// The connection test's total limit (DESIGN §1.4).
  static let testTimeout: Double = 15
  /// `check`'s concurrency.
  static let checkConcurrency = 8
}
