/// The manual page `cherry(1)`, generated from the command table and the
/// executable's flags so it cannot drift from either (DESIGN §3).
///
/// The same text is set two ways: roff for `man` (``roff(program:)``, which
/// `scripts/install` puts under `share/man/man1`) and Markdown for the
/// repository (``markdown(program:)``, kept as `docs/reference.md`).
public enum ManPage {
  /// The page in roff, for `man -l` and `share/man/man1/cherry.1`.
  ///
  /// - Parameter program: The executable's name, abstract, discussion, version
  ///   and flags, as its command-line parser declares them.
  /// - Returns: The roff source, ending with a newline.
  public static func roff(program: Program) -> String {
    RoffWriter.page(sections(program), name: program.name, version: program.version)
  }

  /// The page in Markdown (GitHub's), for the repository's `docs/reference.md`.
  ///
  /// - Parameter program: The executable, as for ``roff(program:)``.
  /// - Returns: The Markdown text, ending with a newline.
  public static func markdown(program: Program) -> String {
    MarkdownWriter.page(sections(program), name: program.name)
  }

  /// Every section, in the order of a manual page.
  static func sections(_ program: Program) -> [Section] {
    [
      Section(title: "NAME", blocks: [.paragraph([.text(nameLine(program))])]),
      synopsis(program),
      description(program),
      Section(
        title: "OPTIONS",
        blocks: program.flags.map { flag in
          var text = [sentence(flag.abstract)]
          if !flag.discussion.isEmpty { text.append(flag.discussion) }
          if let value = flag.defaultValue { text.append("Default: \(value).") }
          return .item(term: flag.term, text: [.text(text.joined(separator: " "))])
        }),
      commands,
    ] + guide + [exitStatus, environment, files, examples, seeAlso]
  }

  /// `cherry - a shell for setting up LLM model providers`.
  private static func nameLine(_ program: Program) -> String {
    var abstract = Substring(program.abstract)
    if abstract.hasSuffix(".") { abstract = abstract.dropLast() }
    guard let first = abstract.first else { return program.name }
    return program.name + " - " + first.lowercased() + abstract.dropFirst()
  }

  private static func synopsis(_ program: Program) -> Section {
    let flags = program.flags.filter { !["--help", "--version"].contains($0.names.last) }
    var words: [Span] = [.literal(program.name)]
    for flag in flags {
      words += [.text(" ["), .literal(flag.synopsis), .text(flag.isRepeating ? "]…" : "]")]
    }
    return Section(
      title: "SYNOPSIS",
      blocks: [
        .paragraph(words),
        .paragraph([.literal("\(program.name) --generate-completion-script bash|zsh|fish")]),
        .paragraph([.literal("\(program.name) --version"), .text(" | "), .literal("--help")]),
      ])
  }

  private static func description(_ program: Program) -> Section {
    let paragraphs = program.discussion.split(separator: "\n\n").map {
      Block.paragraph([.text($0.split(separator: "\n").joined(separator: " "))])
    }
    return Section(
      title: "DESCRIPTION",
      blocks: [
        .paragraph([
          .literal(program.name),
          .text(
            " sets up LLM model providers the way the model services page of Cherry Studio's settings does: pick a provider ("
          ), .literal("use"), .text("), enter its API keys ("), .literal("key"),
          .text("), check its API URL ("), .literal("url"), .text("), fetch its model list ("),
          .literal("manage"), .text("), add models ("), .literal("+"),
          .text("), test the connection ("), .literal("test"),
          .text(") and switch the provider on ("), .literal("enable"),
          .text(
            "). All of it is kept in the session file. At the prompt, a command that changes the session saves it; a script saves once, after its last line succeeded."
          ),
        ])
      ] + paragraphs)
  }

  private static var exitStatus: Section {
    let statuses: [ExitStatus] = [.success, .commandFailed, .usage, .sessionFile, .interrupted]
    return Section(
      title: "EXIT STATUS",
      blocks: statuses.map { .item(term: String($0.rawValue), text: [.text(meaning($0))]) })
  }

  /// What an exit status tells a script.
  private static func meaning(_ status: ExitStatus) -> String {
    switch status {
    case .success:
      "Every command succeeded. An interactive session that ends with quit or Ctrl-D exits 0 whatever failed before, as psql does."
    case .commandFailed:
      "A command failed (FILE:LINE: error: … on standard error). A script stops there and saves nothing; with --keep-going every line runs, what succeeded is saved, the failed lines are listed at the end, and the status is still 1."
    case .usage:
      "The command line was wrong: an unknown flag, a missing value."
    case .sessionFile:
      "The session file could not be read, written or locked, holds a value cherry cannot use (named as providers.<id>.<field>), was written by a newer cherry, or another shell changed the same field."
    case .interrupted:
      "Ctrl-C ended a script (-f, -c or piped standard input); nothing was saved."
    }
  }

