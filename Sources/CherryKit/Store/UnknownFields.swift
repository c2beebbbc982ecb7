/// Keeps the fields of a session file that this cherry does not know — added by a
/// newer cherry of the same version, or by hand — when a save rewrites the file
/// (DESIGN §2.4: unknown fields are kept at every level).
///
/// Which fields are unknown is found by comparison rather than from a list, so a
/// field added to ``Provider`` later is known at once: `file` is the file as
/// parsed, and `known` is the same file decoded and encoded again by this cherry,
/// which drops exactly what it does not know. Each member of `file` missing from
/// `known` is copied into the new file's tree at the same place.
///
/// Places are matched by name in objects; in lists, an element is matched by its
/// `id` member (providers, models) or else its `name` member (headers), so an
/// unknown field follows its provider, model or header whatever the merge did to
/// the order, and goes away with it when it is removed.
enum UnknownFields {
  /// `merged` with the unknown members of `file` added.
  ///
  /// - Parameters:
  ///   - file: The file on disk, parsed.
  ///   - known: The file's session as this cherry encodes it.
  ///   - merged: The tree about to be written.
  /// - Returns: The tree to write.
  static func keep(from file: JSONValue, known: JSONValue, into merged: JSONValue) -> JSONValue {
    switch (file, known, merged) {
    case (.object(let fileMembers), .object(let knownMembers), .object(var result)):
      for (name, value) in fileMembers {
        if let knownValue = knownMembers[name] {
          if let mergedValue = result[name] {
            result[name] = keep(from: value, known: knownValue, into: mergedValue)
          }
        } else if result[name] == nil {
          result[name] = value
        }
      }
      return .object(result)
    case (.array(let fileElements), .array(let knownElements), .array(let mergedElements)):
      guard fileElements.count == knownElements.count else { return merged }
      var pairs: [String: (file: JSONValue, known: JSONValue)] = [:]
      for (element, knownElement) in zip(fileElements, knownElements) {
        if let identity = identity(of: element) {
          pairs[identity] = (element, knownElement)
        }
      }
      guard !pairs.isEmpty else { return merged }
      return .array(
        mergedElements.map { element in
          guard let identity = identity(of: element), let pair = pairs[identity] else {
            return element
          }
          return keep(from: pair.file, known: pair.known, into: element)
        })
    default:
      return merged
    }
  }

  /// What matches an element of a list across versions: its `id`, else its `name`.
  private static func identity(of element: JSONValue) -> String? {
    if let id = element["id"]?.string { return "id:" + id }
    if let name = element["name"]?.string { return "name:" + name }
    return nil
  }
}
