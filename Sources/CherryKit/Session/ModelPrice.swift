/// What a model costs, per million tokens, as `model <id> price` sets it and Cherry
/// Studio stores it (`pricing`: input and output per million tokens, a currency).
///
/// Decoding checks the values like every value loaded from the session file
/// (DESIGN §2.4): a negative or non-finite price is an error naming its place.
public struct ModelPrice: Codable, Equatable, Sendable, Hashable {
  /// The price of a million input tokens.
  public var input: Double
  /// The price of a million output tokens.
  public var output: Double
  /// The currency as the user wrote it (`USD`, `$`, `¥`), or `nil` for none given.
  public var currency: String?

  /// Creates a price, or `nil` when a number is negative, not finite, or the
  /// currency is empty or longer than 16 characters.
  ///
  /// - Parameters:
  ///   - input: The price of a million input tokens.
  ///   - output: The price of a million output tokens.
  ///   - currency: The currency, or `nil`.
  public init?(input: Double, output: Double, currency: String? = nil) {
    guard Self.isPrice(input), Self.isPrice(output) else { return nil }
    if let currency, currency.isEmpty || currency.count > 16 { return nil }
    self.input = input
    self.output = output
    self.currency = currency
  }

  /// Reads `model <id> price <input> <output> [currency]`.
  ///
  /// - Parameters:
  ///   - input: The input price as typed (`0.5`, `2`).
  ///   - output: The output price as typed.
  ///   - currency: The currency as typed, or `nil`.
  /// - Returns: The price.
  /// - Throws: ``ModelEditError/badPrice(_:)`` naming the value that is not a price,
  ///   or ``ModelEditError/badCurrency(_:)``.
  public static func parse(input: String, output: String, currency: String?)
    throws(ModelEditError) -> ModelPrice
  {
    guard let inputValue = Double(input), isPrice(inputValue) else { throw .badPrice(input) }
    guard let outputValue = Double(output), isPrice(outputValue) else { throw .badPrice(output) }
    guard let price = ModelPrice(input: inputValue, output: outputValue, currency: currency)
    else { throw .badCurrency(currency ?? "") }
    return price
  }

  /// Decodes a price, refusing values no price can have.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` for a negative or non-finite number or
  ///   a bad currency.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let input = try container.decode(Double.self, forKey: .input)
    let output = try container.decode(Double.self, forKey: .output)
    let currency = try container.decodeIfPresent(String.self, forKey: .currency)
    guard let price = ModelPrice(input: input, output: output, currency: currency) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "a price is a number of 0 or more, with a short currency"))
    }
    self = price
  }

  private static func isPrice(_ value: Double) -> Bool { value.isFinite && value >= 0 }
}
