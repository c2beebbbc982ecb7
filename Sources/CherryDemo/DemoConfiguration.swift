/// How a demo server starts: its port, the keys and models it serves, and the
/// latency and faults it begins with (all but the port can change at run time).
public struct DemoConfiguration: Sendable {
  /// The port on 127.0.0.1; 0 picks a free one (read it from ``DemoServer/port``).
  public var port: Int
  /// The keys accepted in every style's key header.
  public var keys: [String]
  /// The model ids served by every style's list, and accepted by its chat and embeddings.
  public var models: [String]
  /// Whether the Ollama routes check the key too (real Ollama takes none).
  public var ollamaNeedsKey: Bool
  /// Milliseconds to wait before answering, and between the chunks of a stream.
  public var latencyMilliseconds: Int
  /// Faults to produce from the start; the first matching rule applies.
  public var faults: [DemoFaultRule]
  /// How many text chunks a streamed answer has.
  public var streamChunks: Int

  /// Creates a configuration; the defaults serve ``DemoModelCatalog/standard``
  /// with ``DemoSession/keys`` on a free port, at once, without faults.
  ///
  /// - Parameters:
  ///   - port: The port, 0 for a free one.
  ///   - keys: The accepted keys.
  ///   - models: The served model ids.
  ///   - ollamaNeedsKey: Whether Ollama routes check the key.
  ///   - latencyMilliseconds: The delay before answering and between chunks.
  ///   - faults: The fault rules to start with.
  ///   - streamChunks: The number of text chunks in a streamed answer.
  public init(
    port: Int = 0, keys: [String] = DemoSession.keys,
    models: [String] = DemoModelCatalog.standard, ollamaNeedsKey: Bool = false,
    latencyMilliseconds: Int = 0, faults: [DemoFaultRule] = [], streamChunks: Int = 4
  ) {
    self.port = port
    self.keys = keys
    self.models = models
    self.ollamaNeedsKey = ollamaNeedsKey
    self.latencyMilliseconds = latencyMilliseconds
    self.faults = faults
    self.streamChunks = streamChunks
  }
}
