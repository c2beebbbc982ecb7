import CherryKit

/// What Tab completion may offer, taken from the shell's state.
struct CompletionState {
  /// Provider ids, in list order.
  var providerIDs: [String] = []
  /// Provider display names.
  var providerNames: [String] = []
  /// Model ids of the last listing of the selected provider.
  var listedModelIDs: [String] = []
  /// Group names of that listing.
  var listedGroups: [String] = []
  /// The selected provider's added model ids.
  var addedModelIDs: [String] = []
  /// Lists a folder: names, with `/` after sub-folders.
  var listDirectory: (String) -> [String] = { _ in [] }
}

/// Tab completion: a pure map from the text left of the cursor and the state to
/// where the word starts and its candidates (notes/style.md rule 8).
///
/// The command table says what each argument is.
enum Completer {
  /// Completes the word at the end of `line`.
  ///
  /// - Parameters:
  ///   - line: The text left of the cursor.
  ///   - state: Providers, models and files to offer.
  /// - Returns: The Character offset where the word being completed starts, and
  ///   the candidates (whole words) in the order to show them.
  static func complete(_ line: String, state: CompletionState) -> (
    replaceFrom: Int, candidates: [String]
  ) {
    let (words, current, start) = tokenize(line)
    guard let commandWord = words.first else {
      return (start, matching(current, CommandTable.all.flatMap(\.allNames)))
    }
    guard let spec = CommandTable.spec(named: commandWord) else { return (start, []) }
    // An option's value, or an option name.
    if let previous = words.last, words.count > 1,
      let option = spec.options.first(where: { $0.name == previous }), let kind = option.value
    {
      return (start, candidates(kind, prefix: current, state: state))
    }
    if current.hasPrefix("--") {
      return (start, matching(current, spec.options.map(\.name)))
    }
    var positionals: [String] = []
    var index = 1
    while index < words.count {
      let word = words[index]
      if let option = spec.options.first(where: { $0.name == word }) {
        index += option.value == nil ? 1 : 2
        continue
      }
      positionals.append(word)
      index += 1
    }
    guard let kind = spec.argumentKind(at: positionals.count, positionals: positionals) else {
      return (start, [])
    }
    return (start, candidates(kind, prefix: current, state: state))
  }

  private static func candidates(_ kind: ArgumentKind, prefix: String, state: CompletionState)
    -> [String]
  {
    switch kind {
    case .command:
      return matching(prefix, CommandTable.all.map(\.name))
    case .subcommands(let subs):
      return matching(prefix, subs.map(\.name))
    case .providerID:
      let names = state.providerNames.filter {
        !$0.contains(" ") && !state.providerIDs.contains($0)
      }
      return matching(prefix, state.providerIDs + names)
    case .modelID:
      var seen = Set<String>()
      var all: [String] = []
      for id in state.listedModelIDs + state.addedModelIDs where seen.insert(id).inserted {
        all.append(id)
      }
      if prefix.hasPrefix("group:") {
        return matching(prefix, state.listedGroups.map { "group:" + $0 })
      }
      return matching(prefix, all)
    case .addedModelID:
      return matching(prefix, state.addedModelIDs)
    case .style:
      return matching(prefix, APIStyle.allCases.map(\.rawValue))
    case .kindChange:
      let names = ModelKind.allCases.map(\.rawValue)
      return matching(prefix, names.map { "+" + $0 } + names.map { "-" + $0 } + ["reset"])
    case .kind:
      return matching(prefix, ModelKind.allCases.map(\.rawValue))
    case .file:
      let slash = prefix.lastIndex(of: "/")
      let folder = slash.map { String(prefix[...$0]) } ?? ""
      let names = state.listDirectory(folder.isEmpty ? "." : folder)
      let leaf = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
      return names.filter { $0.hasPrefix(leaf) && (leaf.hasPrefix(".") || !$0.hasPrefix(".")) }
        .sorted().map { folder + $0 }
    case .values(let values):
      return matching(prefix, values)
    case .text:
      return []
    }
  }

  private static func matching(_ prefix: String, _ words: [String]) -> [String] {
    prefix.isEmpty ? words : words.filter { $0.hasPrefix(prefix) }
  }

  /// The finished words, the word being typed (quotes removed) and its start as a
  /// Character offset.
  ///
  /// Lenient: an open quote just continues the word.
  static func tokenize(_ line: String) -> (words: [String], current: String, start: Int) {
    var words: [String] = []
    var current = ""
    var start = 0
    var inWord = false
    var quote: Character?
    for (offset, character) in line.enumerated() {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
        continue
      }
      switch character {
      case " ", "\t":
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      case "'", "\"":
        if !inWord {
          inWord = true
          start = offset
        }
        quote = character
      default:
        if !inWord {
          inWord = true
          start = offset
        }
        current.append(character)
      }
    }
    if !inWord { start = line.count }
    return (words, current, start)
  }
}

extension Shell {
  /// The state Tab completion reads.
  func completionState() -> CompletionState {
    var state = CompletionState()
    state.providerIDs = session.providers.map(\.id)
    state.providerNames = session.providers.map(\.name)
    if let listing = selectedListing {
      state.listedModelIDs = listing.allIDs
      state.listedGroups = listing.groupNames
    }
    if let id = session.selected, let provider = session.provider(id) {
      state.addedModelIDs = provider.models.map(\.id)
    }
    state.listDirectory = { folder in FileText.list(folder) }
    return state
  }
}
