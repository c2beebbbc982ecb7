import CherryKit

/// What a word is, wherever the table declares one: a positional argument or an
/// option's value (argument-parser's `CompletionKind`).
///
/// It drives Tab completion, and the check a typed word gets before any handler
/// runs; a handler still checks what depends on the session (a key number against
/// the keys there are).
enum ValueKind: Sendable, Equatable {
  /// A command name (`help <command>`).
  case command
  /// A provider id or name.
  case providerID
  /// A model id from the last listing or the added models (`+`).
  case modelID
  /// An added model of the selected provider.
  case addedModelID
  /// An API style (`openai`, `anthropic`, …).
  case style
  /// A model kind (`vision`).
  case kind
  /// A model's endpoint type on a `new-api` provider (`anthropic`).
  case endpointType
  /// A demo fault's words (`401`, `slow 800`, `off`).
  case fault
  /// A kind change: `+vision`, `-tools`.
  case kindChange
  /// A file path.
  case file
  /// A URL.
  case url
  /// A whole number from 1.
  case number
  /// A number of seconds (`30`, `2.5`, `30s`).
  case seconds
  /// API keys (a comma-separated list; may span several words).
  case keys
  /// An HTTP header name.
  case headerName
  /// One of the argument's fixed words, nothing else.
  case word
  /// Free text: anything goes, nothing completes.
  case text

  /// Whether `word` can be a value of this kind, as far as can be told without
  /// the session; `nil` when it can, else what was expected.
  ///
  /// - Parameter word: The word as typed (after quotes and `$VAR`).
  /// - Returns: `nil`, or a phrase such as "a number of seconds greater than 0".
  func problem(with word: String) -> String? {
    switch self {
    case .number:
      guard let number = Int(word), number >= 1 else { return "a whole number from 1" }
      return nil
    case .seconds:
      return Seconds.parse(word) == nil
        ? "a number of seconds greater than 0 (at most a day), e.g. 30 or 2.5" : nil
    case .style:
      return ProviderType(rawValue: word.lowercased()) == nil
        ? "an API style: " + ProviderType.allCases.map(\.rawValue).joined(separator: ", ") : nil
    case .endpointType:
      return ModelEndpointType(rawValue: word.lowercased()) == nil
        ? "an endpoint type: "
          + ModelEndpointType.allCases.map(\.rawValue).joined(separator: ", ") : nil
    case .kind:
      return ModelKind(rawValue: word.lowercased()) == nil
        ? "a kind: " + ModelKind.allCases.map(\.rawValue).joined(separator: " ") : nil
    case .command, .providerID, .modelID, .addedModelID, .kindChange, .file, .url, .keys,
      .headerName, .word, .text, .fault:
      return nil
    }
  }

  /// Whether a word reads like a value of this kind rather than a mistyped
  /// subcommand (`key lsit` is a typo; `key sk-abc…` is a key).
  ///
  /// - Parameter word: The word as typed.
  /// - Returns: `true` when the word has the shape of a value.
  func looksLikeValue(_ word: String) -> Bool {
    switch self {
    case .keys:
      return word.contains(",") || word.hasPrefix("env:") || KeyMask.looksLikeKey(word)
    case .url:
      return word.contains("://") || word.contains(".") || word.contains(":")
    case .number, .seconds, .style, .kind, .endpointType:
      return problem(with: word) == nil
    case .fault:
      return true
    case .command, .providerID, .modelID, .addedModelID, .kindChange, .file, .headerName,
      .word, .text:
      return true
    }
  }
}
