/// What a model can do, as shown beside it in `manage` and `models` (DESIGN §1.3).
///
/// Kinds are inferred from the model id (``ModelKindInference``) and can be
/// overridden per model with `model <id> kinds +vision -tools`.
public enum ModelKind: String, Codable, CaseIterable, Sendable, Hashable, Comparable {
  /// Answers chat messages.
  case chat
  /// Turns text into vectors.
  case embedding
  /// Re-orders documents by relevance.
  case rerank
  /// Accepts images as input.
  case vision
  /// Thinks before answering.
  case reasoning
  /// Calls functions (tools).
  case tools
  /// Searches the web by itself.
  case webSearch = "web-search"
  /// Generates images.
  case image

  /// Orders kinds as they are declared, which is the order they are printed in.
  public static func < (lhs: ModelKind, rhs: ModelKind) -> Bool {
    let all = ModelKind.allCases
    return (all.firstIndex(of: lhs) ?? 0) < (all.firstIndex(of: rhs) ?? 0)
  }
}

/// Encodes `[ModelKind: Bool]` as a JSON object keyed by kind name, so the
/// session file is stable (an enum-keyed dictionary otherwise encodes as a flat
/// array in hash order, which changes from run to run).
extension ModelKind: CodingKeyRepresentable {}
