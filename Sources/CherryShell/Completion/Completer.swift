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
  /// The selected provider's header names.
  var headerNames: [String] = []
  /// Whether the selected provider has a built-in URL to reset to.
  var selectedHasDefaultURL = false
  /// Whether a demo server runs (`--demo`), and the fault words it takes.
  var inDemo = false
  var faultWords: [String] = []
  /// Lists a folder: names, with `/` after sub-folders.
  var listDirectory: (String) -> [String] = { _ in [] }
}

/// Tab completion: a pure map from the text left of the cursor and the state to
/// where the word starts and its candidates (notes/style.md rule 8).
///
/// The line is read by the shell's own tokenizer (``WordSplitter/scan(_:)``), and
/// the command table says what each word is, so completion never offers what the
/// parser would refuse.
enum Completer {
  /// Completes the word at the end of `line`.
  ///
  /// - Parameters:
  ///   - line: The text left of the cursor.
  ///   - state: Providers, models and files to offer.
  /// - Returns: The Character offset where the replaced text starts, and the
  ///   candidates (whole words, quoted or escaped as the word was begun) in the
  ///   order to show them.
  static func complete(_ line: String, state: CompletionState) -> (
    replaceFrom: Int, candidates: [String]
  ) {
    let scalars = Array(line.unicodeScalars)
    let scanned = WordSplitter.scan(line)
    if scanned.comment { return (line.count, []) }
    var finished = scanned.words
    var current = ScannedWord(text: "", start: scalars.count, end: scalars.count)
    if let last = finished.last, last.end == scalars.count {
      current = finished.removeLast()
    }
    let quote = scanned.openQuote ?? quoteOpening(current, in: scalars)
    func answer(_ words: [String], from start: Int, quoted: Character?) -> (Int, [String]) {
      (characterOffset(start, in: scalars), words.map { render($0, quote: quoted) })
    }

    guard !finished.isEmpty else {
      let names = CommandTable.all.flatMap(\.allNames)
      return answer(matching(current.text, names), from: current.start, quoted: quote)
    }
    var words = finished.map(\.text)
    if CommandTable.command(named: words[0]) == nil, words[0].count > 1,
      let sign = words[0].first, sign == "+" || sign == "-"
    {
      words.insert(String(words[0].dropFirst()), at: 1)
      words[0] = String(sign)
    }
    guard let command = CommandTable.command(named: words[0]) else { return (line.count, []) }
    let position = TablePosition.walk(command, words: Array(words.dropFirst()))

    // `--opt=value`: the value, after the `=`.
    if current.text.hasPrefix("--"), let equals = current.text.firstIndex(of: "=") {
      let name = String(current.text[..<equals])
      let typed = String(current.text[current.text.index(after: equals)...])
      guard let option = position.option(named: name), option.takesValue else {
        return (line.count, [])
      }
      let equalsScalar = scalars[current.start...].firstIndex(of: "=") ?? current.start
      return answer(
        values(option.kind, option.choices, typed, state: state, position: position),
        from: equalsScalar + 1, quoted: nil)
    }
    if let option = position.pendingOption {
      return answer(
        values(option.kind, option.choices, current.text, state: state, position: position),
        from: current.start, quoted: quote)
    }
    if current.text.hasPrefix("--"), !position.optionsDone {
      let names = position.options.map(\.name)
      return answer(matching(current.text, names), from: current.start, quoted: quote)
    }
    return answer(
      positional(position, typed: current.text, state: state), from: current.start, quoted: quote)
  }

  /// What may come as the next positional word.
  private static func positional(_ position: TablePosition, typed: String, state: CompletionState)
    -> [String]
  {
    let spec = position.spec
    if position.leadingCount < spec.leading.count {
      let argument = spec.leading[position.leadingCount]
      return values(argument.kind, argument.choices, typed, state: state, position: position)
    }
    var candidates: [String] = []
    if position.arguments.isEmpty {
      let offered = spec.subcommands.filter { isAvailable($0, state: state) }
      candidates += matching(typed, offered.map(\.name))
    }
    guard let argument = position.argument(at: position.arguments.count) else { return candidates }
    return candidates
      + values(argument.kind, argument.choices, typed, state: state, position: position)
  }

  private static func isAvailable(_ spec: CommandSpec, state: CompletionState) -> Bool {
    switch spec.availability {
    case .always: return true
    case .providerWithDefaultURL: return state.selectedHasDefaultURL
    case .demo: return state.inDemo
    }
  }

