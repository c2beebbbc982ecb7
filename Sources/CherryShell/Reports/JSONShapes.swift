import CherryKit
import CherryProviders

/// The JSON shapes of the reports (DESIGN §2.1; each has a schema in
/// `docs/json/`), and the functions that fill them from the session.
///
/// Keys are masked here too.
enum JSONShapes {
  struct ProviderSummary: Encodable {
    var id: String
    var name: String
    var style: String?
    var enabled: Bool
    var selected: Bool
    var builtIn: Bool
    var supported: Bool
    var unsupportedReason: String?
    var keys: Int
    var models: Int
    var url: String
  }

  struct Key: Encodable {
    var number: Int
    var masked: String
  }

  struct Endpoints: Encodable {
    var chat: String
    var models: String?
    var modelsProblem: String?
    var embeddings: String?
    var rule: String
    var warnings: [String]
  }

  struct Model: Encodable {
    var id: String
    var group: String
    var kinds: [String]
    var overrides: [String: Bool]
    var chat: Bool
    var stale: Bool
    var name: String?
    /// What the provider's listing declared (Ollama's capabilities, …), if anything.
    var declaredKinds: [String]?
    var price: Price?
    /// `false` when the model is called without streaming.
    var streaming: Bool?
    var endpointType: String?
  }

  /// A model's price per million tokens.
  struct Price: Encodable {
    var input: Double
    var output: Double
    var currency: String?
  }

  struct Header: Encodable {
    var name: String
    var value: String
  }

  struct Page: Encodable {
    var id: String
    var name: String
    var style: String
    var builtIn: Bool
    var enabled: Bool
    var selected: Bool
    var needsKey: Bool
    var keys: [Key]
    var nextKey: Int?
    var url: String
    var endpoints: Endpoints?
    var urlError: String?
    var modelsURL: String?
    var apiVersion: String?
    /// The Anthropic-compatible URL in force (set, or the catalogue's default).
    var anthropicURL: String?
    var models: [Model]
    var testModel: String?
    var headers: [Header]
    var proxy: String?
    var timeout: Double?
    var notes: String?
  }

  /// `providers`: every provider, then the catalogue entries cherry cannot use.
  struct Providers: Encodable {
    var providers: [ProviderSummary]
  }

  /// `providers --json`.
  static func providers(_ providers: [Provider], selected: String?, unsupported: [CatalogueEntry])
    -> Providers
  {
    var rows = providers.map { provider in
      ProviderSummary(
        id: provider.id, name: provider.name, style: provider.style.rawValue,
        enabled: provider.enabled,
        selected: provider.id == selected, builtIn: provider.isBuiltIn, supported: true,
        unsupportedReason: nil, keys: provider.keys.count, models: provider.models.count,
        url: URLSecrets.masked(provider.url))
    }
    rows += unsupported.map { entry in
      ProviderSummary(
        id: entry.id, name: entry.name, style: entry.style?.rawValue, enabled: false,
        selected: false,
        builtIn: true, supported: false, unsupportedReason: entry.unsupportedReason, keys: 0,
        models: 0,
        url: entry.defaultURL)
    }
    return Providers(providers: rows)
  }

  /// The settings page of one provider, for every command that shows or changes
  /// one.
  struct ProviderPage: Encodable {
    var provider: DeferredShape<Page>
  }

  /// `show --json`.
  static func page(_ provider: Provider, selected: Bool) -> Page {
    var endpoints: Endpoints?
    var urlError: String?
    if !provider.url.isEmpty {
      do {
        let resolved = try EndpointResolver.resolve(provider, model: nil)
        endpoints = Endpoints(
          chat: URLSecrets.masked(resolved.chat), models: resolved.models.map(URLSecrets.masked),
          modelsProblem: resolved.modelsProblem,
          embeddings: resolved.embeddings.map(URLSecrets.masked), rule: resolved.ruleExplanation,
          warnings: resolved.warnings)
      } catch {
        urlError = ErrorMessage.url(error).what
      }
    }
    let page = Page(
      id: provider.id, name: provider.name, style: provider.type.rawValue,
      builtIn: provider.isBuiltIn,
      enabled: provider.enabled, selected: selected, needsKey: provider.needsKey,
      keys: provider.keys.enumerated().map {
        Key(number: $0.offset + 1, masked: KeyMask.mask($0.element))
      },
      nextKey: provider.nextKeyNumber, url: URLSecrets.masked(provider.url), endpoints: endpoints,
      urlError: urlError,
      modelsURL: provider.modelsURL.map(URLSecrets.masked), apiVersion: provider.apiVersion,
      anthropicURL: provider.effectiveAnthropicURL.map(URLSecrets.masked),
      models: provider.models.map { model($0, provider: provider) },
      testModel: provider.lastAddedChatModel?.id,
      headers: provider.headers.map {
        Header(name: $0.name, value: Describe.headerValue(name: $0.name, value: $0.value))
      },
      proxy: provider.proxy.map(URLSecrets.masked), timeout: provider.timeout,
      notes: provider.notes.flatMap { $0.isEmpty ? nil : $0 })
    return page
  }

  /// `models`: the added models of a provider.
  struct Models: Encodable {
    var provider: String
    var models: [Model]
  }

  /// `models --json`.
  static func models(_ models: [ProviderModel], provider: Provider) -> Models {
    Models(provider: provider.id, models: models.map { model($0, provider: provider) })
  }

