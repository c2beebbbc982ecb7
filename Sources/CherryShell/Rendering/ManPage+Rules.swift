extension ManPage {
  /// The rules a user needs, as Cherry Studio's settings page states them, and
  /// the rules of cherry's own lines and scripts: the sections between COMMANDS
  /// and EXIT STATUS.
  static var guide: [Section] {
    [
      Section(
        title: "KEYS",
        blocks: [
          paragraph(
            "A provider holds one or more API keys, entered as one list separated by ASCII commas: key sk-xxxx1,sk-xxxx2,sk-xxxx3. Spaces around a key are dropped, so key sk-a, sk-b works; \\, is a comma inside a key. Any other separator (a full-width comma ，, an ideographic comma 、, a semicolon, an invisible character) is an error that names it and prints the corrected command; nothing changes."
          ),
          paragraph(
            "Requests take the keys in turn (1, 2, 3, 1, …), and the turn is saved with the session. test checks every key on its own. A key written env:NAME is read from the environment when it is used and never stored. Keys are never shown whole, anywhere (the screen, JSON, the history): a long key keeps its first and last 8 characters around ****, a shorter one fewer, and a key of 8 characters or fewer is just ****."
          ),
        ]),
      Section(
        title: "API URL",
        blocks: [
          paragraph(
            "Built-in providers come with their URL. For another one, enter the root and cherry adds the rest, by the rules of Cherry Studio's settings page:"
          ),
          .lines([
            "https://api.example.com          → https://api.example.com/v1/chat/completions",
            "https://api.example.com/v2/      → https://api.example.com/v2/chat/completions",
            "https://api.example.com/v3       → https://api.example.com/v3/chat/completions",
            "https://gw.example.com/path/chat/completions#",
            "                                 → https://gw.example.com/path/chat/completions",
          ]),
          paragraph(
            "A URL ending in / gets no version; a path with a version segment (v1, v2beta) gets none either; a URL ending in # is used exactly as written, without the #. A pasted endpoint (…/chat/completions without #) is refused, with both fixes. The model list and embeddings URLs follow from the same address. url shows every endpoint and the rule that made it; explain url walks through the rules."
          ),
        ]),
      Section(
        title: "MODELS",
        blocks: [
          paragraph(
            "manage fetches the provider's model list (the app's Manage button) and shows it numbered and grouped, with each model's kinds. + adds models (the app's + button): by id, by number from the last listing, by group:<name>, by a glob such as 'gpt-4o*', or as a comma list. - removes them; models lists the added ones. A model missing from a fresh listing is marked stale, never removed."
          )
        ]),
      Section(
        title: "TEST AND ENABLE",
        blocks: [
          paragraph(
            "test checks the connection with the last added chat model, each key on its own, and prints one line per key (✓ or ✗, milliseconds, the error explained). With no chat model added it checks the keys against the model list instead. check tests every added model with every key."
          ),
          paragraph(
            "A provider is off until enable: nothing switches on by itself, and ask refuses the models of a provider that is off."
          ),
        ]),
      Section(
        title: "LINES AND SCRIPTS",
        blocks: [
          paragraph(
            "A line is split into words at spaces. 'single' and \"double\" quotes keep spaces; $VAR and ${VAR} are replaced by the environment's value, except inside single quotes; # starts a comment at the start of a word."
          ),
          paragraph(
            "A script (a .cherryrc file, run with -f or source, or piped to standard input) runs one command a line and is all or nothing: the first failing line stops it with FILE:LINE: error: …, exit status 1, and nothing it changed is saved. --keep-going (or set on_error continue) runs every line instead, saves what succeeded, and lists the lines that failed. dump prints the session as such a script."
          ),
          paragraph(
            "For lessons: --echo prints each line before it runs, keys masked, and a # comment line as narration; --step waits for Enter before each command; --typing types each echoed command out; pause waits for Enter; -i stays at the prompt when the scripts end. In cherry --demo, tour is a built-in lesson (tour --print writes it as a script to edit), and demo fault makes a demo provider fail on purpose."
          ),
          paragraph(
            "Data goes to standard output; notes, warnings, progress and errors to standard error. With --json every command prints exactly one JSON object on one line, also when it fails."
          ),
        ]),
    ]
  }

  private static func paragraph(_ text: String) -> Block {
    .paragraph([.text(text)])
  }
}
