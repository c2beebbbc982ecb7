/// A way the demo server can behave as a hostile provider (issue 8), so that the
/// tests can check that cherry holds: keys never follow a redirect to another
/// origin, provider text never reaches the terminal raw, keys echoed in errors are
/// masked, lists are bounded, and a broken stream is reported as such.
///
/// Set with ``DemoServer/setHostileRules(_:)`` or ``DemoConfiguration/hostileRules``
/// (in-process), `POST /_demo/hostile` or `cherry-demo --hostile` (out of
/// process; words in ``parse(_:)``). A ``DemoHostileRule`` limits a behaviour to
/// one demo provider or to a path prefix, so a test can point any provider at
/// `http://127.0.0.1:<port>/evil` and keep the rest of the server honest.
/// Unlike a ``DemoFault``, which a teacher sets, these are for tests only.
///
/// ```swift
/// let server = try await DemoServer.start(configuration: DemoConfiguration(hostileRules: [
///   DemoHostileRule(.redirect(status: 307, to: .otherHost("127.0.0.2", port: nil)),
///                   pathPrefix: "/evil"),
///   DemoHostileRule(.echoKey(offset: 290), provider: "demo-anthropic"),
///   DemoHostileRule(.list(.emptyObjects(count: 10_000_000)), provider: "demo-gemini"),
/// ]))
/// // A second server on 127.0.0.2, same port, records any key a client wrongly
/// // sends after the redirect:
/// let other = try await DemoServer.start(
///   configuration: DemoConfiguration(port: server.port, host: "127.0.0.2"))
/// ```
///
/// Plain http only: the demo serves no TLS, so an https-to-http downgrade cannot
/// be staged here; ``DemoRedirectTarget/otherScheme`` is the other direction.
public enum DemoHostility: Equatable, Sendable {
  /// Every request is redirected (301, 302, 303, 307 or 308) to `target`,
  /// keeping its path and query (less the rule's path prefix).
  case redirect(status: Int, to: DemoRedirectTarget)
  /// Terminal control in everything the provider says: ``DemoHostileText/modelIDs``
  /// are listed before the usual models (so their display names carry it too),
  /// ``DemoHostileText/errorText`` ends every error message of the styles, and
  /// ``DemoHostileText/answerText`` ends every answer.
  case escapes
  /// Every request is refused with a 401 in the style's shape whose message
  /// echoes the key the request carried, starting at character `offset`, in a
  /// message of 300 characters (longer when the key does not fit): see
  /// ``DemoHostileText/echo(key:offset:)``.
  case echoKey(offset: Int)
  /// Model-list requests get this list, in the style's own field (`data` or
  /// `models`); other requests are answered as usual.
  case list(DemoHostileList)
  /// Answers stop halfway and the connection is closed: a complete body after
  /// half its bytes (its `content-length` announced whole), a stream after half
  /// its chunks and half of the next one. (A generated body, the oversized
  /// fault's, is written whole.)
  case stopMidway
}

/// Where a hostile redirect points.
public enum DemoRedirectTarget: Equatable, Sendable {
  /// Another loopback host (`127.0.0.2`), on `port`, or on the server's own port for `nil`.
  case otherHost(String, port: Int?)
  /// The same host on another port.
  case otherPort(Int)
  /// The same origin: the path without the rule's prefix (the same URL when the
  /// rule has none, which makes a redirect loop).
  case sameOrigin
  /// The same host and port with `https` (no TLS is served there).
  case otherScheme
}

/// Degenerate model lists a hostile provider may send.
public enum DemoHostileList: Equatable, Sendable {
  /// `count` empty objects, `{},{},…` (ten million is a 30 MB body).
  case emptyObjects(count: Int)
  /// `count` valid entries in the style's own shape (ids `hostile-model-0000001`, …).
  case entries(count: Int)
  /// The list field holds this JSON text instead of an array (`{}`, `"x"`, `null`, `42`).
  case notArray(String)
  /// The list field is `depth` nested arrays, `[[[…]]]`.
  case nested(depth: Int)
}
