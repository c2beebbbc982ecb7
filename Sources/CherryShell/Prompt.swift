/// The prompt text for a state (DESIGN §2.2: `cherry(deepseek)> `).
enum Prompt {
  /// The prompt.
  ///
  /// - Parameter selected: The selected provider's id, or `nil`.
  /// - Returns: `cherry(<id>)> `, or `cherry> ` with none selected.
  static func text(selected: String?) -> String {
    guard let selected else { return "cherry> " }
    return "cherry(\(selected))> "
  }
}
