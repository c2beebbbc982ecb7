import CherryKit
import FoundationEssentials

/// The control routes under `/_demo/`, for driving a standalone `cherry-demo`
/// from scripts: read and clear the recorded requests, set faults, latency and
/// models. They are never recorded, delayed or faulted.
///
/// - `GET /_demo/health`
/// - `GET /_demo/requests`, `DELETE /_demo/requests`
/// - `POST /_demo/fault` `{"fault":"429","retryAfter":2,"bytes":…,"style":"openai",
///   "model":"…","path":"/chat/completions","times":1}` (`"fault":null` or `"none"` clears);
///   `DELETE /_demo/fault`; `GET /_demo/fault`
/// - `POST /_demo/latency` `{"ms":100}`
/// - `POST /_demo/models` `{"count":10000}` or `{"ids":["a","b"]}`
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
      let names = faults().map { DemoJSON.quote($0.fault.name) }
      return .json(200, #"{"faults":[\#(names.joined(separator: ","))]}"#)
    case ("DELETE", "/_demo/fault"):
      setFault(nil)
      return .json(200, #"{"fault":null}"#)
    case ("POST", "/_demo/fault"):
      guard let body else { return controlError("the body must be a JSON object") }
      guard let name = body.fault, name != "none" else {
        setFault(nil)
        return .json(200, #"{"fault":null}"#)
      }
      guard
        let fault = DemoFault.named(
          name, retryAfterSeconds: body.retryAfter ?? 1,
          bytes: body.bytes ?? DemoFault.defaultOversizedBytes)
      else { return controlError("unknown fault \(name)") }
      var style: APIStyle?
      if let styleName = body.style {
        guard let parsed = APIStyle(rawValue: styleName) else {
          return controlError("unknown style \(styleName)")
        }
        style = parsed
      }
      setFaults([
        DemoFaultRule(
          fault, style: style, model: body.model, pathSuffix: body.path, times: body.times)
      ])
      return .json(200, #"{"fault":\#(DemoJSON.quote(fault.name))}"#)
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
  /// The fault name, or `nil`/`"none"` to clear.
  var fault: String?
  /// The `retry-after` seconds of a 429.
  var retryAfter: Int?
  /// The size of an oversized body.
  var bytes: Int?
  /// Only this style.
  var style: String?
  /// Only this model.
  var model: String?
  /// Only paths ending with this.
  var path: String?
  /// Only this many times.
  var times: Int?
  /// The latency in milliseconds.
  var ms: Int?
  /// A generated model count.
  var count: Int?
  /// Explicit model ids.
  var ids: [String]?
}
