extension ManPage {
  /// A manual as a tree of sections and blocks, before it is set in roff or
  /// Markdown: one walk of the command table serves both.
  struct Section: Equatable {
    /// The heading: `COMMANDS`.
    let title: String
    /// Its contents.
    let blocks: [Block]
  }

  /// A part of a section.
  indirect enum Block: Equatable {
    /// Running text, filled and wrapped.
    case paragraph([Span])
    /// Lines kept exactly as written, in a fixed font: usage forms, examples.
    case lines([String])
    /// A term and the text that explains it: an option, a fixed word, a file.
    case item(term: String, text: [Span])
    /// A titled part with its own blocks: a command, a subcommand.
    case part(title: [String], blocks: [Block])
  }

  /// A run of text in one style.
  enum Span: Equatable {
    /// Prose.
    case text(String)
    /// Something typed as is: a command, a flag (bold in roff, code in Markdown).
    case literal(String)
    /// A file of cherry's repository, from its root (`docs/json.md`): bold in
    /// roff, a link in the Markdown kept in `docs/`.
    case file(String)
  }
}
