/// Why a change to an added model (`model <id> name|group|price|stream|endpoint …`)
/// was refused (DESIGN §2.2); nothing is changed.
public enum ModelEditError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The provider has no added model with this id.
  case notAdded(id: String, providerID: String)
  /// A price is not a number of 0 or more; the value is the word as typed.
  case badPrice(String)
  /// A currency is empty or longer than 16 characters.
  case badCurrency(String)
  /// A display name or a group is empty or only spaces; the value says which.
  case empty(field: String)
  /// A word is not an endpoint type; the value is the word as typed.
  case unknownEndpointType(String)
  /// Endpoint types apply to `new-api` providers only; the value is the provider id.
  case endpointNeedsNewAPI(providerID: String)

  /// What went wrong, in one line.
  public var what: String {
    switch self {
    case .notAdded(let id, let providerID):
      return "'\(id)' is not one of \(providerID)'s models"
    case .badPrice(let word):
      return "'\(word)' is not a price"
    case .badCurrency(let word):
      return "'\(word)' is not a currency"
    case .empty(let field):
      return "the \(field) is empty"
    case .unknownEndpointType(let word):
      return "'\(word)' is not an endpoint type"
    case .endpointNeedsNewAPI(let providerID):
      return "\(providerID) is not a new-api provider: its models all use its own style"
    }
  }

  /// How to fix it, in one line.
  public var fix: String {
    switch self {
    case .notAdded(let id, _):
      return "'models' lists them; add it with: + \(id)"
    case .badPrice:
      return "write the price per million tokens as a number of 0 or more, e.g. price 0.5 2 USD"
    case .badCurrency:
      return "write a short currency such as USD, CNY, $ or ¥ (or leave it out)"
    case .empty(let field):
      return "give a \(field), or 'reset' to go back to the default"
    case .unknownEndpointType:
      return "endpoint types: "
        + ModelEndpointType.allCases.map(\.rawValue).joined(separator: ", ")
    case .endpointNeedsNewAPI:
      return "endpoint types are for providers added with --type new-api"
    }
  }

  /// ``what``, a line break, then ``fix``.
  public var description: String { what + "\n" + fix }
}
