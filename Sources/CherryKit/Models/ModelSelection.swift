/// A note about a resolved id that is added anyway.
public enum ModelSelectionWarning: Equatable, Sendable {
  /// The last listing does not have this id (some providers list only part of
  /// their models, or have no list endpoint).
  case notInListing(id: String)
  /// There was no listing to check the id against.
  case unchecked(id: String)

  /// One line for the user.
  public var message: String {
    switch self {
    case .notInListing(let id):
      return "'\(id)' is not in the last listing; added anyway (check the id if the test fails)"
    case .unchecked(let id):
      return "'\(id)' added without checking — run manage to fetch the list"
    }
  }
}

/// The ids a `+` command resolved to.
public struct ModelSelectionResult: Equatable, Sendable {
  /// The ids, in the order the terms gave them, without duplicates.
  public var ids: [String]
  /// Warnings for ids that were not checked against a listing, or not found in it.
  public var warnings: [ModelSelectionWarning]
  /// The ids typed by hand that the listing does not have (or all typed ids, with no
  /// listing): they take the Add-model dialog's group
  /// (``ModelGrouping/handEnteredGroup(for:providerID:)``), not the listing's.
  public var handEntered: Set<String>

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - ids: The resolved ids.
  ///   - warnings: The warnings.
  ///   - handEntered: The ids typed by hand that no listing has.
  public init(
    ids: [String], warnings: [ModelSelectionWarning] = [], handEntered: Set<String> = []
  ) {
    self.ids = ids
    self.warnings = warnings
    self.handEntered = handEntered
  }
}

/// Resolves the terms of `+ <model> …` against the last listing (DESIGN §1.3).
public enum ModelSelection {
  /// Resolves terms to model ids.
  ///
  /// A word may hold a comma list (`+ a,b`), as the app's Add-model dialog takes:
  /// it is split at `,` and at the full-width `，` (which the dialog turns into `,`),
  /// each part trimmed and empty parts dropped. Each term is then, in this order of
  /// checks: a number from the listing (all digits); `group:<name>` (case-insensitive,
  /// the group's ids in listing order); a glob with `*`, `?` or `[` (the matching ids
  /// in listing order); or else a model id taken as is (spelled as the listing spells
  /// it when only the case differs).
  ///
  /// - Parameters:
  ///   - terms: The words after `+`.
  ///   - listing: The provider's last full listing, or `nil` when none was fetched.
  ///   - exact: Take each word as an id exactly as written (`+ --exact`): no comma
  ///     lists, numbers, groups or globs — how `dump` writes ids that would
  ///     otherwise read as one of those (``readsAsItself(_:)``).
  /// - Returns: The ids in the order given, deduplicated, with warnings.
  /// - Throws: ``ModelSelectionError`` for the first term that cannot be resolved.
  public static func resolve(
    _ terms: [String], listing: ModelListing?, exact: Bool = false
  ) throws(ModelSelectionError) -> ModelSelectionResult {
    let terms = exact ? terms.filter { !$0.isEmpty } : splitCommaLists(terms)
    guard !terms.isEmpty else { throw .empty }
    var ids: [String] = []
    var seen: Set<String> = []
    var warnings: [ModelSelectionWarning] = []
    var handEntered: Set<String> = []
    func take(_ id: String) {
      if seen.insert(id).inserted { ids.append(id) }
    }
    for term in terms {
      if exact {
        if listing?.contains(id: term) != true {
          if !seen.contains(term) {
            warnings.append(listing == nil ? .unchecked(id: term) : .notInListing(id: term))
          }
          handEntered.insert(term)
        }
        take(term)
      } else if let number = Int(term), term.allSatisfy(\.isASCII), term.allSatisfy(\.isNumber) {
        guard let listing else { throw .noListing(term: term) }
        guard let id = listing.id(number: number) else {
          let numbers = listing.entries.map(\.number)
          let range = numbers.min().flatMap { low in numbers.max().map { low...$0 } }
          throw .numberOutOfRange(number: number, range: range)
        }
        take(id)
      } else if term.lowercased().hasPrefix("group:") {
        guard let listing else { throw .noListing(term: term) }
        let name = String(term.dropFirst("group:".count)).lowercased()
        guard let group = listing.groups.first(where: { $0.name.lowercased() == name }) else {
          throw .unknownGroup(
            name: String(term.dropFirst("group:".count)), groups: listing.groupNames)
        }
        for entry in group.entries { take(entry.id) }
      } else if Glob.isPattern(term) {
        guard let listing else { throw .noListing(term: term) }
        let matched = listing.entries.filter { Glob.matches(term, $0.id) }
        guard !matched.isEmpty else { throw .noMatch(pattern: term) }
        for entry in matched { take(entry.id) }
      } else if let listing {
        if listing.contains(id: term) {
          take(term)
        } else if let spelled = uniqueCaseInsensitiveMatch(term, in: listing.allIDs) {
          take(spelled)
        } else {
          if !seen.contains(term) { warnings.append(.notInListing(id: term)) }
          handEntered.insert(term)
          take(term)
        }
      } else {
        if !seen.contains(term) { warnings.append(.unchecked(id: term)) }
        handEntered.insert(term)
        take(term)
      }
    }
    return ModelSelectionResult(ids: ids, warnings: warnings, handEntered: handEntered)
  }

  /// Whether `+ <id>` takes this word as the id itself, rather than as a comma
  /// list, a number of the listing, a group or a glob.
  ///
  /// - Parameter id: A model id.
  /// - Returns: `false` when it must be written `+ --exact <id>` to be added as is.
  public static func readsAsItself(_ id: String) -> Bool {
    !(id.allSatisfy(\.isASCII) && id.allSatisfy(\.isNumber))
      && !id.lowercased().hasPrefix("group:") && !Glob.isPattern(id)
      && splitCommaLists([id]) == [id]
  }

  /// The terms with each comma list split (`a,b` and `a，b` give `a` and `b`), each
  /// part trimmed, empty parts dropped.
  ///
  /// - Parameter words: The words after `+`.
  /// - Returns: The terms, in order.
  public static func splitCommaLists(_ words: [String]) -> [String] {
    words.flatMap { word in
      word.split(whereSeparator: { $0 == "," || $0 == "\u{FF0C}" }).compactMap { part in
        let term = part.trimmingWhitespace
        return term.isEmpty ? nil : term
      }
    }
  }

  /// The one listed id equal to `term` ignoring case, or `nil` (none, or ambiguous).
  private static func uniqueCaseInsensitiveMatch(_ term: String, in ids: [String]) -> String? {
    let lower = term.lowercased()
    let found = ids.filter { $0.lowercased() == lower }
    return found.count == 1 ? found.first : nil
  }
}
