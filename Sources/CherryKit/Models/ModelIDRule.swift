/// Which model ids cherry keeps: those a `.cherryrc` replays exactly
/// (DESIGN §1.3; `dump` writes one id per quoted word, one command per line).
///
/// A listing may still show any id (made visible by ``VisibleText``); adding one
/// that a script could not carry is refused, so a hostile listing cannot plant a
/// line that runs on replay.
public enum ModelIDRule {
  /// Why an id cannot be added, or `nil` when it can.
  ///
  /// - Parameter id: The model id.
  /// - Returns: What is wrong with it, as a phrase.
  public static func problem(_ id: String) -> String? {
    if id.isEmpty { return "it is empty" }
    if let scalar = id.unicodeScalars.first(where: { VisibleText.isUnsafe($0) }) {
      return "it holds the control character \(VisibleText.escaped(String(scalar)))"
    }
    if id.utf8.count > 512 { return "it is longer than 512 bytes" }
    return nil
  }
}
