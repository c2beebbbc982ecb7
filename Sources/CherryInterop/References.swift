import CherryInteropCore
import CherryKit

/// The environment variables an export refers to, in order of first use.
struct References {
  /// The names, each once.
  private(set) var names: [String] = []

  /// Records a variable.
  ///
  /// - Parameter name: Its name.
  mutating func add(_ name: String) {
    if !names.contains(name) { names.append(name) }
  }

  /// The variable a stored key refers to, recorded; `nil` for a literal key.
  ///
  /// - Parameter key: A prepared key (`env:NAME` or literal).
  /// - Returns: The name, or `nil`.
  mutating func variable(_ key: String) -> String? {
    guard case .environment(let name) = KeySource(entry: key) else { return nil }
    add(name)
    return name
  }

  /// A key as LiteLLM reads it: `os.environ/NAME`, or the literal key.
  ///
  /// - Parameter key: A prepared key.
  /// - Returns: The value for `api_key`.
  mutating func litellm(_ key: String) -> String {
    variable(key).map { "os.environ/" + $0 } ?? key
  }
}
