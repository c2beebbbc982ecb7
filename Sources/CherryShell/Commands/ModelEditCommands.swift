import CherryKit

/// `model <id> name|group|price|stream|endpoint …`: editing an added model, as the
/// app's Edit-model dialog does (issue 9).
enum ModelEditCommands {
  static func name(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let text = invocation.text()
    let name = invocation.spec.arguments[0].isChoice(text) ? nil : text
    return try edit(shell, invocation) { provider, id throws(ModelEditError) in
      try provider.setDisplayName(name, for: id)
    }
  }

  static func group(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let text = invocation.text()
    let group = invocation.spec.arguments[0].isChoice(text) ? nil : text
    return try edit(shell, invocation) { provider, id throws(ModelEditError) in
      try provider.setGroup(group, for: id)
    }
  }

  static func price(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    var price: ModelPrice?
    if !invocation.spec.arguments[0].isChoice(invocation.arguments[0]) {
      guard let output = invocation.argument(1) else {
        throw ErrorMessage.missingArgument(
          invocation.path, invocation.words, invocation.spec.arguments[1])
      }
      do throws(ModelEditError) {
        price = try ModelPrice.parse(
          input: invocation.arguments[0], output: output, currency: invocation.argument(2))
      } catch {
        throw ErrorMessage.modelEdit(error)
      }
    }
    return try edit(shell, invocation) { provider, id throws(ModelEditError) in
      try provider.setPrice(price, for: id)
    }
  }

  static func stream(_ shell: Shell, _ invocation: Invocation) async throws -> any CommandReport {
    let on = invocation.arguments[0] == invocation.spec.arguments[0].choices[0].word
    return try edit(shell, invocation) { provider, id throws(ModelEditError) in
      try provider.setStreaming(on, for: id)
    }
  }

  static func endpoint(_ shell: Shell, _ invocation: Invocation) async throws
    -> any CommandReport
  {
    let word = invocation.arguments[0]
    let type =
      invocation.spec.arguments[0].isChoice(word) ? nil : ModelEndpointType(rawValue: word)
    return try edit(shell, invocation) { provider, id throws(ModelEditError) in
      try provider.setEndpointType(type, for: id)
    }
  }

  /// Applies one edit to the model the leading argument names, and shows it.
  private static func edit(
    _ shell: Shell, _ invocation: Invocation,
    _ change: (inout Provider, String) throws(ModelEditError) -> Void
  ) throws(ShellError) -> any CommandReport {
    let id = invocation.leading[0]
    let provider = try shell.changeSelected { (provider) throws(ShellError) in
      do throws(ModelEditError) {
        try change(&provider, id)
      } catch {
        throw ErrorMessage.modelEdit(error)
      }
    }
    guard let model = provider.model(id) else { return Report.none }
    shell.note("\(model.id.visible)  " + SettingsPage.modelNote(model, provider: provider))
    return ModelCommands.modelReport(provider, model, showText: false)
  }
}
