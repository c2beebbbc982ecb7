public import CherryKit

/// What `cherry` asks `cherry-interop` to do: one request as JSON on its standard
/// input, one ``InteropResponse`` as JSON on its standard output.
///
/// `import` and `export` run in that separate executable, as git runs its
/// subcommands, because the YAML and zip libraries they need load all of
/// Foundation, which `cherry` itself does not load at start-up (DESIGN §5).
public struct InteropRequest: Codable, Sendable {
  /// The version of these messages; a `cherry-interop` of another version refuses
  /// the request rather than guess.
  public static let currentVersion = 1

  /// The version the request was written with.
  public var version: Int
  /// What to do.
  public var task: InteropTask

  /// Creates a request of the current version.
  ///
  /// - Parameter task: What to do.
  public init(_ task: InteropTask) {
    self.version = Self.currentVersion
    self.task = task
  }
}

/// One job for `cherry-interop`.
public enum InteropTask: Codable, Sendable, Equatable {
  /// Read providers from a foreign source.
  case read(ImportSource)
  /// Write providers in a foreign format.
  case write(ExportJob)
}

/// Where `import` reads from.
public enum ImportSource: Codable, Sendable, Equatable {
  /// A `cherrystudio://providers/api-keys?…` link.
  case deepLink(String)
  /// A Cherry Studio backup (`.zip`, `data.json`) or the app's data folder.
  case cherryStudio(path: String)
  /// A LiteLLM proxy `config.yaml`.
  case litellm(path: String)
}

/// The formats `export` writes (DESIGN §1.7).
public enum ExportFormat: String, Codable, Sendable, CaseIterable {
  /// A LiteLLM proxy `config.yaml`.
  case litellm
  /// A Cherry Studio deep link.
  case cherryStudio = "cherry-studio"
  /// `extra-openai-models.yaml` for the `llm` command line.
  case llm
  /// The `clients:` section of aichat's `config.yaml`.
  case aichat
  /// Shell `export` lines for the OpenAI or Anthropic SDKs.
  case env
}

/// Which SDK's variables `export env` writes.
public enum EnvironmentFlavour: String, Codable, Sendable, CaseIterable {
  /// `OPENAI_BASE_URL`, `OPENAI_API_KEY`.
  case openai
  /// `ANTHROPIC_BASE_URL`, `ANTHROPIC_AUTH_TOKEN`.
  case anthropic
}

/// What `export` hands `cherry-interop`: the providers to write, already prepared
/// (keys are `env:` placeholders unless the user asked for them, see
/// ``ExportPreparation``).
public struct ExportJob: Codable, Sendable, Equatable {
  /// The format.
  public var format: ExportFormat
  /// The providers, in the order to write them.
  public var providers: [Provider]
  /// For ``ExportFormat/env``: which SDK.
  public var flavour: EnvironmentFlavour

  /// Creates a job.
  ///
  /// - Parameters:
  ///   - format: The format.
  ///   - providers: The providers to write.
  ///   - flavour: For `env`, which SDK; ignored otherwise.
  public init(format: ExportFormat, providers: [Provider], flavour: EnvironmentFlavour = .openai) {
    self.format = format
    self.providers = providers
    self.flavour = flavour
  }
}

/// What `cherry-interop` answers.
public enum InteropResponse: Codable, Sendable, Equatable {
  /// The providers a source describes.
  case imported(ImportedSource)
  /// The text of an export.
  case exported(ExportedText)
  /// Why the job could not be done; nothing was written anywhere.
  case failed(InteropFailure)
}

/// The providers read from a source, and what the reader has to say about it.
public struct ImportedSource: Codable, Sendable, Equatable {
  /// The source as the user would name it: "Cherry Studio backup (data.json, backup
  /// version 5)".
  public var description: String
  /// The providers, in the source's order.
  public var providers: [ImportedProvider]
  /// Notes on the whole source (entries it ignored, settings cherry has no place for).
  public var notes: [String]

  /// Creates a result.
  ///
  /// - Parameters:
  ///   - description: The source, for the user.
  ///   - providers: The providers.
  ///   - notes: Notes on the source.
  public init(description: String, providers: [ImportedProvider], notes: [String] = []) {
    self.description = description
    self.providers = providers
    self.notes = notes
  }
}

/// The text of an export and what the user must know to use it.
public struct ExportedText: Codable, Sendable, Equatable {
  /// The file's text (or the link), ending with a newline.
  public var text: String
  /// The environment variables the text refers to, in order of first use.
  public var variables: [String]
  /// Lines for standard error: what to run next (`llm keys set …`), what was left out.
  public var notes: [String]
  /// Whether the text holds a key itself (its file is then written with mode 0600).
  public var holdsKey: Bool

  /// Creates an export result.
  ///
  /// - Parameters:
  ///   - text: The text.
  ///   - variables: The variables it refers to.
  ///   - notes: Lines for standard error.
  ///   - holdsKey: Whether the text holds a key itself.
  public init(text: String, variables: [String], notes: [String] = [], holdsKey: Bool) {
    self.text = text
    self.variables = variables
    self.notes = notes
    self.holdsKey = holdsKey
  }
}

/// A failure, as the shell shows every error: what went wrong, then how to fix it.
public struct InteropFailure: Error, Codable, Sendable, Equatable {
  /// What went wrong, naming the file, entry or field.
  public var what: String
  /// How to fix it, one line each.
  public var fix: [String]

  /// Creates a failure.
  ///
  /// - Parameters:
  ///   - what: What went wrong.
  ///   - fix: How to fix it.
  public init(_ what: String, fix: [String] = []) {
    self.what = what
    self.fix = fix
  }
}
