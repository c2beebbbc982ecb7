import CherryKit

/// One request with everything decided about it before it is answered.
struct DemoExchange: Sendable {
  /// The request.
  var request: DemoRequest
  /// Its route, or `nil` when no style has its path.
  var route: DemoRoute?
  /// The body fields, or `nil`.
  var fields: DemoBodyFields?
  /// The key it carries in its style's header.
  var key: String?
  /// The server's settings when it arrived.
  var settings: DemoSettings
  /// The hostile rule that applies, if any.
  var hostile: DemoHostileRule?
  /// The fault that applies, if any.
  var fault: DemoFault?
}

extension DemoServer {
  /// The answer to a request: a hostile answer, a fault, or the style's own.
  ///
  /// A hostile rule comes first (a redirect, an echoed key, a degenerate list
  /// replace the answer; escapes change what the style's handler says), then a
  /// fault (``DemoFault/unknownModel`` hides every model from the handler), then
  /// the style's handler.
  func answer(_ exchange: DemoExchange) -> DemoResponse {
    let style = exchange.route?.style
    switch exchange.hostile?.hostility {
    case .redirect(let status, let target):
      guard let rule = exchange.hostile else { break }
      let location = redirectLocation(target, rule: rule, request: exchange.request)
      return .full(
        status: status, headers: [("location", location), ("content-type", "text/plain")],
        body: "Moved to \(location)\n")
    case .echoKey(let offset):
      return DemoErrorShape.response(
        style: style, status: 401, kind: .authentication,
        message: DemoHostileText.echo(key: exchange.key ?? "", offset: offset))
    case .list(let list):
      if let route = exchange.route, route.operation == .models {
        return DemoGeneratedList.hostile(list, style: route.style)
      }
    case .escapes, .stopMidway, nil:
      break
    }
    guard let route = exchange.route else {
      if let fault = exchange.fault,
        let response = DemoRouter.respond(to: fault, style: nil, wantsStream: false)
      {
        return response
      }
      return DemoRouter.unknownPath(exchange.request)
    }
    let settings = exchange.settings
    var context = DemoContext(
      request: exchange.request, route: route, fields: exchange.fields, models: settings.models,
      modelSet: settings.modelSet, keys: settings.keys, ollamaNeedsKey: settings.ollamaNeedsKey,
      streamChunks: settings.streamChunks)
    if exchange.hostile?.hostility == .escapes {
      context.models = DemoHostileText.modelIDs + context.models
      context.modelSet.formUnion(DemoHostileText.modelIDs)
      context.errorSuffix = DemoHostileText.errorText
      context.answerSuffix = DemoHostileText.answerText
    }
    if let fault = exchange.fault {
      if let response = DemoRouter.respond(
        to: fault, style: route.style, wantsStream: context.wantsStream)
      {
        return response
      }
      if fault == .unknownModel { context.modelSet = [] }
    }
    return DemoRouter.respond(context)
  }
}
