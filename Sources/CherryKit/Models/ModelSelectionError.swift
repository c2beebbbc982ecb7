/// Why a `+` term could not be resolved; nothing is added when one term fails.
public enum ModelSelectionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No terms were given.
  case empty
  /// A number, `group:` or glob was used before any listing was fetched.
  case noListing(term: String)
  /// A number the last listing does not have; `range` is its numbers (nil when empty).
  case numberOutOfRange(number: Int, range: ClosedRange<Int>?)
  /// `group:<name>` named no group of the last listing.
  case unknownGroup(name: String, groups: [String])
  /// A glob matched no id of the last listing.
  case noMatch(pattern: String)

  /// What went wrong, in one line.
  public var what: String {
    switch self {
    case .empty:
      return "no model given"
    case .noListing(let term):
      return "'\(term)' refers to the model list, and there is none yet"
    case .numberOutOfRange(let number, let range):
      guard let range else { return "no model number \(number): the last listing is empty" }
      return
        "no model number \(number): the last listing has \(range.lowerBound)–\(range.upperBound)"
    case .unknownGroup(let name, _):
      return "no group '\(name)' in the last listing"
    case .noMatch(let pattern):
      return "'\(pattern)' matches no model of the last listing"
    }
  }

  /// How to fix it, in one line.
  public var fix: String {
    switch self {
    case .empty:
      return "+ <id|number|group:<name>|'glob'> …  (or a comma list: + a,b)"
    case .noListing:
      return "run manage first"
    case .numberOutOfRange:
      return "run manage to see the numbers"
    case .unknownGroup(_, let groups):
      return "groups: " + (groups.isEmpty ? "none" : groups.joined(separator: ", "))
    case .noMatch:
      return "run manage to see the ids, or add the id itself"
    }
  }

  /// One line saying what went wrong and what to do (the form the shell printed
  /// before ``what`` and ``fix`` existed).
  public var message: String {
    switch self {
    case .empty, .noListing: return what + ": " + fix
    case .unknownGroup: return what + "; " + fix
    case .numberOutOfRange, .noMatch: return what
    }
  }

  /// ``what``, a line break, then ``fix``.
  public var description: String { what + "\n" + fix }
}
