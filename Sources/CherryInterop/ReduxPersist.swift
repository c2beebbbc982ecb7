import CherryInteropCore
import Foundation

/// The app's persisted state (`redux-persist`, key `persist:cherry-studio`).
///
/// It is a JSON object whose values are themselves JSON text, one per slice. The
/// providers are in the `llm` slice.
enum ReduxPersist {
  /// Reads the providers out of the persisted state.
  ///
  /// - Parameters:
  ///   - text: The value of `persist:cherry-studio`.
  ///   - description: The source, for the user.
  /// - Returns: The providers the user set up.
  /// - Throws: ``InteropFailure`` when a layer is not the JSON expected.
  static func providers(_ text: String, description: String) throws(InteropFailure)
    -> ImportedSource
  {
    guard let outer = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else {
      throw InteropFailure("the app's saved state (persist:cherry-studio) is not JSON")
    }
    guard let llmText = outer["llm"] as? String,
      let llm = try? JSONSerialization.jsonObject(with: Data(llmText.utf8)) as? [String: Any]
    else {
      throw InteropFailure("the app's saved state has no readable llm part: it holds no providers")
    }
    guard let providers = llm["providers"] as? [Any] else {
      throw InteropFailure("the app's llm settings have no providers list")
    }
    var persistVersion: Int?
    if let persist = outer["_persist"] as? String,
      let object = try? JSONSerialization.jsonObject(with: Data(persist.utf8)) as? [String: Any]
    {
      persistVersion = object["version"] as? Int
    }
    let mapped = CherryStudioProviders.map(providers)
    var notes: [String] = []
    if mapped.leftOut > 0 {
      notes.append(
        mapped.leftOut == 1
          ? "left out 1 built-in provider that has no key and is off in Cherry Studio"
          : "left out \(mapped.leftOut) built-in providers that have no key and are off in Cherry Studio"
      )
    }
    if let persistVersion {
      notes.append("the app's settings are at store version \(persistVersion)")
    }
    return ImportedSource(description: description, providers: mapped.providers, notes: notes)
  }
}
