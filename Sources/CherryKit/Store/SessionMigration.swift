public import FoundationEssentials

/// Reads the bytes of a session file of any known version into a current
/// ``Session`` (DESIGN §2.4: a file from a newer cherry is refused, an older one is
/// migrated).
///
/// Versions:
/// - **1** (``Session/currentVersion``): ``Session`` as encoded by ``SessionStore``.
/// - **0**: a file with no `version` field. cherry's drafts, before the schema was
///   versioned, stored providers the way Cherry Studio does (notes §1): each provider
///   has `id` (required), and optionally `name`, `type` (the style's raw value),
///   `apiKey` (several keys in one comma-separated string), `apiHost` (the URL as
///   typed), `models` (objects with `id` and an optional `group`), `enabled` and
///   `isSystem`; the top level has `providers` and an optional `selected`. Migrating
///   fills what is missing from the catalogue for a built-in id (name, style, URL,
///   whether a key is needed, the models URL) and from ``Provider``'s defaults
///   otherwise; a custom provider without a `type` cannot be guessed and is refused.
///   Keys are split on commas, trimmed, and empties and duplicates dropped.
public enum SessionMigration {
  /// Decodes a session file's bytes, migrating an older version, and checks every
  /// value (``SessionValidation``).
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - path: The file's path, named in errors.
  /// - Returns: The session, the version it was migrated from (`nil` when it was
  ///   current already), and a warning for each value only a newer rule refuses;
  ///   ``LoadedSession/existed`` is `true`.
  /// - Throws: ``StoreError/corrupt(path:reason:)`` for bytes that are not a JSON
  ///   object, ``StoreError/invalidValue(path:field:problem:)`` for a value of the
  ///   wrong type, missing, or unusable, ``StoreError/newerVersion(path:found:supported:)``
  ///   for a version above ``Session/currentVersion``.
  public static func decode(_ data: Data, path: String) throws(StoreError) -> LoadedSession {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .corrupt(path: path, reason: "the file is empty")
    }
    var session: Session
    let migratedFrom: Int?
    switch try version(of: data, path: path) {
    case nil:
      let legacy = try decodeOrExplain(SessionV0.self, from: data, path: path)
      session = try legacy.migrated(path: path)
      migratedFrom = 0
    case let found? where found > Session.currentVersion:
      throw .newerVersion(path: path, found: found, supported: Session.currentVersion)
    case Session.currentVersion?:
      session = try decodeOrExplain(Session.self, from: data, path: path)
      migratedFrom = nil
    case let found?:
      throw .invalidValue(
        path: path, field: "version",
        problem: "version \(found) never existed (a file without a version is version 0)")
    }
    let warnings = try SessionValidation.check(&session, path: path)
    return LoadedSession(
      session: session, existed: true, warnings: warnings, migratedFrom: migratedFrom)
  }

  /// The file's `version`, `nil` when it has none (version 0).
  private static func version(of data: Data, path: String) throws(StoreError) -> Int? {
    switch try decodeOrExplain(VersionProbe.self, from: data, path: path).version {
    case nil, .null?:
      return nil
    case .integer(let number)?:
      return Int(number)
    case .number(let number)?:
      throw .invalidValue(
        path: path, field: "version",
        problem: "\(number) is not a version: versions are whole numbers "
          + "(this cherry reads up to \(Session.currentVersion))")
    case let other?:
      throw .invalidValue(
        path: path, field: "version",
        problem: "expected a whole number, found \(other.kindName)")
    }
  }

  /// Decodes, turning a `DecodingError` into an error that names the place.
  static func decodeOrExplain<T: Decodable>(
    _ type: T.Type, from data: Data, path: String
  ) throws(StoreError) -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
        JSONSyntaxCheck.firstError(in: data) == nil, let tree = JSONValue.parse(data)
      {
        // Valid JSON that JSONDecoder calls invalid: a number that does not fit its
        // field. Decode again where the path is known (see JSONValueDecoder).
        do {
          return try JSONValueDecoder.decode(type, from: tree)
        } catch let placed as DecodingError {
          throw explain(placed, data: data, path: path)
        } catch {
          throw .corrupt(path: path, reason: "\(error)")
        }
      }
      throw explain(error, data: data, path: path)
    } catch {
      throw .corrupt(path: path, reason: "\(error)")
    }
  }

  /// The store's error for a decoding error: `corrupt` for bytes that are not JSON
  /// or a top level that is not an object, else `invalidValue` at the field.
  static func explain(_ error: DecodingError, data: Data, path: String) -> StoreError {
    let context: DecodingError.Context
    var problem: String
    switch error {
    case .typeMismatch(let type, let found):
      context = found
      problem = "expected \(describe(type))"
    case .valueNotFound(let type, let found):
      context = found
      problem = "expected \(describe(type)), found null"
    case .keyNotFound(_, let found):
      context = found
      problem = "it is missing"
    case .dataCorrupted(let found):
      context = found
      problem = found.debugDescription
    @unknown default:
      return .corrupt(path: path, reason: "\(error)")
    }
    if case .keyNotFound(let key, _) = error {
      return .invalidValue(
        path: path, field: place(context.codingPath + [key], in: JSONValue.parse(data)),
        problem: "it is missing")
    }
    guard !context.codingPath.isEmpty else {
      if case .dataCorrupted = error {
        // Not JSON at all: find the place ourselves (see JSONSyntaxCheck).
        return .corrupt(
          path: path, reason: JSONSyntaxCheck.firstError(in: data) ?? "not valid JSON")
      }
      return .corrupt(path: path, reason: "the top level: " + problem)
    }
    let tree = JSONValue.parse(data)
    if let found = value(at: context.codingPath, in: tree), problem.hasPrefix("expected ") {
      problem += ", found \(found.kindName)"
    }
    return .invalidValue(path: path, field: place(context.codingPath, in: tree), problem: problem)
  }

  /// A coding path as the user finds it in the file, with a provider's index replaced
  /// by its id (`providers.deepseek.timeout`) when the file gives one.
  static func place(_ codingPath: [any CodingKey], in tree: JSONValue? = nil) -> String {
    var text = ""
    var node = tree
    for (depth, key) in codingPath.enumerated() {
      if let index = key.intValue {
        node = node?[index]
        let isProvider = depth == 1 && codingPath.first?.stringValue == "providers"
        if isProvider, let id = node?["id"]?.string, !id.isEmpty {
          text += "." + id
        } else {
          text += "[\(index)]"
        }
      } else {
        node = node?[key.stringValue]
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text.isEmpty ? "the top level" : text
  }

  /// The value at a coding path in the file's tree.
  private static func value(at codingPath: [any CodingKey], in tree: JSONValue?) -> JSONValue? {
    var node = tree
    for key in codingPath {
      node = key.intValue.map { node?[$0] } ?? node?[key.stringValue]
    }
    return node
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type, is String?.Type: return "a string"
    case is Int.Type, is Int?.Type, is Double.Type, is Double?.Type: return "a number"
    case is Bool.Type, is Bool?.Type: return "true or false"
    default:
      let name = "\(type)"
      if name.hasPrefix("Array") { return "a list" }
      if name.hasPrefix("Dictionary") { return "an object" }
      return "a value of type \(name)"
    }
  }
}

/// Only the version field, to choose the decoder; absent in version 0.
///
/// Any JSON value, so that `1.5` or `"one"` is reported as a bad version, not as
/// bad JSON.
private struct VersionProbe: Decodable {
  var version: JSONValue?
}
