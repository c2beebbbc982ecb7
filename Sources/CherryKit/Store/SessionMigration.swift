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
  /// Decodes a session file's bytes, migrating an older version.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - path: The file's path, named in errors.
  /// - Returns: The session, and the version it was migrated from (`nil` when it was
  ///   current already).
  /// - Throws: ``StoreError/corrupt(path:reason:)`` for bytes that are not a session
  ///   of a known version, ``StoreError/newerVersion(path:found:supported:)`` for a
  ///   version above ``Session/currentVersion``.
  public static func decode(
    _ data: Data, path: String
  ) throws(StoreError) -> (session: Session, migratedFrom: Int?) {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw .corrupt(path: path, reason: "the file is empty")
    }
    let version = try decodeOrExplain(VersionProbe.self, from: data, path: path).version
    switch version {
    case nil:
      let legacy = try decodeOrExplain(SessionV0.self, from: data, path: path)
      return (try legacy.migrated(path: path), 0)
    case let found? where found > Session.currentVersion:
      throw .newerVersion(path: path, found: found, supported: Session.currentVersion)
    case Session.currentVersion?:
      let session = try decodeOrExplain(Session.self, from: data, path: path)
      try checkUniqueIDs(session, path: path)
      return (session, nil)
    case let found?:
      throw .corrupt(path: path, reason: "version \(found) never existed")
    }
  }

  /// Decodes, turning a `DecodingError` into a reason that names the place.
  static func decodeOrExplain<T: Decodable>(
    _ type: T.Type, from data: Data, path: String
  ) throws(StoreError) -> T {
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
        // Not JSON at all: find the place ourselves (see JSONSyntaxCheck).
        throw .corrupt(
          path: path, reason: JSONSyntaxCheck.firstError(in: data) ?? "not valid JSON")
      }
      throw .corrupt(path: path, reason: explain(error))
    } catch {
      throw .corrupt(path: path, reason: "\(error)")
    }
  }

  /// A reason such as `providers[2].keys: expected an array, found something else`.
  static func explain(_ error: DecodingError) -> String {
    switch error {
    case .typeMismatch(let type, let context):
      return "\(place(context.codingPath)): expected \(describe(type))"
    case .valueNotFound(let type, let context):
      return "\(place(context.codingPath)): expected \(describe(type)), found null"
    case .keyNotFound(let key, let context):
      return "\(place(context.codingPath)): the field \"\(key.stringValue)\" is missing"
    case .dataCorrupted(let context):
      return "\(place(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  /// A coding path written the way a reader finds it in the file.
  static func place(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : "." + key.stringValue
      }
    }
    return text.isEmpty ? "the top level" : text
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

  /// The store merges providers by id, so two with one id make the file ambiguous.
  static func checkUniqueIDs(_ session: Session, path: String) throws(StoreError) {
    var seen: Set<String> = []
    for (index, provider) in session.providers.enumerated() {
      if !seen.insert(provider.id).inserted {
        throw .corrupt(
          path: path, reason: "providers[\(index)]: the id \"\(provider.id)\" appears twice")
      }
    }
  }
}

/// Only the version field, to choose the decoder; absent in version 0.
private struct VersionProbe: Decodable {
  var version: Int?
}