  private static var environment: Section {
    let variables: [(String, String)] = [
      (
        "CHERRY_HOME",
        "The folder of the session file and the history. Default: $XDG_CONFIG_HOME/cherry, else ~/.config/cherry."
      ),
      ("XDG_CONFIG_HOME", "See CHERRY_HOME; ignored unless it is an absolute path."),
      ("CHERRY_RC", "The start-up script of an interactive session, instead of ~/.cherryrc."),
      ("HOME", "Where ~/.cherryrc and ~/.config are."),
      ("NO_COLOR", "When set and not empty: no colours, as --no-color."),
      ("CLICOLOR_FORCE", "When set and not 0: colours even when the output is not a terminal."),
      ("COLUMNS", "The width to wrap text to when neither output is a terminal."),
      (
        "PAGER",
        "At the prompt, output longer than the screen goes through this program. Default: less -FRX; set pager off turns it off."
      ),
      (
        "CHERRY_INTEROP",
        "The cherry-interop program that import and export run. Default: the one next to cherry, else the first on the PATH."
      ),
      (
        "CHERRY_DEMO_ROOT",
        "Set by cherry --demo for the lines it runs: the demo server's address (http://127.0.0.1:PORT), so a lesson can name it."
      ),
      (
        "HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY",
        "The proxy for requests of providers that have no proxy of their own (proxy <url>), and the hosts that go direct. Lower-case names work too. Loopback addresses never go through a proxy."
      ),
      (
        "SSL_CERT_FILE",
        "A PEM file of certificate authorities to trust instead of the system's (a company proxy's CA)."
      ),
      (
        "any other",
        "A key or a header value written env:NAME is read from the variable NAME when a request is sent, and never stored. $NAME and ${NAME} in a command line are replaced by its value (not inside single quotes); an unset or empty variable is an error."
      ),
    ]
    return Section(
      title: "ENVIRONMENT",
      blocks: variables.map { .item(term: $0.0, text: [.text($0.1)]) })
  }

  private static var files: Section {
    let files: [(String, String)] = [
      (
        "$CHERRY_HOME/session.json",
        "The session: every provider, its keys, URLs, models and switch, and the key rotation. JSON, mode 0600, written to a temporary file and renamed into place; another file with --session. Fields cherry does not know are kept."
      ),
      (
        "$CHERRY_HOME/session.json.lock",
        "Taken while a shell saves, so two shells on one file never lose each other's changes."
      ),
      ("$CHERRY_HOME/history", "The prompt's history, mode 0600, keys masked."),
      ("$CHERRY_HOME/session.json.bak", "The session as it was before the last import."),
      (
        "$CHERRY_HOME/cache/",
        "The last model list of each provider (manage), kept beside the session for + <number> and Tab in later runs: one file a provider, mode 0600, never inside the session file."
      ),
      (
        "~/.cherryrc",
        "Run before the prompt starts, unless --no-rc (or $CHERRY_RC): for settings such as set trace on or use deepseek. A failing line reports FILE:LINE, nothing it did is saved, and the prompt still starts."
      ),
    ]
    return Section(
      title: "FILES", blocks: files.map { .item(term: $0.0, text: [.text($0.1)]) })
  }

  private static var examples: Section {
    Section(
      title: "EXAMPLES",
      blocks: [
        .paragraph([.text("Try everything offline, against the built-in demo provider:")]),
        .lines(["cherry --demo"]),
        .paragraph([.text("Set up a provider from a script, with the key from the environment:")]),
        .lines([
          "cherry -c 'use deepseek' -c 'key env:DEEPSEEK_API_KEY' -c '+ deepseek-chat' -c test -c enable"
        ]),
        .paragraph([.text("Keep the setup as a script, and replay it on another machine:")]),
        .lines(["cherry -c dump > setup.cherryrc", "cherry -f setup.cherryrc"]),
        .paragraph([.text("Read a provider's settings from a program:")]),
        .lines(["cherry --json -c 'show deepseek' | jq .provider.endpoints"]),
      ])
  }

  private static var seeAlso: Section {
    Section(
      title: "SEE ALSO",
      blocks: [
        .paragraph([
          .text("The user guide, "), .file("docs/guide.md"),
          .text(", and the JSON documents, "), .file("docs/json.md"),
          .text(", in cherry's source repository. "), .literal("help"),
          .text(" and "), .literal("explain url"), .text(" at the prompt."),
        ])
      ])
  }
}
