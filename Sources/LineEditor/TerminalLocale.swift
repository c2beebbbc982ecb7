import Glibc

/// Puts the process's character type in a UTF-8 locale, which libedit needs to
/// accept anything beyond ASCII.
///
/// Without it libedit silently drops non-ASCII input (`café` arrives as `caf`), and
/// a C/POSIX environment does the same, so when the user's locale is not UTF-8 we
/// fall back to C.UTF-8. Only LC_CTYPE is set: it is the category libedit reads,
/// and taking LC_NUMERIC etc. from the environment could change how C code parses
/// or prints decimals (a comma decimal point under de_DE).
enum TerminalLocale {
  /// Locales tried, in order, when the environment's is not UTF-8.
  private static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

  /// Sets LC_CTYPE from the environment, then falls back to a UTF-8 locale.
  ///
  /// Must run before libedit initialises: it checks the codeset once, at start.
  static func configure() {
    _ = setlocale(LC_CTYPE, "")
    if isUTF8 { return }
    for name in fallbacks where setlocale(LC_CTYPE, name) != nil {
      if isUTF8 { return }
    }
  }

  /// Whether the current LC_CTYPE codeset is UTF-8.
  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }
}
