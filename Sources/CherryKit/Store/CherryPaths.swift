/// Where cherry keeps its files (DESIGN §2.1).
///
/// Every function takes the environment as a value so the rules can be tested
/// without touching the process environment.
public enum CherryPaths {
  /// The folder for the session and the history.
  ///
  /// `$CHERRY_HOME`, else `$XDG_CONFIG_HOME/cherry`, else `~/.config/cherry`. Empty
  /// variables count as unset, and a relative `XDG_CONFIG_HOME` is ignored, as the
  /// XDG base directory specification asks.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The folder's path, without a trailing `/`.
  public static func home(environment: [String: String]) -> String {
    if let home = nonEmpty(environment["CHERRY_HOME"]) {
      return trimmingTrailingSlashes(home)
    }
    if let xdg = nonEmpty(environment["XDG_CONFIG_HOME"]), xdg.hasPrefix("/") {
      return join(xdg, "cherry")
    }
    return join(join(userHome(environment: environment), ".config"), "cherry")
  }

  /// The default session file, `session.json` in ``home(environment:)``.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The file's path.
  public static func sessionFile(environment: [String: String]) -> String {
    join(home(environment: environment), "session.json")
  }

  /// The line-editor history, `history` in ``home(environment:)``.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The file's path.
  public static func historyFile(environment: [String: String]) -> String {
    join(home(environment: environment), "history")
  }

  /// The start-up script: `$CHERRY_RC`, else `~/.cherryrc`.
  ///
  /// - Parameter environment: The process environment.
  /// - Returns: The file's path.
  public static func rcFile(environment: [String: String]) -> String {
    if let rc = nonEmpty(environment["CHERRY_RC"]) {
      return rc
    }
    return join(userHome(environment: environment), ".cherryrc")
  }

  /// `$HOME`, or `/` when it is unset (a daemon's environment); cherry never guesses
  /// further, so that the files' places follow from the environment alone.
  private static func userHome(environment: [String: String]) -> String {
    nonEmpty(environment["HOME"]).map(trimmingTrailingSlashes) ?? "/"
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }

  /// Joins two parts with exactly one `/` between them.
  private static func join(_ folder: String, _ name: String) -> String {
    let trimmed = trimmingTrailingSlashes(folder)
    return trimmed == "/" ? "/" + name : trimmed + "/" + name
  }

  /// Drops trailing slashes, keeping a lone `/`.
  private static func trimmingTrailingSlashes(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1, path.hasSuffix("/") {
      path = path.dropLast()
    }
    return String(path)
  }
}