  /// The values of a kind (and the argument's fixed words) that start with `typed`.
  private static func values(
    _ kind: ValueKind, _ choices: [Choice], _ typed: String, state: CompletionState,
    position: TablePosition
  ) -> [String] {
    let words = matching(typed, choices.map(\.word))
    switch kind {
    case .command:
      // `help key <Tab>`: the subcommands of the command named before.
      if let named = position.arguments.first, let spec = CommandTable.command(named: named) {
        var node = spec
        for word in position.arguments.dropFirst() {
          guard let next = node.subcommand(named: word) else { return [] }
          node = next
        }
        return matching(typed, node.subcommands.map(\.name))
      }
      return matching(typed, CommandTable.all.map(\.name))
    case .providerID:
      let names = state.providerNames.filter {
        !$0.contains(" ") && !state.providerIDs.contains($0)
      }
      return words + matching(typed, state.providerIDs + names)
    case .modelID:
      if typed.hasPrefix("group:") {
        return matching(typed, state.listedGroups.map { "group:" + $0 })
      }
      var seen = Set<String>()
      let all = (state.listedModelIDs + state.addedModelIDs).filter { seen.insert($0).inserted }
      return words + matching(typed, all)
    case .addedModelID:
      return words + matching(typed, state.addedModelIDs)
    case .style:
      return words + matching(typed, ProviderType.allCases.map(\.rawValue))
    case .kind:
      return words + matching(typed, ModelKind.allCases.map(\.rawValue))
    case .fault:
      return words + matching(typed, state.faultWords)
    case .endpointType:
      return words + matching(typed, ModelEndpointType.allCases.map(\.rawValue))
    case .kindChange:
      let names = ModelKind.allCases.map(\.rawValue)
      return matching(typed, names.map { "+" + $0 } + names.map { "-" + $0 }) + words
    case .headerName:
      return words + matching(typed, state.headerNames)
    case .file:
      return files(typed, state: state)
    case .url, .number, .seconds, .keys, .word, .text:
      return words
    }
  }

  private static func files(_ typed: String, state: CompletionState) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let names = state.listDirectory(folder.isEmpty ? "." : folder)
    let leaf = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    return names.filter { $0.hasPrefix(leaf) && (leaf.hasPrefix(".") || !$0.hasPrefix(".")) }
      .sorted().map { folder + $0 }
  }

  private static func matching(_ prefix: String, _ words: [String]) -> [String] {
    prefix.isEmpty ? words : words.filter { $0.hasPrefix(prefix) }
  }

  /// The quote a word was begun with (`'gpt-4o` or `"gpt`), if it still reads as
  /// one quoted word.
  private static func quoteOpening(_ word: ScannedWord, in scalars: [Unicode.Scalar]) -> Character?
  {
    guard word.start < scalars.count else { return nil }
    let first = scalars[word.start]
    return first == "'" || first == "\"" ? Character(first) : nil
  }

  /// What ``render(_:quote:)`` escapes outside quotes (and `#` first): what the
  /// tokenizer would split or read.
  private static let escapedOutsideQuotes = " \t'\"$\\"
  /// The same, as bytes (all ASCII).
  private static let escapedBytes = Set(escapedOutsideQuotes.utf8)

  /// A candidate as it must be typed: inside the word's quotes, or with the
  /// characters the tokenizer treats specially escaped.
  private static func render(_ word: String, quote: Character?) -> String {
    // Most ids hold nothing to escape (a Tab may render 10,000 of them): a word
    // without any of these bytes is typed as it is.
    if quote == nil, word.utf8.first != UInt8(ascii: "#"),
      !word.utf8.contains(where: { escapedBytes.contains($0) })
    {
      return word
    }
    let closing = word.hasSuffix("/") ? "" : String(quote ?? " ").trimmingWhitespace
    switch quote {
    case "\"":
      // Inside double quotes the tokenizer reads \" \\ and \$ as escapes.
      var body = ""
      for character in word {
        if "\"\\$".contains(character) { body.append("\\") }
        body.append(character)
      }
      return "\"" + body + closing
    case "'" where !word.contains("'"):
      // A word that is complete gets its closing quote; a folder stays open.
      return "'" + word + closing
    default:
      // No quote (or a ' inside a '…' word, which cannot hold one): escape what
      // the tokenizer would split or read.
      var escaped = ""
      for character in word {
        if escapedOutsideQuotes.contains(character) || (escaped.isEmpty && character == "#") {
          escaped.append("\\")
        }
        escaped.append(character)
      }
      return escaped
    }
  }

  /// A scalar offset as a Character offset (what the line editor takes).
  private static func characterOffset(_ scalarOffset: Int, in scalars: [Unicode.Scalar]) -> Int {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.prefix(scalarOffset))
    return String(view).count
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
      state.headerNames = provider.headers.map(\.name)
      state.selectedHasDefaultURL =
        provider.isBuiltIn && ProviderCatalogue.entry(provider.id) != nil
        || options.demo?.startingProvider(provider.id) != nil
    }
    state.listDirectory = { folder in FileText.list(folder) }
    state.inDemo = options.demo != nil
    state.faultWords = options.demo?.faultWords ?? []
    return state
  }
}
