import CherryKit
import FoundationEssentials

/// The control routes under `/_demo/`, for driving a standalone `cherry-demo`
/// from scripts: read and clear the recorded requests, set faults, hostile
/// rules, latency and models, reset. They are never recorded, delayed or
/// faulted, and call the same methods as the Swift API.
///
/// - `GET /_demo/health`
/// - `GET /_demo/requests`, `DELETE /_demo/requests`
/// - `POST /_demo/fault` `{"fault":"429","retryAfter":2,"bytes":…,"ms":…,"style":"openai",
///   "model":"…","path":"/chat/completions","times":1}`: the fault in ``DemoFault/parse(_:)-(String)``
///   words (`"slow 800"`; a value may come from `retryAfter`, `bytes` or `ms`);
///   `"fault":null`, `"none"` or `"off"` clears every fault. With `"provider":"demo-openai"`
///   it sets or clears that provider's fault alone, as ``setFault(_:for:)`` does.
///   `DELETE /_demo/fault`; `GET /_demo/fault` (`{"faults":[…],"providers":{"id":"words"}}`)
/// - `POST /_demo/hostile` `{"hostile":"redirect 307 other-host","provider":"…","path":"/evil"}`
///   (words of ``DemoHostility/parse(_:)``, added before the other rules);
///   `DELETE /_demo/hostile`; `GET /_demo/hostile`
/// - `POST /_demo/latency` `{"ms":100}`
/// - `POST /_demo/models` `{"count":10000}` or `{"ids":["a","b"]}`
/// - `POST /_demo/reset`: ``reset()``
extension DemoServer {
  /// Answers a control request.
  func control(_ request: DemoRequest) -> DemoResponse {
    let body = (try? JSONDecoder().decode(DemoControlBody.self, from: Data(request.body)))
    switch (request.method, request.path) {
    case ("GET", "/_demo/health"):
      return .json(200, #"{"status":"ok","port":\#(port)}"#)
    case ("GET", "/_demo/requests"):
      return .json(200, recordsJSON(recordedRequests()))
    case ("DELETE", "/_demo/requests"):
      clearRecordedRequests()
      return .json(200, #"{"cleared":true}"#)
    case ("GET", "/_demo/fault"):
      let names = faultRules.map { DemoJSON.quote($0.fault.name) }
      let providers = faults.sorted { $0.key < $1.key }.map {
        DemoJSON.quote($0.key) + ":" + DemoJSON.quote($0.value.word)
      }
      return .json(
        200,
        #"{"faults":[\#(names.joined(separator: ","))],"#
          + #""providers":{\#(providers.joined(separator: ","))}}"#)
    case ("DELETE", "/_demo/fault"):
      setFault(nil)
      return .json(200, #"{"fault":null}"#)
    case ("POST", "/_demo/fault"):
      guard let body else { return controlError("the body must be a JSON object") }
      return setFault(body)
    case ("GET", "/_demo/hostile"):
      return .json(200, #"{"rules":\#(hostileRules.count)}"#)
    case ("DELETE", "/_demo/hostile"):
      setHostileRules([])
      return .json(200, #"{"rules":0}"#)
    case ("POST", "/_demo/hostile"):
      guard let text = body?.hostile, let hostility = DemoHostility.parse(text) else {
        return controlError(
          "expected {\"hostile\":…} with one of: "
            + DemoHostility.synopses.joined(separator: "; "))
      }
      let rule = DemoHostileRule(hostility, provider: body?.provider, pathPrefix: body?.path)
      setHostileRules([rule] + hostileRules)
      return .json(200, #"{"rules":\#(hostileRules.count)}"#)
    case ("POST", "/_demo/reset"):
      reset()
      return .json(200, #"{"reset":true}"#)
    case ("POST", "/_demo/latency"):
      guard let milliseconds = body?.ms else { return controlError(#"expected {"ms":N}"#) }
      setLatency(milliseconds: milliseconds)
      return .json(200, #"{"ms":\#(max(0, milliseconds))}"#)
    case ("POST", "/_demo/models"):
      if let ids = body?.ids {
        setModels(ids)
      } else if let count = body?.count {
        setModels(count == 0 ? DemoModelCatalog.standard : DemoModelCatalog.generated(count: count))
      } else {
        return controlError(#"expected {"count":N} or {"ids":[…]}"#)
      }
      return .json(200, #"{"count":\#(state.withLock { $0.settings.models.count })}"#)
    default:
      return .json(404, #"{"error":"unknown control route \#(request.method) \#(request.path)"}"#)
    }
  }

  /// `POST /_demo/fault`: one provider's fault, or the rule for every request.
  private func setFault(_ body: DemoControlBody) -> DemoResponse {
    guard let text = body.fault else {
      setFault(nil)
      return .json(200, #"{"fault":null}"#)
    }
    var words = text.split(separator: " ").map(String.init)
    // The older form gives a fault's value in a field of its own.
    if words.count == 1 {
      let value: Int?
      switch DemoFaultWord.named(words[0]) {
      case .rateLimited: value = body.retryAfter
      case .oversized: value = body.bytes
      case .slow: value = body.ms
      default: value = nil
      }
      if let value { words.append(String(value)) }
    }
    let fault: DemoFault?
    var style: APIStyle?
    do throws(DemoFaultError) {
      fault = try DemoFault.parse(words)
      if let provider = body.provider {
        try setFault(fault, for: provider)
        return .json(200, #"{"fault":\#(DemoJSON.quoteOrNull(fault?.word))}"#)
      }
    } catch {
      return controlError(error.description)
    }
    if let styleName = body.style {
      guard let parsed = APIStyle(rawValue: styleName) else {
        return controlError("unknown style \(styleName)")
      }
      style = parsed
    }
    guard let fault else {
      setFault(nil)
      return .json(200, #"{"fault":null}"#)
    }
    setFaults([
      DemoFaultRule(
        fault, style: style, model: body.model, pathSuffix: body.path, times: body.times)
    ])
    return .json(200, #"{"fault":\#(DemoJSON.quote(fault.name))}"#)
  }

  /// A 400 answer of a control route.
  private func controlError(_ message: String) -> DemoResponse {
    .json(400, #"{"error":\#(DemoJSON.quote(message))}"#)
  }

  /// The recorded requests as JSON; keys are masked, times are milliseconds since start.
  private func recordsJSON(_ records: [RecordedRequest]) -> String {
    func milliseconds(_ instant: ContinuousClock.Instant?) -> String {
      guard let instant else { return "null" }
      let parts = (instant - started).components
      return String(Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15)
    }
    let items = records.map { record in
      #"{"id":\#(record.id),"method":\#(DemoJSON.quote(record.method)),"#
        + #""target":\#(DemoJSON.quote(record.target)),"#
        + #""style":\#(DemoJSON.quoteOrNull(record.style?.rawValue)),"#
        + #""model":\#(DemoJSON.quoteOrNull(record.model)),"#
        + #""key":\#(DemoJSON.quoteOrNull(record.key.map(KeyMask.mask))),"#
        + #""keyNumber":\#(record.keyNumber.map(String.init) ?? "null"),"#
        + #""status":\#(record.status.map(String.init) ?? "null"),"#
        + #""startMs":\#(milliseconds(record.start)),"endMs":\#(milliseconds(record.end))}"#
    }
    return "[" + items.joined(separator: ",") + "]"
  }
}

/// The body of a control request; each route reads its own fields.
struct DemoControlBody: Decodable, Sendable {
  /// The fault words, or `nil`/`"none"`/`"off"` to clear.
  var fault: String?
  /// A demo provider: the fault or hostile rule is that provider's alone.
  var provider: String?
  /// The hostile behaviour's words.
  var hostile: String?
  /// The `retry-after` seconds of a 429.
  var retryAfter: Int?
  /// The size of an oversized body.
  var bytes: Int?
  /// Only this style.
  var style: String?
  /// Only this model.
  var model: String?
  /// Only paths ending with this (faults) or starting with it (hostile rules).
  var path: String?
  /// Only this many times.
  var times: Int?
  /// The latency in milliseconds (also the value of `slow`).
  var ms: Int?
  /// A generated model count.
  var count: Int?
  /// Explicit model ids.
  var ids: [String]?
}
