import FoundationEssentials

extension ManPage {
  /// The executable as its command-line parser declares it: name, abstract,
  /// discussion and flags.
  ///
  /// The man page takes the flags from here rather than from a list of its own,
  /// so a flag added to the executable appears in `cherry(1)` without anyone
  /// remembering to (DESIGN §3: the man page is generated).
  public struct Program: Sendable, Equatable {
    /// The command's name: `cherry`.
    public var name: String
    /// One line: what the program is.
    public var abstract: String
    /// The paragraphs below the synopsis in `--help`.
    public var discussion: String
    /// The version line `--version` prints (`cherry 0.1.0`).
    public var version: String
    /// Its flags and options, in `--help` order, hidden ones left out.
    public var flags: [Flag]

    /// Describes a program.
    ///
    /// - Parameters:
    ///   - name: The command's name.
    ///   - abstract: One line: what it is.
    ///   - discussion: The paragraphs of its `--help`.
    ///   - version: The version line.
    ///   - flags: Its flags, in order.
    public init(
      name: String, abstract: String, discussion: String, version: String, flags: [Flag]
    ) {
      self.name = name
      self.abstract = abstract
      self.discussion = discussion
      self.version = version
      self.flags = flags
    }

    /// Reads the description swift-argument-parser writes for
    /// `--experimental-dump-help` (its `ToolInfoV0` JSON; `_dumpHelp()` in-process).
    ///
    /// Hidden flags and positional arguments are left out; `--help` and
    /// `--version` are kept (the parser declares them too).
    ///
    /// - Parameters:
    ///   - toolInfo: The JSON text.
    ///   - version: The version line, which the JSON does not carry.
    /// - Throws: `DecodingError` when the text is not that JSON.
    public init(toolInfo: String, version: String) throws {
      let info = try JSONDecoder().decode(ToolInfo.self, from: Data(toolInfo.utf8))
      let command = info.command
      self.init(
        name: command.commandName, abstract: command.abstract ?? "",
        discussion: command.discussion ?? "", version: version,
        flags: (command.arguments ?? []).compactMap(Flag.init))
    }
  }

  /// One flag or option of the executable.
  public struct Flag: Sendable, Equatable {
    /// Its names with their dashes, short ones first: `["-f"]`, `["--session"]`.
    public var names: [String]
    /// The value's name (`file`), or `nil` for a flag that takes none.
    public var valueName: String?
    /// What it does, one line.
    public var abstract: String
    /// More about it; empty when there is nothing more.
    public var discussion: String
    /// What applies when it is not given; `nil` when nothing to say.
    public var defaultValue: String?
    /// Whether it may be given more than once.
    public var isRepeating: Bool

    /// Describes a flag.
    ///
    /// - Parameters:
    ///   - names: Its names with their dashes.
    ///   - valueName: The value's name, or `nil` for a flag without a value.
    ///   - abstract: What it does.
    ///   - discussion: More about it.
    ///   - defaultValue: What applies without it.
    ///   - isRepeating: Whether it may be repeated.
    public init(
      names: [String], valueName: String? = nil, abstract: String, discussion: String = "",
      defaultValue: String? = nil, isRepeating: Bool = false
    ) {
      self.names = names
      self.valueName = valueName
      self.abstract = abstract
      self.discussion = discussion
      self.defaultValue = defaultValue
      self.isRepeating = isRepeating
    }

    /// The flag as a synopsis writes it: `-f <file>`, `--json`.
    var synopsis: String {
      let name = names.first { $0.hasPrefix("--") } ?? names.first ?? ""
      return valueName.map { "\(name) <\($0)>" } ?? name
    }

    /// All its names, then its value: `-h, --help`, `--session <file>`.
    var term: String {
      names.joined(separator: ", ") + (valueName.map { " <\($0)>" } ?? "")
    }

    /// Reads one argument of the parser's description; `nil` for a positional
    /// argument or a hidden one.
    fileprivate init?(_ argument: ToolInfo.Argument) {
      guard argument.shouldDisplay, argument.kind != "positional" else { return nil }
      let names = (argument.names ?? []).sorted { ($0.kind == "short") && ($1.kind != "short") }
      guard !names.isEmpty else { return nil }
      self.init(
        names: names.map { ($0.kind == "long" ? "--" : "-") + $0.name },
        valueName: argument.kind == "option" ? argument.valueName ?? "value" : nil,
        abstract: argument.abstract ?? "", discussion: argument.discussion ?? "",
        defaultValue: argument.kind == "option" ? argument.defaultValue : nil,
        isRepeating: argument.kind == "option" && argument.isRepeating)
    }
  }
}

/// The part of swift-argument-parser's `ToolInfoV0` the man page reads.
private struct ToolInfo: Decodable {
  struct Command: Decodable {
    var commandName: String
    var abstract: String?
    var discussion: String?
    var arguments: [Argument]?
  }

  struct Argument: Decodable {
    struct Name: Decodable {
      var kind: String
      var name: String
    }

    var kind: String
    var shouldDisplay: Bool
    var isRepeating: Bool
    var names: [Name]?
    var valueName: String?
    var defaultValue: String?
    var abstract: String?
    var discussion: String?
  }

  var command: Command
}
