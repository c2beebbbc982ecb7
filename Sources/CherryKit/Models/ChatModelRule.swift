/// What counts as a chat model (DESIGN §1.3): one the connection test can talk to.
public enum ChatModelRule {
  /// Whether a model with these effective kinds is a chat model: its kinds include
  /// `chat` and none of `embedding`, `rerank` or image-only (`image` without `chat`).
  ///
  /// - Parameter kinds: The effective kinds (inference with overrides applied).
  /// - Returns: `true` for a chat model.
  public static func isChatModel(_ kinds: Set<ModelKind>) -> Bool {
    // An image kind alongside chat is "chat image generation", still a chat model;
    // image without chat already fails the first test.
    kinds.contains(.chat) && !kinds.contains(.embedding) && !kinds.contains(.rerank)
  }
}
