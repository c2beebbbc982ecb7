/// A LiteLLM proxy `config.yaml`, as much of it as cherry writes and reads: the
/// `model_list` and the master key (LiteLLM's proxy refuses to start without one).
struct LiteLLMConfig: Codable {
  /// The deployments; those sharing a `model_name` are one model to the proxy's
  /// clients, and its router spreads requests over them.
  var modelList: [Deployment]
  /// The proxy's settings.
  var generalSettings: GeneralSettings?

  private enum CodingKeys: String, CodingKey {
    case modelList = "model_list"
    case generalSettings = "general_settings"
  }

  /// One deployment: a model at one provider with one key.
  struct Deployment: Codable {
    /// The name clients ask for.
    var modelName: String
    /// How LiteLLM calls it.
    var litellmParams: Parameters
    /// Free-form facts; cherry keeps there what `import litellm` needs to give the
    /// same providers back.
    var modelInfo: ModelInfo?

    private enum CodingKeys: String, CodingKey {
      case modelName = "model_name"
      case litellmParams = "litellm_params"
      case modelInfo = "model_info"
    }
  }

  /// How LiteLLM calls a deployment.
  struct Parameters: Codable {
    /// `<provider prefix>/<model id>`.
    var model: String
    /// The base URL, with its version.
    var apiBase: String?
    /// The key, or `os.environ/NAME`.
    var apiKey: String?
    /// Azure's `api-version`.
    var apiVersion: String?
    /// Headers sent with every request.
    var extraHeaders: [String: String]?
    /// The request timeout in seconds.
    var timeout: Double?

    private enum CodingKeys: String, CodingKey {
      case model
      case apiBase = "api_base"
      case apiKey = "api_key"
      case apiVersion = "api_version"
      case extraHeaders = "extra_headers"
      case timeout
    }
  }

  /// What cherry records about a deployment (LiteLLM accepts unknown keys here).
  struct ModelInfo: Codable {
    /// The cherry provider id.
    var cherryProvider: String?
    /// Its display name.
    var cherryName: String?
    /// Its API style.
    var cherryStyle: String?
    /// Its URL as entered in cherry.
    var cherryURL: String?
    /// The number of the key this deployment uses (1-based).
    var cherryKey: Int?
    /// The model's group.
    var cherryGroup: String?
    /// The model's kind overrides.
    var cherryKinds: [String: Bool]?

    private enum CodingKeys: String, CodingKey {
      case cherryProvider = "cherry_provider"
      case cherryName = "cherry_name"
      case cherryStyle = "cherry_style"
      case cherryURL = "cherry_url"
      case cherryKey = "cherry_key"
      case cherryGroup = "cherry_group"
      case cherryKinds = "cherry_kinds"
    }
  }

  /// The proxy's general settings.
  struct GeneralSettings: Codable {
    /// The key the proxy's clients use; `os.environ/LITELLM_MASTER_KEY`.
    var masterKey: String?

    private enum CodingKeys: String, CodingKey {
      case masterKey = "master_key"
    }
  }
}
