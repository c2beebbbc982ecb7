import CherryKit

/// The key one request uses: its 1-based number and its entry (a literal or `env:NAME`).
struct KeyChoice: Equatable, Sendable {
  /// The 1-based number, as `key rm N` and `--key N` count.
  var number: Int
  /// The entry as stored: a literal key or `env:NAME`.
  var entry: String
  /// The entry masked (`env:NAME` is shown as is).
  var masked: String { KeyMask.mask(entry) }
}

/// Builds a request's headers per API style (DESIGN §1.2, issue 4): the key's header, the
/// provider's own `header` settings with `env:NAME` values resolved, and the masking of all of them
/// for traces.
///
/// Every secret it reads (the key's value, a header's value) joins the request's secrets.
enum RequestBuilder {
  /// The `anthropic-version` every Anthropic request carries.
  static let anthropicVersion = "2023-06-01"

  /// The key for a request: the given index, or the first key when none is given;
  /// `nil` when the provider has no keys.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - keyIndex: The 0-based index the shell chose (rotation), or `nil`.
  /// - Returns: The key, or `nil`.
  static func keyChoice(_ provider: Provider, keyIndex: Int?) -> KeyChoice? {
    guard !provider.keys.isEmpty else { return nil }
    let count = provider.keys.count
    // Wraps like the rotation; a negative index (never passed by the shell) too.
    let index = ((keyIndex ?? 0) % count + count) % count
    return KeyChoice(number: index + 1, entry: provider.keys[index])
  }

  /// Builds the request: default headers, the key's header and the provider's headers
  /// (which replace a default header of the same name).
  ///
  /// The key's header and the style's own headers (`anthropic-version`, Ollama's
  /// NDJSON `Accept`) follow the context's style, which is the model's route
  /// (``EndpointResolver/route(_:model:)``): a `new-api` model of endpoint type
  /// `anthropic` sends `x-api-key`, whatever the provider's own style.
  ///
  /// - Parameters:
  ///   - provider: The provider.
  ///   - context: The request's context.
  ///   - key: The key to send, or `nil`.
  ///   - body: The JSON body, or `nil` for a GET.
  ///   - streaming: Whether the answer is a stream.
  ///   - environment: The environment, for `env:NAME` keys and headers.
  /// - Returns: The request.
  /// - Throws: ``ProviderError`` of kind `configuration` for an unset variable or no key.
  static func make(
    provider: Provider, context: RequestContext, key: KeyChoice?, body: [UInt8]?,
    streaming: Bool, environment: [String: String]
  ) throws(ProviderError) -> OutgoingRequest {
    if key == nil && provider.needsKey {
      throw context.error(
        .auth, detail: "no key set", fix: "set a key with `key <your key>` (or `key env:NAME`)")
    }
    var headers: [(name: String, value: String)] = [
      (
        "Accept",
        streaming
          ? (context.style == .ollama ? "application/x-ndjson" : "text/event-stream")
          : "application/json"
      ),
      ("User-Agent", "cherry"),
    ]
    if body != nil { headers.append(("Content-Type", "application/json")) }
    var keyHeaders: Set<String> = []
    var context = context
    if let key {
      let secret = try resolve(key, environment: environment, context: context)
      context.secrets.add([secret])
      for header in authHeaders(style: context.style, key: secret) {
        headers.append(header)
        keyHeaders.insert(header.name.lowercased())
      }
    }
    if context.style == .anthropic { headers.append(("anthropic-version", anthropicVersion)) }
    for custom in provider.headers {
      let value = try resolveHeader(custom, environment: environment, context: context)
      if HeaderSecrecy.isSecret(name: custom.name) { context.secrets.add([value]) }
      headers.removeAll { $0.name.lowercased() == custom.name.lowercased() }
      keyHeaders.remove(custom.name.lowercased())
      headers.append((custom.name, value))
    }
    return OutgoingRequest(context: context, headers: headers, keyHeaders: keyHeaders, body: body)
  }

  /// The header that carries the key in each style.
  ///
  /// - Parameters:
  ///   - style: The API style.
  ///   - key: The key's value.
  /// - Returns: The header(s).
  static func authHeaders(style: APIStyle, key: String) -> [(name: String, value: String)] {
    switch style {
    case .openai, .openaiResponse, .ollama: [("Authorization", "Bearer \(key)")]
    case .anthropic: [("x-api-key", key)]
    case .gemini: [("x-goog-api-key", key)]
    case .azureOpenAI: [("api-key", key)]
    }
  }

  /// The key's value: the literal, or the variable an `env:NAME` entry names.
  private static func resolve(
    _ key: KeyChoice, environment: [String: String], context: RequestContext
  ) throws(ProviderError) -> String {
    do {
      return try KeySource(entry: key.entry).resolve(environment: environment)
    } catch {
      if case .unsetVariable(let name) = error {
        throw context.error(
          .configuration, detail: "key #\(key.number) reads $\(name), which is not set",
          fix: "export \(name) before starting cherry, or set the key with `key <your key>`")
      }
      throw context.error(
        .configuration, detail: "key #\(key.number) cannot be used",
        fix: "set the key again with `key <your key>`")
    }
  }

  /// A header's value, reading `env:NAME` from the environment.
  private static func resolveHeader(
    _ header: HeaderEntry, environment: [String: String], context: RequestContext
  ) throws(ProviderError) -> String {
    guard header.value.hasPrefix("env:") else { return header.value }
    let name = String(header.value.dropFirst(4))
    guard let value = environment[name] else {
      throw context.error(
        .configuration, detail: "header \(header.name) reads $\(name), which is not set",
        fix: "export \(name), or change it with `header set \(header.name) <value>`")
    }
    return value
  }

  /// A header's value as traces show it (DESIGN §1.1): the key as its masked entry,
  /// every header not known to be harmless (``HeaderSecrecy``) masked whole, and the
  /// request's secrets and key-looking words masked in the rest.
  ///
  /// - Parameters:
  ///   - name: The header name.
  ///   - value: The value sent.
  ///   - isKey: Whether the header carries the provider key.
  ///   - maskedKey: The masked key entry.
  ///   - secrets: The request's secrets.
  /// - Returns: The value, safe to print.
  static func maskedValue(
    name: String, value: String, isKey: Bool, maskedKey: String?, secrets: RequestSecrets
  ) -> String {
    if isKey {
      let masked = maskedKey ?? "****"
      return value.hasPrefix("Bearer ") ? "Bearer \(masked)" : masked
    }
    guard HeaderSecrecy.isSecret(name: name) else {
      return KeyMask.maskLine(secrets.maskField(value))
    }
    if value.hasPrefix("Bearer ") { return "Bearer \(KeyMask.mask(String(value.dropFirst(7))))" }
    return KeyMask.mask(value)
  }
}
