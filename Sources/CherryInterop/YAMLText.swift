import CherryInteropCore
import Yams

/// YAML through Yams, never by string concatenation (DESIGN §1.7).
enum YAMLText {
  /// Encodes a value.
  ///
  /// - Parameter value: The value.
  /// - Returns: The YAML text, ending with a newline.
  /// - Throws: ``InteropFailure`` when Yams cannot encode it.
  static func encode(_ value: some Encodable) throws(InteropFailure) -> String {
    do {
      let encoder = YAMLEncoder()
      encoder.options.allowUnicode = true
      encoder.options.width = -1
      return try encoder.encode(value)
    } catch {
      throw InteropFailure("cannot write YAML: \(error)")
    }
  }

  /// Decodes YAML text.
  ///
  /// - Parameters:
  ///   - type: The type to decode.
  ///   - text: The YAML.
  ///   - source: The file, named in errors.
  /// - Returns: The value.
  /// - Throws: ``InteropFailure`` with Yams' account of the place that is wrong.
  static func decode<T: Decodable>(_ type: T.Type, from text: String, source: String)
    throws(InteropFailure) -> T
  {
    do {
      return try YAMLDecoder().decode(type, from: text)
    } catch let error as DecodingError {
      throw InteropFailure("\(source) is not a LiteLLM config: \(describe(error))")
    } catch {
      throw InteropFailure("\(source) is not valid YAML: \(error)")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func place(_ path: [any CodingKey]) -> String {
      path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        .trimmingPrefix(".").description
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "\(place(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      return "\(place(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}

extension String {
  /// The string without one leading occurrence of `prefix`.
  fileprivate func trimmingPrefix(_ prefix: String) -> Substring {
    hasPrefix(prefix) ? dropFirst(prefix.count) : self[...]
  }
}