  static func model(_ model: ProviderModel, provider: Provider) -> Model {
    let kinds = provider.kinds(of: model)
    var overrides: [String: Bool] = [:]
    for (kind, on) in model.kindOverrides { overrides[kind.rawValue] = on }
    return Model(
      id: model.id, group: model.group, kinds: kinds.sorted().map(\.rawValue), overrides: overrides,
      chat: ChatModelRule.isChatModel(kinds), stale: model.stale, name: model.displayName,
      declaredKinds: model.providerKinds.map { $0.sorted().map(\.rawValue) },
      price: model.price.map { Price(input: $0.input, output: $0.output, currency: $0.currency) },
      streaming: model.streaming, endpointType: model.endpointType?.rawValue)
  }

  struct ListingJSON: Encodable {
    struct Entry: Encodable {
      var number: Int
      var id: String
      var kinds: [String]
      var added: Bool
      var name: String?
      var free: Bool
      var endpointTypes: [String]?
    }

    struct Group: Encodable {
      var name: String
      var models: [Entry]
    }

    var provider: String
    var key: Int?
    var total: Int
    var pattern: String?
    var groups: [Group]
    var stale: [String]
  }

  /// `manage --json`.
  static func listing(_ listing: ModelListing, provider: Provider, key: Int?, stale: [String])
    -> ListingJSON
  {
    ListingJSON(
      provider: provider.id, key: key, total: listing.totalCount, pattern: listing.pattern,
      groups: listing.groups.map { group in
        ListingJSON.Group(
          name: group.name,
          models: group.entries.map {
            ListingJSON.Entry(
              number: $0.number, id: $0.id, kinds: $0.kinds.sorted().map(\.rawValue),
              added: $0.added, name: $0.displayName, free: listing.isFree($0),
              endpointTypes: $0.endpointTypes?.map(\.rawValue))
          })
      }, stale: stale)
  }

  struct KeyResult: Encodable {
    var key: Int?
    var masked: String?
    var target: String
    var model: String?
    var ok: Bool
    var latencyMs: Int
    var error: String?
    var errorKind: String?
    var status: Int?
    var hint: String?
    /// How the key was checked when not as usual (an image-only model).
    var note: String?

    init(_ result: KeyTestResult) {
      key = result.keyNumber
      masked = result.maskedKey
      switch result.target {
      case .modelList: target = "model-list"
      case .chat: target = "chat"
      case .embeddings: target = "embeddings"
      }
      model = result.model
      ok = result.ok
      latencyMs = result.latencyMs
      error = result.error?.summary
      errorKind = result.error?.kind.rawValue
      status = result.error?.status
      hint = result.error?.hint
      note = result.note
    }
  }

  struct TestJSON: Encodable {
    var provider: String
    var model: String?
    var passed: Bool
    var results: [KeyResult]
  }

  /// `test --json`.
  static func test(_ results: [KeyTestResult], provider: Provider, model: String?, passed: Bool)
    -> TestJSON
  {
    TestJSON(
      provider: provider.id, model: model, passed: passed, results: results.map(KeyResult.init))
  }

  struct CheckJSON: Encodable {
    struct Row: Encodable {
      var model: String
      var passed: Bool
      var results: [KeyResult]
    }

    var provider: String
    var rows: [Row]
    var skipped: [String]
    var passed: Int
    var someKeysFailing: Int
    var failing: Int
    var summary: String
  }

  /// `check --json`.
  static func check(_ report: HealthReport, provider: Provider) -> CheckJSON {
    CheckJSON(
      provider: provider.id,
      rows: report.rows.map {
        CheckJSON.Row(model: $0.model, passed: $0.passed, results: $0.results.map(KeyResult.init))
      },
      skipped: report.skipped, passed: report.passedCount,
      someKeysFailing: report.someKeysFailingCount,
      failing: report.failingCount, summary: report.summary)
  }
}

extension JSONShapes {
  /// `use`: the selection after it.
  struct Selection: Encodable {
    /// The selected provider's id; `null` after `use --none`.
    var selected: String?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(selected, forKey: .selected)  // null is meaningful here
    }

    private enum Key: String, CodingKey { case selected }
  }

  /// `provider rm`: the id that is gone.
  struct Removed: Encodable {
    var removed: String
  }
}

extension JSONShapes {
  /// `+` and `-`: what changed, and the page after it.
  struct ModelChange: Encodable {
    /// The provider's page after the change.
    var provider: DeferredShape<Page>?
    /// Models added by this command.
    var added: [String] = []
    /// Models that were there already.
    var already: [String] = []
    /// Models removed by this command.
    var removed: [String] = []
  }

  /// `model <id>`: one added model.
  struct ModelOfProvider: Encodable {
    var provider: String
    var model: Model
  }
}

extension JSONShapes {
  /// `demo status`, `demo fault`, `demo reset`: the demo server's providers and faults.
  struct DemoStatus: Encodable {
    struct Row: Encodable {
      var id: String
      /// What its fault does; absent when it answers normally.
      var fault: String?
    }

    var root: String
    var providers: [Row]
  }

  /// `ask`: the whole answer.
  struct Answer: Encodable {
    var provider: String
    var model: String
    /// The number of the key the request used.
    var key: Int?
    var answer: String
  }
}

extension JSONShapes {
  /// `save`.
  struct Saved: Encodable {
    /// The session file; `nil` for an in-memory session.
    var path: String?
    /// Whether this command wrote it.
    var saved: Bool
  }

  /// `session`.
  struct SessionState: Encodable {
    /// The session file; `nil` for an in-memory session.
    var path: String?
    /// What differs from the file, one line per provider.
    var unsaved: [String]
  }
}
