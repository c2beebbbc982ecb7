/// How a demo server starts: its address, the keys and models it serves, and the
/// latency, faults and hostile rules it begins with (all but the address can
/// change at run time; ``DemoServer/reset()`` comes back to these).
public struct DemoConfiguration: Sendable {
  /// The loopback address to listen on: `127.0.0.1`, or another `127.x.y.z`
  /// (a second server on `127.0.0.2` is the other origin of the redirect tests).
  public var host: String
  /// The port; 0 picks a free one (read it from ``DemoServer/port``).
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
  /// Hostile behaviours from the start; the first matching rule applies.
  public var hostileRules: [DemoHostileRule]

  /// Creates a configuration; the defaults serve ``DemoModelCatalog/standard``
  /// with ``DemoSession/keys`` on a free port of 127.0.0.1, at once, without faults.
  ///
  /// - Parameters:
  ///   - port: The port, 0 for a free one.
  ///   - keys: The accepted keys.
  ///   - models: The served model ids.
  ///   - ollamaNeedsKey: Whether Ollama routes check the key.
  ///   - latencyMilliseconds: The delay before answering and between chunks.
  ///   - faults: The fault rules to start with.
  ///   - streamChunks: The number of text chunks in a streamed answer.
  ///   - hostileRules: The hostile rules to start with.
  ///   - host: The loopback address to listen on.
  public init(
    port: Int = 0, keys: [String] = DemoSession.keys,
    models: [String] = DemoModelCatalog.standard, ollamaNeedsKey: Bool = false,
    latencyMilliseconds: Int = 0, faults: [DemoFaultRule] = [], streamChunks: Int = 4,
    hostileRules: [DemoHostileRule] = [], host: String = "127.0.0.1"
  ) {
    self.host = host
    self.port = port
    self.keys = keys
    self.models = models
    self.ollamaNeedsKey = ollamaNeedsKey
    self.latencyMilliseconds = latencyMilliseconds
    self.faults = faults
    self.streamChunks = streamChunks
    self.hostileRules = hostileRules
  }
}
