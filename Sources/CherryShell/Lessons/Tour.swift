/// The built-in lesson (`tour`): Cherry Studio's settings page, step by step, on
/// the demo provider — providers, keys and the comma rule, the URL forms, Manage,
/// `+`, the test with the last added chat model, a failing key, enable.
///
/// It is an ordinary `.cherryrc`: `tour --print` writes it, and `cherry --demo
/// --echo -f tour.cherryrc` replays it. `$CHERRY_DEMO_ROOT` is the demo server's
/// root URL, which `cherry --demo` sets.
enum Tour {
  /// The lesson, one line each.
  static let lines: [String] = [
    "# Welcome to cherry: Cherry Studio's model services settings page, in a terminal.",
    "# This tour runs on the demo provider: every request stays on this machine.",
    "# Press Enter at each pause to go on, Ctrl-C to stop.",
    "pause",
    "# 1. Providers. Built-in ones come with their URL; the demo ones point at this machine.",
    "providers demo",
    "use demo-openai",
    "pause",
    "# 2. Keys. One provider may hold several keys, one list separated by ASCII commas.",
    "# A full-width comma (，) is a classic mistake: cherry refuses it and shows the fix.",
    "key demo-key-1，demo-key-2",
    "key demo-key-1,demo-key-2,demo-key-3",
    "# Requests take the keys in turn; keys are always shown masked.",
    "key list",
    "pause",
    "# 3. The URL. Enter the root and cherry adds the rest; a final / drops the version;",
    "# a final # uses the address exactly as written.",
    "explain url --short https://api.example.com",
    "explain url --short https://api.example.com/v2/",
    "explain url --short https://gw.example.com/any/path/chat/completions#",
    "# This gateway lives at a custom path: its root URL gets a 404 ...",
    "use demo-gateway",
    "url",
    "test",
    "# ... and its exact endpoint, with #, works.",
    "url ${CHERRY_DEMO_ROOT}/gateway/llm/chat/completions#",
    "test",
    "pause",
    "# 4. Manage fetches the model list: grouped, numbered, with each model's kinds.",
    "use demo-openai",
    "manage gpt",
    "# 5. + adds models: by number, id, group:<name> or a glob.",
    "+ 1 text-embedding-3-small",
    "models",
    "pause",
    "# 6. Test: the last added chat model, on every key, one line each.",
    "test",
    "# A key the provider rejects shows as ✗, with the reason.",
    "key add sk-wrong-key-0123456789",
    "test",
    "key rm 4",
    "pause",
    "# 7. Enable: nothing switches on by itself. Then the models are available.",
    "enable",
    "ask Say hello to the class",
  ]

  /// The lesson as one text.
  static var text: String { lines.joined(separator: "\n") + "\n" }
}
