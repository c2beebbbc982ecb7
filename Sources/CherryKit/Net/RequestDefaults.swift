/// The default limits of provider requests, in one place (DESIGN §1.4, §2.4, §3: one
/// default timeout): the request layer and the shell both read them.
public enum RequestDefaults {
  /// The total limit of one connection test (`test`, `check`), in seconds.
  public static let testTimeout: Double = 15
  /// The connect timeout of `manage` and `ask`, in seconds.
  public static let connectTimeout: Double = 10
  /// The idle timeout of `manage` and `ask`, in seconds: the longest silence allowed
  /// while an answer streams (they have no total limit).
  public static let idleTimeout: Double = 60
  /// The most tests in flight at once in `test` (one per key) and `check`.
  public static let concurrency = 16
  /// The largest response body read into memory (a model list, an embeddings answer).
  public static let maxResponseBytes = 32 * 1024 * 1024
  /// The most entries a model list may have.
  public static let maxListedModels = 200_000
  /// The most same-origin redirects followed for one request.
  public static let maxRedirects = 5
}
