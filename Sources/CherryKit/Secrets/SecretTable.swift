/// Secrets grouped by length, for a scan whose cost does not grow with their number: at each
/// position of a text it looks up, for each distinct length (longest first), the bytes there in a
/// hash set.
///
/// Thousands of keys of a few lengths cost about what one does. Grown one secret at a time.
struct SecretTable: Sendable {
  /// The secrets of each length, as slices so that a slice of a text can be looked up
  /// without copying it.
  private var byLength: [Int: Set<ArraySlice<UInt8>>] = [:]
  /// The distinct lengths, longest first.
  private var lengths: [Int] = []
  /// Which bytes start some secret, to skip most positions at once.
  private var firstBytes = [Bool](repeating: false, count: 256)

  /// An empty table.
  init() {}

  /// Adds a secret to this table (every secret) and, when it is searched for in any
  /// text (8 or more characters), to `long` as well.
  ///
  /// - Parameters:
  ///   - secret: The secret.
  ///   - long: The table of the secrets searched for everywhere.
  mutating func add(_ secret: String, long: inout SecretTable) {
    insert(Array(secret.utf8)[...])
    if secret.count >= SecretSet.minimumSearchedLength { long.insert(Array(secret.utf8)[...]) }
  }

  /// Inserts a secret's bytes.
  private mutating func insert(_ bytes: ArraySlice<UInt8>) {
    guard let first = bytes.first else { return }
    firstBytes[Int(first)] = true
    if byLength[bytes.count, default: []].insert(bytes).inserted, !lengths.contains(bytes.count) {
      lengths.append(bytes.count)
      lengths.sort(by: >)
    }
  }

  /// Replaces each occurrence of a secret by its masked form; overlapping occurrences
  /// are hidden together.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text with every secret of the table masked.
  func replace(in text: String) -> String {
    guard !lengths.isEmpty, !text.isEmpty else { return text }
    let bytes = Array(text.utf8)
    func match(at index: Int) -> ArraySlice<UInt8>? {
      guard firstBytes[Int(bytes[index])] else { return nil }
      for length in lengths where index + length <= bytes.count {
        let candidate = bytes[index..<(index + length)]
        if byLength[length]?.contains(candidate) == true { return candidate }
      }
      return nil
    }
    var output: [UInt8] = []
    var changed = false
    var index = 0
    while index < bytes.count {
      guard let secret = match(at: index) else {
        output.append(bytes[index])
        index += 1
        continue
      }
      changed = true
      output += KeyMask.mask(String(decoding: secret, as: UTF8.self)).utf8
      var end = index + secret.count
      var inner = index + 1
      while inner < end {
        if let overlapping = match(at: inner) { end = max(end, inner + overlapping.count) }
        inner += 1
      }
      index = end
    }
    return changed ? String(decoding: output, as: UTF8.self) : text
  }
}
